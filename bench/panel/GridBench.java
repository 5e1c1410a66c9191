import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Run by bench/panel/grid.sh, not by the tests: logs into a running panel in Debian's Chromium and times the
 * partitions grid (newest first): from asking for the page until its first rows show, and from scrolling to
 * the end until the last rows show (a round trip to the server for rows it has not sent yet), also without
 * the grid's wait for scrolling to stop; then the usage dashboard. Prints each figure and the medians.
 *   java -cp SELENIUM_CLASSPATH GridBench.java URL PASSWORD FIRST_HOSTNAME LAST_HOSTNAME PROFILE_DIR
 */
public class GridBench {

    private static final int ROUNDS = 7;

    public static void main(String[] args) {
        String url = args[0];
        String password = args[1];
        String first = args[2];
        String last = args[3];
        System.setProperty("webdriver.chrome.driver", "/usr/bin/chromedriver"); // else Selenium Manager goes online
        ChromeOptions chromium = new ChromeOptions();
        chromium.setBinary("/usr/bin/chromium");
        chromium.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic",
                "--no-first-run", "--window-size=1280,900", "--user-data-dir=" + args[4]);
        WebDriver driver = new ChromeDriver(chromium);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        try {
            logIn(driver, url, password);
            List<Double> firstPage = new ArrayList<>();
            List<Double> toEnd = new ArrayList<>();
            List<Double> roundTrip = new ArrayList<>();
            List<Double> dashboard = new ArrayList<>();
            for (int round = 0; round < ROUNDS; round++) {
                long asked = System.nanoTime();
                driver.get(url + "/partitions");
                waitForLink(driver, "#partitions-grid", first);
                firstPage.add((System.nanoTime() - asked) / 1e6);
                double[] scrolled = scrollToEnd(driver, last);
                toEnd.add(scrolled[0]);
                roundTrip.add(scrolled[0] - scrolled[1]);

                asked = System.nanoTime();
                driver.get(url + "/usage");
                new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> !d.findElements(
                        By.cssSelector("#top-cpu vaadin-grid-cell-content a")).isEmpty());
                dashboard.add((System.nanoTime() - asked) / 1e6);
            }
            report("partitions grid, first page (navigation until rows show)", firstPage);
            report("partitions grid, scroll to the end until the last rows show", toEnd);
            report("  of which the round trip: the grid's request for the rows until they show", roundTrip);
            report("usage dashboard, navigation until the top consumers show", dashboard);
        } finally {
            driver.quit();
        }
    }

    private static void logIn(WebDriver driver, String url, String password) {
        driver.get(url + "/login");
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        wait.until(d -> !d.findElements(By.cssSelector("#vaadinLoginUsername input")).isEmpty());
        driver.findElement(By.cssSelector("#vaadinLoginUsername input")).sendKeys("admin");
        driver.findElement(By.cssSelector("#vaadinLoginPassword input")).sendKeys(password);
        driver.findElement(By.cssSelector("vaadin-login-form vaadin-button[slot=submit]")).click();
        wait.until(d -> !d.getCurrentUrl().contains("/login"));
    }

    private static void waitForLink(WebDriver driver, String grid, String text) {
        new WebDriverWait(driver, Duration.ofSeconds(30), Duration.ofMillis(5)).until(d -> (Boolean) ((JavascriptExecutor) d)
                .executeScript("return [...document.querySelectorAll(arguments[0] + ' vaadin-grid-cell-content a')]"
                        + ".some(a => a.textContent === arguments[1])", grid, text));
    }

    /**
     * Measured in the page: milliseconds from asking the grid to show its last row until that row has content,
     * and how long of that passed before the grid asked the server for the rows (Vaadin's grid connector waits
     * 150 ms for scrolling to stop before it asks).
     */
    private static double[] scrollToEnd(WebDriver driver, String last) {
        List<?> took = (List<?>) ((JavascriptExecutor) driver).executeAsyncScript("""
                const [last, done] = arguments;
                const grid = document.querySelector('#partitions-grid');
                performance.clearResourceTimings();
                const started = performance.now();
                grid.scrollToIndex(grid.size - 1);
                (function poll() {
                    const shown = [...grid.querySelectorAll('vaadin-grid-cell-content a')]
                            .some(a => a.textContent === last);
                    if (!shown) {
                        requestAnimationFrame(poll);
                        return;
                    }
                    const request = performance.getEntriesByType('resource')
                            .find(entry => entry.name.includes('v-r=uidl') && entry.startTime >= started);
                    done([performance.now() - started, request ? request.startTime - started : 0]);
                })();
                """, last);
        return new double[] {((Number) took.get(0)).doubleValue(), ((Number) took.get(1)).doubleValue()};
    }

    private static void report(String what, List<Double> millis) {
        List<Double> sorted = millis.stream().sorted().toList();
        System.out.printf(Locale.ROOT, "%s: median %.0f ms (each: %s)%n", what, sorted.get(sorted.size() / 2),
                String.join(", ", millis.stream().map(ms -> String.format(Locale.ROOT, "%.0f", ms)).toList()));
    }
}
