package org.vpspanel.ui;

import static com.codeborne.selenide.Condition.exactText;
import static com.codeborne.selenide.Selenide.$;
import static com.codeborne.selenide.Selenide.open;
import static org.assertj.core.api.Assertions.assertThat;

import com.codeborne.selenide.Selenide;
import com.codeborne.selenide.WebDriverRunner;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.springframework.beans.factory.annotation.Autowired;
import org.vpspanel.testing.BrowserTest;

/**
 * The terminal in Chromium against a real WebSocket server ({@link EchoConsole}): output reaches xterm's
 * screen, keystrokes reach the server, resizes arrive as control messages, and the server learns of the
 * connection's state through the terminal's events.
 */
class TerminalBrowserTest extends BrowserTest {

    /** The text on xterm's screen (and scrollback), line by line. */
    private static final String SCREEN = """
            const terminal = arguments[0].terminal, buffer = terminal.buffer.active, lines = [];
            for (let i = 0; i < buffer.length; i++) lines.push(buffer.getLine(i).translateToString(true));
            return lines.join('\\n');""";

    @Autowired
    EchoConsole console;

    @Test
    void keystrokesEchoOntoTheScreenResizesReachTheServerAndTheServersCloseIsReported() {
        logIn(ADMIN, printedAdminPassword()); // the console socket, like every panel URL, needs a session
        open("/test/terminal");
        $("#console-state").shouldHave(exactText("connected"));
        waitUntilScreenContains(EchoConsole.GREETING);
        assertThat((String) Selenide.executeJavaScript( // xterm's own style sheet is loaded: its input is hidden
                "return getComputedStyle(arguments[0].querySelector('.xterm-helper-textarea')).opacity", $("#terminal")))
                .isEqualTo("0");

        Selenide.actions().click($("#terminal")).sendKeys("hello from chromium").perform();
        waitUntilScreenContains(EchoConsole.GREETING + "\nhello from chromium");

        String firstSize = resizeMessageFor(terminalSize());
        Selenide.Wait().until(driver -> console.controlMessages().contains(firstSize));
        WebDriverRunner.getWebDriver().manage().window().setSize(new Dimension(700, 500));
        Selenide.Wait().until(driver -> !resizeMessageFor(terminalSize()).equals(firstSize));
        String secondSize = resizeMessageFor(terminalSize());
        Selenide.Wait().until(driver -> console.controlMessages().contains(secondSize));
        assertThat(console.controlMessages()).containsSequence(firstSize, secondSize);

        Selenide.actions().keyDown(Keys.CONTROL).sendKeys("d").keyUp(Keys.CONTROL).perform();
        $("#console-state").shouldHave(exactText("closed 4000: console ended"));
        waitUntilScreenContains("[console closed: console ended]");
    }

    private static List<Number> terminalSize() {
        return Selenide.executeJavaScript("const t = arguments[0].terminal; return [t.cols, t.rows]", $("#terminal"));
    }

    private static String resizeMessageFor(List<Number> size) {
        return "{\"type\":\"resize\",\"cols\":%d,\"rows\":%d}".formatted(size.get(0).intValue(), size.get(1).intValue());
    }

    private static void waitUntilScreenContains(String text) {
        try {
            Selenide.Wait().until(driver -> Selenide.<String>executeJavaScript(SCREEN, $("#terminal")).contains(text));
        } catch (RuntimeException e) {
            throw new AssertionError("the terminal's screen shows:\n" + Selenide.executeJavaScript(SCREEN, $("#terminal"))
                    + "\nexpected it to contain:\n" + text, e);
        }
    }
}
