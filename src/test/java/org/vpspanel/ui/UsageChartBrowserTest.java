package org.vpspanel.ui;

import static com.codeborne.selenide.Selenide.$;
import static com.codeborne.selenide.Selenide.open;
import static org.assertj.core.api.Assertions.assertThat;

import com.codeborne.selenide.Selenide;
import com.codeborne.selenide.WebDriverRunner;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Dimension;
import org.vpspanel.testing.BrowserTest;

/** The usage chart in Chromium: ECharts really holds the points the server gave it, and follows live changes. */
class UsageChartBrowserTest extends BrowserTest {

    /** The series as ECharts holds them, as JSON: [[name, [[epochMillis, value], ...]], ...]. */
    private static final String SHOWN_SERIES = """
            const chart = arguments[0].chart;
            return chart && JSON.stringify(chart.getOption().series.map(s => [s.name, s.data]));""";

    @Test
    void theChartShowsTheSeriesItWasGivenAppendsLivePointsWithinItsWindowAndFollowsTheWindowWidth() {
        open("/test/usage-chart");

        waitUntilChartShows("""
                [["CPU %%",[[%1$d,10],[%2$d,20],[%3$d,30]]],["Steal %%",[[%1$d,1],[%3$d,2]]]]"""
                .formatted(millis(0), millis(10), millis(20)));
        assertThat((String) Selenide.executeJavaScript("return arguments[0].chart.getOption().yAxis[0].name",
                $("#chart"))).isEqualTo("%");

        $("#append").click();
        // 30 s appended with a 25 s window: the point at 0 s falls out of the CPU series, Steal is untouched.
        String afterAppend = """
                [["CPU %%",[[%2$d,20],[%3$d,30],[%4$d,40]]],["Steal %%",[[%1$d,1],[%3$d,2]]]]"""
                .formatted(millis(0), millis(10), millis(20), millis(30));
        waitUntilChartShows(afterAppend);

        $("#reattach").click();
        waitUntilChartShows(afterAppend);

        long wide = chartWidth();
        WebDriverRunner.getWebDriver().manage().window().setSize(new Dimension(800, 700));
        Selenide.Wait().until(driver -> chartWidth() < wide - 300);
        assertThat(chartWidth()).isEqualTo(elementWidth());
    }

    private static long millis(int secondsAfterStart) {
        return UsageChartTestView.point(secondsAfterStart, 0).time().toEpochMilli();
    }

    private static void waitUntilChartShows(String seriesJson) {
        try {
            Selenide.Wait().until(driver -> seriesJson.equals(Selenide.executeJavaScript(SHOWN_SERIES, $("#chart"))));
        } catch (RuntimeException e) {
            throw new AssertionError("the chart shows " + Selenide.executeJavaScript(SHOWN_SERIES, $("#chart"))
                    + ", expected " + seriesJson, e);
        }
    }

    private static long chartWidth() {
        return Selenide.<Number>executeJavaScript("return arguments[0].chart.getWidth()", $("#chart")).longValue();
    }

    private static long elementWidth() {
        return Selenide.<Number>executeJavaScript("return arguments[0].clientWidth", $("#chart")).longValue();
    }
}
