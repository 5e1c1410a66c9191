package org.vpspanel.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.vpspanel.audit.AuditFilter;
import org.vpspanel.audit.AuditRecord;
import org.vpspanel.audit.AuditService;
import org.vpspanel.common.InvalidInputException;
import org.vpspanel.common.NotFoundException;
import org.vpspanel.testing.PanelTest;

class ApiTokenServiceTest extends PanelTest {

    @Autowired
    ApiTokenService tokens;
    @Autowired
    AuditService audit;

    @Test
    void aNewTokenIsShownOnceAndOnlyItsHashIsStored() throws Exception {
        NewApiToken created = as(ADMIN, () -> tokens.create("billing"));

        assertThat(created.token()).startsWith("vpsp_").hasSizeGreaterThanOrEqualTo(5 + 43);
        assertThat(created.token()).startsWith(created.info().prefix());
        List<ApiTokenInfo> listed = as(ADMIN, tokens::myTokens);
        assertThat(listed).singleElement().satisfies(info -> {
            assertThat(info.name()).isEqualTo("billing");
            assertThat(info.username()).isEqualTo(ADMIN);
            assertThat(info.lastUsedAt()).isNull();
        });
        Map<String, Object> row = database.jdbc().queryForMap("SELECT * FROM api_token");
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(created.token().getBytes(StandardCharsets.UTF_8)));
        assertThat(row.get("token_hash")).isEqualTo(sha256);
        assertThat(row.values()).noneMatch(value -> value != null && value.toString().contains(created.token()));
    }

    @Test
    void twoTokensAreNeverAlike() {
        String first = as(ADMIN, () -> tokens.create("one")).token();
        String second = as(ADMIN, () -> tokens.create("two")).token();

        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void aTokenActsAsItsUserAndStopsWhenRevokedOrTheUserIsDisabled() {
        AccountSummary acme = createReseller("acme");
        String token = as("acme", () -> tokens.create("script")).token();

        assertThat(tokens.authenticate(token)).get().extracting(a -> a.getName()).isEqualTo("acme");
        assertThat(as("acme", tokens::myTokens).getFirst().lastUsedAt()).isNotNull();

        as(ADMIN, () -> {
            accounts.setEnabled(acme.id(), false);
            return null;
        });
        assertThat(tokens.authenticate(token)).isEmpty();

        as(ADMIN, () -> {
            accounts.setEnabled(acme.id(), true);
            return null;
        });
        long id = as("acme", tokens::myTokens).getFirst().id();
        as("acme", () -> {
            tokens.revoke(id);
            return null;
        });
        assertThat(tokens.authenticate(token)).isEmpty();
        assertThat(tokens.authenticate("vpsp_guessed")).isEmpty();
        assertThat(tokens.authenticate("not a token")).isEmpty();
    }

    @Test
    void aUserRevokesOnlyItsOwnTokensAndAnAdminAnyone() {
        AccountSummary acme = createReseller("acme");
        createCustomer("carol", acme);
        long acmeToken = as("acme", () -> tokens.create("acme's")).info().id();

        assertThatThrownBy(() -> as("carol", () -> {
            tokens.revoke(acmeToken);
            return null;
        })).isInstanceOf(NotFoundException.class);
        assertThat(as(ADMIN, () -> tokens.findAll(Pageable.unpaged())).getContent())
                .extracting(ApiTokenInfo::username).containsExactly("acme");

        as(ADMIN, () -> {
            tokens.revoke(acmeToken);
            return null;
        });
        assertThat(as("acme", tokens::myTokens)).isEmpty();
    }

    @Test
    void creatingAndRevokingAreAudited() {
        long id = as(ADMIN, () -> tokens.create("audited")).info().id();
        as(ADMIN, () -> {
            tokens.revoke(id);
            return null;
        });

        List<AuditRecord> events = as(ADMIN, () -> audit.find(new AuditFilter("apitoken", ""),
                Pageable.unpaged(Sort.by("id")))).getContent();
        assertThat(events).extracting(AuditRecord::action).containsExactly("apitoken.create", "apitoken.revoke");
        assertThat(events).allSatisfy(event -> assertThat(event.actor()).isEqualTo(ADMIN));
    }

    @Test
    void aTokenNeedsAName() {
        assertThatThrownBy(() -> as(ADMIN, () -> tokens.create("  ")))
                .isInstanceOfSatisfying(InvalidInputException.class, e ->
                        assertThat(e.violations()).extracting(v -> v.field()).containsExactly("name"));
        assertThat(as(ADMIN, tokens::myTokens)).isEmpty();
    }

    @Test
    void theCommandLineMakesTokensForEnabledUsersOnly() {
        AccountSummary acme = createReseller("acme");
        assertThat(tokens.createForUser("acme", "provisioning").info().username()).isEqualTo("acme");

        as(ADMIN, () -> {
            accounts.setEnabled(acme.id(), false);
            return null;
        });

        assertThatThrownBy(() -> tokens.createForUser("acme", "provisioning"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("disabled");
        assertThatThrownBy(() -> tokens.createForUser("nobody", "provisioning"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("No user named 'nobody'");
        assertThat(database.jdbc().queryForObject("SELECT count(*) FROM api_token", Long.class)).isEqualTo(1);
    }
}
