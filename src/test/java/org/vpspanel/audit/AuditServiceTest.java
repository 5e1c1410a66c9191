package org.vpspanel.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.vpspanel.account.AccountSummary;
import org.vpspanel.account.SshKeyService;
import org.vpspanel.testing.PanelTest;
import org.vpspanel.testing.TestSshKeys;

class AuditServiceTest extends PanelTest {

    @Autowired
    AuditService audit;

    @Autowired
    SshKeyService sshKeys;

    @Autowired
    AuthenticationProvider login;

    @Test
    void stateChangesAreRecordedWithActorActionObjectAndTime() {
        Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        AccountSummary acme = createReseller("acme");
        AccountSummary carol = createCustomer("carol", acme);
        as("carol", () -> sshKeys.add("laptop", TestSshKeys.ed25519("c")));

        assertThat(events()).extracting(AuditRecord::actor, AuditRecord::action, AuditRecord::objectType,
                        AuditRecord::objectId)
                .containsExactly(
                        tuple("admin", "reseller.create", "user", acme.id().toString()),
                        tuple("acme", "customer.create", "user", carol.id().toString()),
                        tuple("carol", "sshkey.add", "sshkey", sshKeyId("carol")));
        assertThat(events()).allSatisfy(e -> assertThat(e.at()).isAfterOrEqualTo(before)
                .isBeforeOrEqualTo(Instant.now()));
    }

    @Test
    void loginsAndFailedLoginsAreRecordedUnderTheNameTried() {
        createReseller("acme");
        login.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("acme", PASSWORD));
        try {
            login.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("acme", "wrong password"));
        } catch (RuntimeException expected) {
            // the failure is what is recorded
        }

        assertThat(events()).extracting(AuditRecord::actor, AuditRecord::action)
                .endsWith(tuple("acme", "login"), tuple("acme", "login.failed"));
    }

    @Test
    void theLogIsFilteredByTextAndObjectType() {
        createReseller("acme");
        as("acme", () -> accounts.createCustomer(newAccount("carol"), null, null));
        signIn(ADMIN);

        assertThat(audit.find(new AuditFilter("CUSTOMER.", ""), Pageable.unpaged()))
                .extracting(AuditRecord::action).containsExactly("customer.create");
        assertThat(audit.count(new AuditFilter("", "user"))).isEqualTo(2);
        assertThat(audit.count(new AuditFilter("", "sshkey"))).isZero();
    }

    @Test
    void onlyAnAdminReadsTheLog() {
        createReseller("acme");
        signIn("acme");

        assertThatThrownBy(() -> audit.find(AuditFilter.none(), Pageable.unpaged()))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> audit.count(AuditFilter.none())).isInstanceOf(AccessDeniedException.class);
    }

    private List<AuditRecord> events() {
        return as(ADMIN, () -> audit.find(AuditFilter.none(), Pageable.unpaged(Sort.by("id"))).getContent());
    }

    private String sshKeyId(String username) {
        return as(username, () -> sshKeys.myKeys().getFirst().id().toString());
    }
}
