package org.vpspanel.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.vpspanel.common.FieldViolation;
import org.vpspanel.common.InvalidInputException;
import org.vpspanel.common.NotFoundException;
import org.vpspanel.testing.PanelTest;

class AccountServiceTest extends PanelTest {

    @Autowired
    AuthenticationProvider login;

    @Test
    void theAdminOpensAResellerWithAnAllocationAndACustomerUnderIt() {
        signIn(ADMIN);

        AccountSummary reseller = accounts.createReseller(newAccount("acme"), ALLOCATION);
        AccountSummary customer = accounts.createCustomer(newAccount("carol"), reseller.id(), null);

        assertThat(accounts.findResellers(AccountFilter.none(), Pageable.unpaged()))
                .singleElement().satisfies(r -> {
                    assertThat(r.username()).isEqualTo("acme");
                    assertThat(r.role()).isEqualTo(Role.RESELLER);
                    assertThat(r.allocation()).isEqualTo(ALLOCATION);
                });
        assertThat(accounts.getCustomer(customer.id())).satisfies(c -> {
            assertThat(c.role()).isEqualTo(Role.CUSTOMER);
            assertThat(c.resellerId()).isEqualTo(reseller.id());
            assertThat(c.resellerName()).isEqualTo("acme");
            assertThat(c.email()).isEqualTo("carol@example.com");
            assertThat(c.allocation()).isNull();
        });
    }

    @Test
    void theAdminOpensACustomerOfTheHostItself() {
        AccountSummary customer = as(ADMIN, () -> accounts.createCustomer(newAccount("direct"), null, null));

        assertThat(customer.resellerId()).isNull();
        assertThat(as(ADMIN, () -> accounts.getCustomer(customer.id())).username()).isEqualTo("direct");
    }

