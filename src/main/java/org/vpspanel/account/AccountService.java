package org.vpspanel.account;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.vpspanel.audit.AuditService;
import org.vpspanel.common.InvalidInputException;
import org.vpspanel.common.NotFoundException;
import org.vpspanel.common.Validation;

/**
 * Resellers, customers and each user's own account. Every read is scoped to what the current user may
 * see: an admin sees all, a reseller its own customers, a customer only itself.
 */
@Service
@Transactional
public class AccountService {

    private final UserAccountRepository users;
    private final PasswordEncoder passwordEncoder;
    private final CurrentUser currentUser;
    private final AuditService audit;
    private final ResellerUsage resellerUsage;
    private final Clock clock;

    AccountService(UserAccountRepository users, PasswordEncoder passwordEncoder, CurrentUser currentUser,
                   AuditService audit, ResellerUsage resellerUsage, Clock clock) {
        this.users = users;
        this.passwordEncoder = passwordEncoder;
        this.currentUser = currentUser;
        this.audit = audit;
        this.resellerUsage = resellerUsage;
        this.clock = clock;
    }

    @PreAuthorize("hasRole('ADMIN')")
    public AccountSummary createReseller(NewAccount account, Allocation allocation) {
        Validation validation = new Validation();
        AccountRules.checkNewAccount(account, validation);
        validation.add(allocation.violations());
        validation.throwIfInvalid();
        UserAccount reseller = newAccount(account, Role.RESELLER, null);
        reseller.setAllocation(allocation);
        users.save(reseller);
        audit.record("reseller.create", "user", reseller.getId(), "reseller " + reseller.getUsername());
        return reseller.toSummary(null);
    }

    /** Sets what a reseller may sell; refused below what its customers already hold. */
    @PreAuthorize("hasRole('ADMIN')")
    public AccountSummary updateAllocation(long resellerId, Allocation allocation) {
        Validation validation = new Validation();
        validation.add(allocation.violations());
        validation.throwIfInvalid();
        UserAccount reseller = users.lockById(resellerId).filter(u -> u.getRole() == Role.RESELLER)
                .orElseThrow(() -> new NotFoundException("Reseller", resellerId));
        List<String> exceeded = allocation.exceededBy(resellerUsage.usedBy(resellerId));
        if (!exceeded.isEmpty()) {
            throw new InvalidInputException("allocation", "The reseller's customers already hold more than this: "
                    + String.join(", ", exceeded));
        }
        reseller.setAllocation(allocation);
        audit.record("reseller.allocation", "user", resellerId, allocation.toString());
        return reseller.toSummary(null);
    }

    /**
     * Opens a customer account: a reseller's own customer, or for an admin one of the reseller named by
     * {@code resellerId}, or directly under the host when that is null. {@code billingDay} null: the day of
     * the month it is opened, capped at 28 ({@link BillingPeriod#defaultDay}).
     */
    @PreAuthorize("hasAnyRole('ADMIN', 'RESELLER')")
    public AccountSummary createCustomer(NewAccount account, Long resellerId, Integer billingDay) {
        Actor actor = currentUser.require();
        Long owner = actor.isReseller() ? Long.valueOf(actor.id()) : resellerId;
        Validation validation = new Validation();
        AccountRules.checkNewAccount(account, validation);
        if (billingDay != null) {
            BillingPeriod.checkDay(billingDay, validation);
        }
        validation.throwIfInvalid();
        String resellerName = null;
        if (owner != null) {
            resellerName = users.findById(owner).filter(u -> u.getRole() == Role.RESELLER)
                    .orElseThrow(() -> new InvalidInputException("reseller", "No reseller with id " + owner))
                    .getUsername();
        }
        UserAccount customer = newAccount(account, Role.CUSTOMER, owner);
        customer.setBillingDay(billingDay != null ? billingDay : BillingPeriod.defaultDay(clock.instant()));
        users.save(customer);
        audit.record("customer.create", "user", customer.getId(), "customer " + customer.getUsername());
        return customer.toSummary(resellerName);
    }

