package org.vpspanel.browser;

import static com.codeborne.selenide.Condition.exactText;
import static com.codeborne.selenide.Condition.exist;
import static com.codeborne.selenide.Condition.text;
import static com.codeborne.selenide.Condition.value;
import static com.codeborne.selenide.Condition.visible;
import static com.codeborne.selenide.Selenide.$;
import static com.codeborne.selenide.Selenide.$$;
import static com.codeborne.selenide.Selenide.open;
import static org.assertj.core.api.Assertions.assertThat;

import com.codeborne.selenide.WebDriverRunner;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.vpspanel.account.SshKeyInfo;
import org.vpspanel.account.SshKeyService;
import org.vpspanel.testing.BrowserTest;
import org.vpspanel.testing.TestSshKeys;

/** Logging in and out, and each user's own account: the admin's first visit with the printed password. */
class LoginAndAccountBrowserTest extends BrowserTest {

    private static final String NEW_PASSWORD = "a brand new admin password";

    @Autowired
    SshKeyService sshKeys;

    @Test
    void theAdminLogsInWithThePrintedPasswordAddsAKeyChangesItsPasswordAndLogsInAgain() {
        String printed = printedAdminPassword();
        String key = TestSshKeys.ed25519("admin@workstation");
        String fingerprint = TestSshKeys.sshKeygenFingerprint(key).orElseGet(() -> fingerprintOf(key));

        open("/login");
        screenshot("login");
        logIn(ADMIN, printed);
        open("/account");
        $("#current-user").shouldHave(exactText("admin (admin)"));
        navigateTo("My account");
        $("h2").shouldHave(exactText("My account"));
        $("#profile-email").shouldHave(value("admin@vpspanel.invalid"));
        $("#profile-email[invalid]").shouldNot(exist);
        fill("ssh-key-name", "workstation");
        fill("ssh-key-value", key);
        $("#ssh-key-add").click();
        notification("Key added").shouldBe(visible);
        $$("#ssh-keys vaadin-grid-cell-content").findBy(exactText(fingerprint)).shouldBe(visible);
        assertThat(as(ADMIN, () -> sshKeys.myKeys())).extracting(SshKeyInfo::name, SshKeyInfo::fingerprint)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("workstation", fingerprint));
        screenshot("account");

        fill("current-password", printed);
        fill("new-password", NEW_PASSWORD);
        $("#change-password").click();
        notification("Password changed").shouldBe(visible);

        $("#logout").click();
        $("vaadin-login-form").shouldBe(visible);
        submitLogin(ADMIN, printed);
        loginError().shouldHave(text("Incorrect user name or password"));
        logIn(ADMIN, NEW_PASSWORD);
        open("/account");
        $("#current-user").shouldHave(exactText("admin (admin)"));
    }

    @Test
    void aWrongPasswordShowsTheErrorAndLetsNobodyIn() {
        submitLogin(ADMIN, "not the password");

        loginError().shouldHave(text("Incorrect user name or password"));
        assertThat(WebDriverRunner.url()).contains("/login?error");
        open("/account");
        $("vaadin-login-form").shouldBe(visible);
        $("#current-user").shouldNot(exist);
    }

    @Test
    void repeatedWrongPasswordsPauseTheLoginEvenForTheRightPassword() {
        for (int attempt = 1; attempt <= 5; attempt++) {
            submitLogin(ADMIN, "guess number " + attempt);
            loginError().shouldHave(text("Incorrect user name or password"));
        }

        submitLogin(ADMIN, printedAdminPassword());

        loginError().shouldHave(text("Too many failed logins"));
        screenshot("login-throttled");
        open("/account");
        $("vaadin-login-form").shouldBe(visible);
    }

    @Test
    void theSessionIdChangesOnLogin() {
        open("/login");
        $("vaadin-login-form").shouldBe(visible);
        String beforeLogin = sessionId();

        logIn(ADMIN, printedAdminPassword());
        open("/account");
        $("#current-user").shouldHave(exactText("admin (admin)"));

        assertThat(sessionId()).isNotEqualTo(beforeLogin);
    }

    @Test
    void anInvalidKeyIsMarkedOnItsFieldAndNothingIsSaved() {
        logIn(ADMIN, printedAdminPassword());
        open("/account");

        fill("ssh-key-name", "broken");
        fill("ssh-key-value", "ssh-ed25519 AAAA!!!");
        $("#ssh-key-add").click();

        fieldError("ssh-key-value").shouldHave(exactText("The key data is not valid base64"));
        notification("Please correct the marked fields").shouldBe(visible);
        assertThat(as(ADMIN, () -> sshKeys.myKeys())).isEmpty();
    }

    @Test
    void aResellerSavesItsProfile() {
        createReseller("acme");
        logIn("acme", PASSWORD);
        open("/account");

        fill("profile-full-name", "Acme Hosting");
        $("#profile-save").click();

        notification("Profile saved").shouldBe(visible);
        assertThat(as("acme", () -> accounts.me().fullName())).isEqualTo("Acme Hosting");
    }

    @Test
    void aCustomerRemovesItsKeyOnlyAfterConfirming() {
        createCustomer("carol", createReseller("acme"));
        as("carol", () -> sshKeys.add("laptop", TestSshKeys.ed25519("carol@laptop")));
        logIn("carol", PASSWORD);
        open("/account");
        $("#current-user").shouldHave(exactText("carol (customer)"));

        $("vaadin-button[aria-label='Remove key laptop']").click();
        $("#cancel-action").click();
        $$("#ssh-keys vaadin-grid-cell-content").findBy(exactText("laptop")).shouldBe(visible);
        assertThat(as("carol", () -> sshKeys.myKeys())).hasSize(1);

        $("vaadin-button[aria-label='Remove key laptop']").click();
        $("#confirm-action").click();

        notification("Key removed").shouldBe(visible);
        $$("#ssh-keys vaadin-grid-cell-content").findBy(exactText("laptop")).shouldNot(exist);
        assertThat(as("carol", () -> sshKeys.myKeys())).isEmpty();
    }

    private static String fingerprintOf(String key) {
        String blob = key.split(" ")[1];
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(java.util.Base64.getDecoder().decode(blob));
            return "SHA256:" + java.util.Base64.getEncoder().withoutPadding().encodeToString(digest);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
