package org.vpspanel.browser;

import static com.codeborne.selenide.Condition.exactText;
import static com.codeborne.selenide.Condition.exist;
import static com.codeborne.selenide.Condition.visible;
import static com.codeborne.selenide.Selenide.$;
import static com.codeborne.selenide.Selenide.$$;
import static com.codeborne.selenide.Selenide.open;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.vpspanel.account.ApiTokenService;
import org.vpspanel.testing.BrowserTest;

/** API tokens on the account page: a reseller makes one, sees it once, revokes it; an admin revokes anyone's. */
class ApiTokensBrowserTest extends BrowserTest {

    @Autowired
    ApiTokenService tokens;

    @Test
    void aTokenIsShownOnceWorksAndStopsWorkingWhenRevoked() {
        createReseller("acme");
        logIn("acme", PASSWORD);
        open("/account");

        fill("api-token-name", "billing");
        $("#api-token-create").click();
        $("#api-token-value").shouldBe(visible);
        String token = field("api-token-value").getValue();
        assertThat(token).startsWith("vpsp_");
        assertThat(tokens.authenticate(token)).get().extracting(a -> a.getName()).isEqualTo("acme");
        screenshot("api-token-created");
        $("#api-token-done").click();
        $("#api-token-value").shouldNot(exist);
        $$("#api-tokens vaadin-grid-cell-content").findBy(exactText("billing")).shouldBe(visible);
        $$("#api-tokens vaadin-grid-cell-content").findBy(exactText(token)).shouldNot(exist);

        $("[id^=api-tokens-revoke-]").click();
        $("#confirm-action").click();

        $$("#api-tokens vaadin-grid-cell-content").findBy(exactText("billing")).shouldNot(exist);
        assertThat(tokens.authenticate(token)).isEmpty();
    }

    @Test
    void anAdminSeesEveryUsersTokensAndRevokesOne() {
        createReseller("acme");
        String token = as("acme", () -> tokens.create("acme's billing")).token();
        logIn(ADMIN, printedAdminPassword());
        open("/account");

        $$("#all-api-tokens vaadin-grid-cell-content").findBy(exactText("acme")).shouldBe(visible);
        $$("#api-tokens vaadin-grid-cell-content").findBy(exactText("acme's billing")).shouldNot(exist);
        $("[id^=all-api-tokens-revoke-]").scrollIntoView("{block: \"center\"}").click();
        $("#confirm-action").click();

        $$("#all-api-tokens vaadin-grid-cell-content").findBy(exactText("acme")).shouldNot(exist);
        assertThat(tokens.authenticate(token)).isEmpty();
    }
}