    private UserAccount newAccount(NewAccount account, Role role, Long resellerId) {
        if (users.findByUsername(account.username()).isPresent()) {
            throw new InvalidInputException("username", "User name '" + account.username() + "' is taken");
        }
        return new UserAccount(account.username(), account.email().trim(),
                account.fullName() == null ? "" : account.fullName().trim(), passwordEncoder.encode(account.password()),
                role, resellerId, clock.instant());
    }

    /** Customers the current user manages: all for an admin, its own for a reseller. */
    @PreAuthorize("hasAnyRole('ADMIN', 'RESELLER')")
    @Transactional(readOnly = true)
    public Page<AccountSummary> findCustomers(AccountFilter filter, Pageable pageable) {
        return summaries(users.findAll(customersVisible().and(matching(filter)), pageable));
    }

    @PreAuthorize("hasAnyRole('ADMIN', 'RESELLER')")
    @Transactional(readOnly = true)
    public long countCustomers(AccountFilter filter) {
        return users.count(customersVisible().and(matching(filter)));
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public Page<AccountSummary> findResellers(AccountFilter filter, Pageable pageable) {
        Specification<UserAccount> resellers = (root, query, cb) -> cb.equal(root.get("role"), Role.RESELLER);
        return summaries(users.findAll(resellers.and(matching(filter)), pageable));
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public long countResellers(AccountFilter filter) {
        Specification<UserAccount> resellers = (root, query, cb) -> cb.equal(root.get("role"), Role.RESELLER);
        return users.count(resellers.and(matching(filter)));
    }

    /** A customer the current user manages (or, for a customer, itself); otherwise not found. */
    @Transactional(readOnly = true)
    public AccountSummary getCustomer(long customerId) {
        Actor actor = currentUser.require();
        return users.findById(customerId)
                .filter(u -> u.getRole() == Role.CUSTOMER)
                .filter(u -> switch (actor.role()) {
                    case ADMIN -> true;
                    case RESELLER -> Long.valueOf(actor.id()).equals(u.getResellerId());
                    case CUSTOMER -> u.getId() == actor.id();
                })
                .map(u -> u.toSummary(resellerName(u.getResellerId())))
                .orElseThrow(() -> new NotFoundException("Customer", customerId));
    }

    /**
     * Moves a customer's billing day. The current billing period of its partitions still ends when it was
     * going to; the periods after it start on the new day.
     */
    @PreAuthorize("hasAnyRole('ADMIN', 'RESELLER')")
    public AccountSummary changeBillingDay(long customerId, Integer billingDay) {
        Validation validation = new Validation();
        BillingPeriod.checkDay(billingDay, validation);
        validation.throwIfInvalid();
        AccountSummary visible = getCustomer(customerId);
        UserAccount customer = users.findById(visible.id()).orElseThrow();
        customer.setBillingDay(billingDay);
        audit.record("customer.billing-day", "user", customerId, customer.getUsername() + ": day " + billingDay);
        return customer.toSummary(visible.resellerName());
    }

    /** A customer's billing day, for the traffic accounting that runs without a signed-in user. */
    @Transactional(readOnly = true)
    public int billingDayOf(long customerId) {
        return users.findById(customerId).map(UserAccount::getBillingDay)
                .orElseThrow(() -> new NotFoundException("Customer", customerId));
    }

    /** The customer with this user name, under the same rule as {@link #getCustomer}; otherwise not found. */
    @Transactional(readOnly = true)
    public AccountSummary getCustomerByUsername(String username) {
        return users.findByUsername(username).filter(u -> u.getRole() == Role.CUSTOMER)
                .map(u -> getCustomer(u.getId()))
                .orElseThrow(() -> new NotFoundException("Customer", username));
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public AccountSummary getResellerByUsername(String username) {
        return users.findByUsername(username).filter(u -> u.getRole() == Role.RESELLER)
                .map(u -> u.toSummary(null))
                .orElseThrow(() -> new NotFoundException("Reseller", username));
    }

    /** User names by id, for listing things that refer to users. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public Map<Long, String> namesOf(java.util.Collection<Long> userIds) {
        return users.findAllById(userIds).stream()
                .collect(Collectors.toMap(UserAccount::getId, UserAccount::getUsername));
    }

    /** The allocation of a reseller, for the partition feature's checks. */
    @Transactional(readOnly = true)
    public Optional<Allocation> allocationOf(long resellerId) {
        return users.findById(resellerId).map(UserAccount::getAllocation);
    }

    /**
     * Locks a reseller's row until the end of the caller's transaction, so that concurrent sales for the
     * same reseller are checked against its allocation one after another.
     */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    public Allocation lockAllocation(long resellerId) {
        return users.lockById(resellerId).map(UserAccount::getAllocation)
                .orElseThrow(() -> new NotFoundException("Reseller", resellerId));
    }

    @Transactional(readOnly = true)
    public AccountSummary me() {
        Actor actor = currentUser.require();
        UserAccount me = users.findById(actor.id()).orElseThrow(() -> new AccessDeniedException("account gone"));
        return me.toSummary(resellerName(me.getResellerId()));
    }

    public AccountSummary updateMyProfile(String email, String fullName) {
        Validation validation = new Validation();
        AccountRules.checkProfile(email, fullName, validation);
        validation.throwIfInvalid();
        UserAccount me = mine();
        me.setProfile(email.trim(), fullName == null ? "" : fullName.trim());
        audit.record("account.profile", "user", me.getId(), "");
        return me.toSummary(resellerName(me.getResellerId()));
    }

    public void changeMyPassword(String currentPassword, String newPassword) {
        UserAccount me = mine();
        Validation validation = new Validation();
        validation.check(currentPassword != null && passwordEncoder.matches(currentPassword, me.getPasswordHash()),
                "currentPassword", "The current password is not correct");
        AccountRules.checkPassword(newPassword, "newPassword", validation);
        validation.throwIfInvalid();
        me.setPasswordHash(passwordEncoder.encode(newPassword));
        audit.record("account.password", "user", me.getId(), "");
    }

    /** Disables or enables a reseller or customer that the current user manages; a disabled user cannot log in. */
    @PreAuthorize("hasAnyRole('ADMIN', 'RESELLER')")
    public void setEnabled(long userId, boolean enabled) {
        Actor actor = currentUser.require();
        UserAccount user = users.findById(userId)
                .filter(u -> actor.isAdmin() ? u.getRole() != Role.ADMIN
                        : Long.valueOf(actor.id()).equals(u.getResellerId()))
                .orElseThrow(() -> new NotFoundException("User", userId));
        user.setEnabled(enabled);
        audit.record(enabled ? "user.enable" : "user.disable", "user", userId, user.getUsername());
    }

    private UserAccount mine() {
        long id = currentUser.require().id();
        return users.findById(id).orElseThrow(() -> new AccessDeniedException("account gone"));
    }

    private Specification<UserAccount> customersVisible() {
        Actor actor = currentUser.require();
        return (root, query, cb) -> actor.isAdmin()
                ? cb.equal(root.get("role"), Role.CUSTOMER)
                : cb.and(cb.equal(root.get("role"), Role.CUSTOMER), cb.equal(root.get("resellerId"), actor.id()));
    }

    private static Specification<UserAccount> matching(AccountFilter filter) {
        return (root, query, cb) -> {
            if (filter == null || filter.text() == null || filter.text().isBlank()) {
                return cb.conjunction();
            }
            String like = "%" + filter.text().trim().toLowerCase(Locale.ROOT) + "%";
            return cb.or(cb.like(cb.lower(root.get("username")), like), cb.like(cb.lower(root.get("email")), like),
                    cb.like(cb.lower(root.get("fullName")), like));
        };
    }

    private Page<AccountSummary> summaries(Page<UserAccount> page) {
        List<Long> resellerIds = page.stream().map(UserAccount::getResellerId).filter(id -> id != null).toList();
        Map<Long, String> names = users.findAllById(resellerIds).stream()
                .collect(Collectors.toMap(UserAccount::getId, UserAccount::getUsername));
        return page.map(u -> u.toSummary(names.get(u.getResellerId())));
    }

    private String resellerName(Long resellerId) {
        return resellerId == null ? null : users.findById(resellerId).map(UserAccount::getUsername).orElse(null);
    }
}