    @Test
    void theAdminChangesAResellersAllocationButNotACustomersOrAnInvalidOne() {
        AccountSummary acme = createReseller("acme");
        AccountSummary carol = createCustomer("carol", acme);
        Allocation larger = new Allocation(20, 40, ALLOCATION.memory() * 2, ALLOCATION.disk() * 2, 32);
        signIn(ADMIN);

        accounts.updateAllocation(acme.id(), larger);

        assertThat(accounts.allocationOf(acme.id())).contains(larger);
        assertThatThrownBy(() -> accounts.updateAllocation(carol.id(), larger)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> accounts.updateAllocation(acme.id(), new Allocation(1, -1, 0, 0, 0)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .extracting(FieldViolation::field).containsExactly("cpus"));
        assertThat(accounts.allocationOf(acme.id())).contains(larger);
        assertThatThrownBy(() -> as("acme", () -> accounts.updateAllocation(acme.id(), ALLOCATION)))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void theAdminCannotOpenACustomerUnderSomethingThatIsNoReseller() {
        AccountSummary carol = createCustomer("carol", createReseller("acme"));
        signIn(ADMIN);

        assertThatThrownBy(() -> accounts.createCustomer(newAccount("dave"), carol.id(), null))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .containsExactly(new FieldViolation("reseller", "No reseller with id " + carol.id())));
        assertThat(accounts.countCustomers(AccountFilter.none())).isEqualTo(1);
    }

    @Test
    void aResellersNewCustomerIsItsOwnWhateverResellerIdIsPassed() {
        AccountSummary acme = createReseller("acme");
        AccountSummary globex = createReseller("globex");

        AccountSummary customer = as("acme", () -> accounts.createCustomer(newAccount("carol"), globex.id(), null));

        assertThat(customer.resellerId()).isEqualTo(acme.id());
        assertThat(as("acme", () -> accounts.findCustomers(AccountFilter.none(), Pageable.unpaged())))
                .extracting(AccountSummary::username).containsExactly("carol");
        assertThat(as("globex", () -> accounts.countCustomers(AccountFilter.none()))).isZero();
    }

    @Test
    void aResellerCannotSeeOrChangeAnotherResellersCustomer() {
        AccountSummary acme = createReseller("acme");
        AccountSummary globex = createReseller("globex");
        AccountSummary carol = createCustomer("carol", acme);
        createCustomer("gina", globex);
        signIn("globex");

        assertThatThrownBy(() -> accounts.getCustomer(carol.id())).isInstanceOf(NotFoundException.class)
                .hasMessage("Customer " + carol.id() + " not found");
        assertThatThrownBy(() -> accounts.setEnabled(carol.id(), false)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> accounts.setEnabled(acme.id(), false)).isInstanceOf(NotFoundException.class);
        assertThat(accounts.findCustomers(AccountFilter.none(), Pageable.unpaged()))
                .extracting(AccountSummary::username).containsExactly("gina");
        assertThat(as(ADMIN, () -> accounts.getCustomer(carol.id()).enabled())).isTrue();
    }

    @Test
    void aCustomerCannotListOrOpenCustomersAndSeesOnlyItself() {
        AccountSummary acme = createReseller("acme");
        AccountSummary carol = createCustomer("carol", acme);
        AccountSummary dave = createCustomer("dave", acme);
        signIn("carol");

        assertThatThrownBy(() -> accounts.findCustomers(AccountFilter.none(), Pageable.unpaged()))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> accounts.createCustomer(newAccount("eve"), null, null))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> accounts.getCustomer(dave.id())).isInstanceOf(NotFoundException.class);
        assertThat(accounts.getCustomer(carol.id()).username()).isEqualTo("carol");
        assertThat(accounts.me().resellerName()).isEqualTo("acme");
    }

    @Test
    void onlyTheAdminOpensResellersAndSeesThem() {
        createReseller("acme");
        signIn("acme");

        assertThatThrownBy(() -> accounts.createReseller(newAccount("sneaky"), ALLOCATION))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> accounts.findResellers(AccountFilter.none(), Pageable.unpaged()))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(as(ADMIN, () -> accounts.countResellers(AccountFilter.none()))).isEqualTo(1);
    }

    @Test
    void nobodySignedInIsRefused() {
        assertThatThrownBy(() -> accounts.me()).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> accounts.findCustomers(AccountFilter.none(), Pageable.unpaged()))
                .isInstanceOf(AuthenticationCredentialsNotFoundException.class);
    }

    @Test
    void aTakenUserNameIsRefused() {
        AccountSummary acme = createReseller("acme");
        createCustomer("carol", acme);
        signIn(ADMIN);

        assertThatThrownBy(() -> accounts.createCustomer(newAccount("carol"), null, null))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .containsExactly(new FieldViolation("username", "User name 'carol' is taken")));
        assertThatThrownBy(() -> accounts.createReseller(newAccount("admin"), ALLOCATION))
                .isInstanceOf(InvalidInputException.class).hasMessage("User name 'admin' is taken");
        assertThat(accounts.countCustomers(AccountFilter.none())).isEqualTo(1);
    }

    @Test
    void invalidInputIsRefusedNamingEveryFieldAndSavesNothing() {
        signIn(ADMIN);
        NewAccount bad = new NewAccount("Bad Name", "not-an-email", "x".repeat(201), "short");

        assertThatThrownBy(() -> accounts.createCustomer(bad, null, null))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .extracting(FieldViolation::field)
                        .containsExactly("username", "email", "fullName", "password"));
        assertThatThrownBy(() -> accounts.createReseller(newAccount("acme"), new Allocation(-1, 0, 0, 0, 0)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .extracting(FieldViolation::field).containsExactly("partitions"));
        assertThat(accounts.countCustomers(AccountFilter.none())).isZero();
        assertThat(accounts.countResellers(AccountFilter.none())).isZero();
    }

    @Test
    void aUserChangesItsPasswordOnlyWithTheCurrentOneAndThenLogsInWithTheNewOne() {
        createCustomer("carol", createReseller("acme"));
        signIn("carol");

        assertThatThrownBy(() -> accounts.changeMyPassword("wrong password", "a new long password"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .containsExactly(new FieldViolation("currentPassword", "The current password is not correct")));
        assertThatThrownBy(() -> accounts.changeMyPassword(PASSWORD, "short"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .extracting(FieldViolation::field).containsExactly("newPassword"));
        assertThat(login.authenticate(credentials("carol", PASSWORD)).isAuthenticated()).isTrue();

        accounts.changeMyPassword(PASSWORD, "a new long password");

        assertThat(login.authenticate(credentials("carol", "a new long password")).isAuthenticated()).isTrue();
        assertThatThrownBy(() -> login.authenticate(credentials("carol", PASSWORD)))
                .isInstanceOf(BadCredentialsException.class);
    }

    @Test
    void passwordsAreStoredAsArgon2Hashes() {
        AccountSummary acme = createReseller("acme");

        String hash = database.jdbc().queryForObject("SELECT password_hash FROM app_user WHERE id = ?", String.class,
                acme.id());

        assertThat(hash).startsWith("{argon2}$argon2id$").doesNotContain(PASSWORD);
    }

    @Test
    void aProfileChangeIsSavedAndValidated() {
        createReseller("acme");
        signIn("acme");

        accounts.updateMyProfile("new@example.org", " Acme Hosting ");

        assertThat(accounts.me().email()).isEqualTo("new@example.org");
        assertThat(accounts.me().fullName()).isEqualTo("Acme Hosting");
        assertThatThrownBy(() -> accounts.updateMyProfile("nope", "x")).isInstanceOf(InvalidInputException.class)
                .hasMessage("Enter a valid email address");
        assertThat(accounts.me().email()).isEqualTo("new@example.org");
    }

    @Test
    void theAdminOfTheFirstStartCanSaveItsProfileAsItIs() {
        signIn(ADMIN);
        AccountSummary firstStart = accounts.me();

        accounts.updateMyProfile(firstStart.email(), "The Administrator");

        assertThat(accounts.me().fullName()).isEqualTo("The Administrator");
    }

    @Test
    void aDisabledUserCannotLogIn() {
        AccountSummary acme = createReseller("acme");
        AccountSummary carol = createCustomer("carol", acme);

        as("acme", () -> {
            accounts.setEnabled(carol.id(), false);
            return null;
        });

        assertThatThrownBy(() -> login.authenticate(credentials("carol", PASSWORD)))
                .isInstanceOf(DisabledException.class);
        assertThatThrownBy(() -> login.authenticate(credentials("carol", "a wrong password")))
                .as("without the password nobody learns that the account exists and is disabled")
                .isInstanceOf(BadCredentialsException.class);
        assertThat(login.authenticate(credentials("acme", PASSWORD)).isAuthenticated()).isTrue();
    }

    @Test
    void anEmailWithSurroundingSpacesIsSavedWithout() {
        signIn(ADMIN);

        assertThat(accounts.updateMyProfile("  boss@example.org ", "Boss").email()).isEqualTo("boss@example.org");
    }

    @Test
    void customersAreFoundByNameEmailOrFullName() {
        AccountSummary acme = createReseller("acme");
        createCustomer("carol", acme);
        createCustomer("dave", acme);
        signIn("acme");

        assertThat(accounts.findCustomers(new AccountFilter("CAR"), Pageable.unpaged()))
                .extracting(AccountSummary::username).containsExactly("carol");
        assertThat(accounts.countCustomers(new AccountFilter("dave@example"))).isEqualTo(1);
        assertThat(accounts.countCustomers(new AccountFilter("Test "))).isEqualTo(2);
        assertThat(accounts.countCustomers(new AccountFilter("zzz"))).isZero();
    }

    @Test
    void aCustomersBillingDayIsTheDayItIsOpenedUnlessChosenAndItsResellerMayMoveIt() {
        AccountSummary acme = createReseller("acme");
        AccountSummary globex = createReseller("globex");
        int before = BillingPeriod.defaultDay(java.time.Instant.now());
        AccountSummary carol = createCustomer("carol", acme);
        int after = BillingPeriod.defaultDay(java.time.Instant.now());
        AccountSummary dave = as("acme", () -> accounts.createCustomer(newAccount("dave"), null, 28));
        assertThat(carol.billingDay()).isIn(before, after);
        assertThat(dave.billingDay()).isEqualTo(28);
        assertThat(acme.billingDay()).isNull();

        assertThat(as("acme", () -> accounts.changeBillingDay(carol.id(), 1)).billingDay()).isEqualTo(1);
        assertThat(as(ADMIN, () -> accounts.changeBillingDay(carol.id(), 5)).billingDay()).isEqualTo(5);
        assertThat(accounts.billingDayOf(carol.id())).isEqualTo(5);

        assertThatThrownBy(() -> as("globex", () -> accounts.changeBillingDay(carol.id(), 2)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> as("carol", () -> accounts.changeBillingDay(carol.id(), 2)))
                .isInstanceOf(AccessDeniedException.class);
        for (Integer bad : new Integer[] {null, 0, 29, 31}) {
            assertThatThrownBy(() -> as("acme", () -> accounts.changeBillingDay(carol.id(), bad)))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                            .extracting(FieldViolation::field).containsExactly("billingDay"));
            assertThatThrownBy(() -> as("acme", () -> accounts.createCustomer(newAccount("erin"), null, bad == null ? -1 : bad)))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                            .extracting(FieldViolation::field).containsExactly("billingDay"));
        }
        assertThat(accounts.billingDayOf(carol.id())).isEqualTo(5);
        assertThat(as("acme", () -> accounts.countCustomers(AccountFilter.none()))).isEqualTo(2);
        assertThat(globex.billingDay()).isNull();
    }

    static UsernamePasswordAuthenticationToken credentials(String username, String password) {
        return UsernamePasswordAuthenticationToken.unauthenticated(username, password);
    }
}
