package org.vpspanel.testing;

import static com.codeborne.selenide.Condition.exactText;
import static com.codeborne.selenide.Condition.text;
import static com.codeborne.selenide.Condition.value;
import static com.codeborne.selenide.Condition.visible;
import static com.codeborne.selenide.Selenide.$;
import static com.codeborne.selenide.Selenide.$$;
import static com.codeborne.selenide.Selenide.open;

import com.codeborne.selenide.Condition;
import com.codeborne.selenide.Configuration;
import com.codeborne.selenide.Selectors;
import com.codeborne.selenide.Selenide;
import com.codeborne.selenide.SelenideElement;
import com.codeborne.selenide.WebDriverConditions;
import com.codeborne.selenide.WebDriverRunner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeOptions;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Base of the browser tests: the panel as a user meets it, in Debian's Chromium (headless, a fresh profile
 * per test, never a downloaded browser) driven by Selenide. The app and its database come from
 * {@link PanelTest}; each test starts logged out, from the state of the first start. A new test:
 * <pre>{@code
 * class PlanBrowserTest extends BrowserTest {
 *     @Test
 *     void aResellerSeesItsAccount() {
 *         createReseller("acme");                       // service helpers from PanelTest
 *         logIn("acme", PASSWORD);                      // or logIn(ADMIN, printedAdminPassword())
 *         open("/account");                             // Selenide.open, relative to the app's random port
 *         fill("profile-full-name", "Acme Hosting");    // Vaadin fields by their component id
 *         $("#profile-save").click();
 *         notification("Profile saved").shouldBe(visible);
 *     }
 * }
 * }</pre>
 */
public abstract class BrowserTest extends PanelTest {

    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";

    @LocalServerPort
    private int port;

    private Path profile;

    @BeforeEach
    void openFreshBrowser() throws IOException {
        if (System.getProperty("webdriver.chrome.driver") == null) {
            System.setProperty("webdriver.chrome.driver", CHROMEDRIVER); // else Selenium Manager goes online
        }
        Path profiles = Files.createDirectories(Path.of("target", "browser-profiles"));
        ChromeOptions chromium = new ChromeOptions();
        chromium.setBinary(CHROMIUM);
        chromium.addArguments("--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic",
                "--no-first-run", "--user-data-dir=" + (profile = Files.createTempDirectory(profiles, "chromium"))
                        .toAbsolutePath());
        Configuration.browser = "chrome";
        Configuration.browserCapabilities = chromium;
        Configuration.headless = true;
        Configuration.browserSize = "1280x900";
        Configuration.baseUrl = "http://localhost:" + port;
        Configuration.timeout = 10_000;
        Configuration.reportsFolder = "target/selenide-reports";
    }

    @AfterEach
    void closeBrowser() {
        Selenide.closeWebDriver();
        FileTrees.delete(profile);
    }

    /** The admin password that the panel's first start printed on the console. */
    protected String printedAdminPassword() {
        return startupConsole.printedAdminPassword();
    }

    /** Opens the login page and submits the form; does not wait for the result. */
    protected void submitLogin(String username, String password) {
        open("/login");
        field("vaadinLoginUsername").setValue(username);
        field("vaadinLoginPassword").setValue(password);
        $("vaadin-login-form vaadin-button[slot=submit]").click();
    }

    /** Logs in and waits until the browser has left the login page. */
    protected void logIn(String username, String password) {
        submitLogin(username, password);
        Selenide.webdriver().shouldNotHave(WebDriverConditions.urlContaining("/login"));
    }

    /** The error the login form shows (its title and message), once it shows one. */
    /** Logs out and forgets the session, so that the next user logs in afresh. */
    protected static void logOut() {
        $("#logout").click();
        $("vaadin-login-form").shouldBe(visible);
        Selenide.clearBrowserCookies();
    }

    protected static SelenideElement loginError() {
        return $(Selectors.shadowCss("[part=error-message]", "vaadin-login-form", "vaadin-login-form-wrapper"));
    }

    /** Follows the entry of the main navigation with this title. */
    protected static void navigateTo(String menuTitle) {
        $$("#main-nav vaadin-side-nav-item").findBy(Condition.exactText(menuTitle)).click();
    }

    /** The text input inside a Vaadin field (text, password, email, text area) with this id. */
    protected static SelenideElement field(String id) {
        return $("#" + id).$("input, textarea");
    }

    /** Types a value into a Vaadin field and leaves it, so that the server receives the value. */
    protected static void fill(String id, String value) {
        field(id).setValue(value).sendKeys(Keys.TAB);
    }

    /** Picks an item of a Vaadin select by its label. */
    protected static void choose(String selectId, String label) {
        $("#" + selectId).click();
        $$("vaadin-select-item").findBy(exactText(label)).click();
        $("#" + selectId).shouldHave(text(label));
    }

    /** Types into a Vaadin combo box and picks the item with this label once the server has offered it. */
    protected static void pick(String comboBoxId, String label) {
        field(comboBoxId).setValue(label);
        $$("vaadin-combo-box-item").findBy(exactText(label)).click();
        field(comboBoxId).shouldHave(value(label));
    }

    /** The error message a Vaadin field shows below itself. */
    /** The signed-in reseller or admin makes a customer through the customers page ("NAME password 1"). */
    protected static void createCustomerInTheBrowser(String username) {
        open("/customers");
        $("#new-customer").click();
        fill("customer-username", username);
        fill("customer-email", username + "@example.com");
        fill("customer-password", username + " password 1");
        $("#customer-save").click();
        notification("Customer " + username + " created").shouldBe(visible);
    }

    protected static SelenideElement fieldError(String id) {
        return $("#" + id + " [slot=error-message]");
    }

    /** The notification on the screen that says this (others may be showing too). */
    protected static SelenideElement notification(String text) {
        return $$("vaadin-notification-card").findBy(Condition.text(text));
    }

    /** The session cookie of the page the browser shows, once the page has one. */
    protected static String sessionId() {
        return Selenide.Wait().until(driver -> {
            var cookie = driver.manage().getCookieNamed("JSESSIONID");
            return cookie == null ? null : cookie.getValue();
        });
    }

    /** Saves what the browser shows as docs/images/{name}.png, for the user guide. */
    protected static void screenshot(String name) {
        byte[] png = ((TakesScreenshot) WebDriverRunner.getWebDriver()).getScreenshotAs(OutputType.BYTES);
        try {
            Path file = Path.of("docs", "images", name + ".png");
            Files.createDirectories(file.getParent());
            Files.write(file, png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
