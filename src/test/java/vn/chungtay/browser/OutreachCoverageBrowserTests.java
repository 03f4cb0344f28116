package vn.chungtay.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The commune officer of Xã Cư Jút opens the outreach coverage page, picks a village not reached
 * this year, records an activity there from a phone-width form and sees the village reached.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OutreachCoverageBrowserTests {

    @LocalServerPort
    int port;

    WebDriver browser;

    @BeforeEach
    void openBrowser() throws Exception {
        browser = Browser.start();
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private void type(String id, String text) {
        WebElement element = browser.findElement(By.id(id));
        element.clear();
        element.sendKeys(text);
    }

    private Object script(String code, Object... arguments) {
        return ((JavascriptExecutor) browser).executeScript(code, arguments);
    }

    private List<String> villagesIn(String listId) {
        return browser.findElements(By.cssSelector("#" + listId + " [data-village]")).stream()
                .map(e -> e.getAttribute("data-village"))
                .toList();
    }

    @Test
    void anOfficerRecordsOutreachInAVillageNotReachedAndSeesItReached() throws Exception {
        Browser.signIn(browser, url(""), "xa.cujut");
        browser.get(url("/outreach/coverage"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains("Xã Cư Jút");
        assertThat(script("return typeof Chart !== 'undefined'"
                        + " && Chart.getChart(document.getElementById('outreach-months-chart')) !== undefined"))
                .as("the monthly chart is drawn")
                .isEqualTo(true);
        WebElement unreached = browser.findElement(By.cssSelector("#villages-not-reached [data-village]"));
        String village = unreached.getAttribute("data-village");
        String villageName = unreached.findElement(By.className("village-name")).getText();
        assertThat(villagesIn("villages-reached-table")).doesNotContain(village);
        Screenshots.save(browser, "outreach-coverage-before");

        browser.manage().window().setSize(new Dimension(390, 844));
        Browser.click(browser, By.cssSelector("#villages-not-reached [data-village='" + village + "'] a.record-here"));
        assertThat(browser.findElement(By.cssSelector("input[name=villageCodes][value='" + village + "']"))
                        .isSelected())
                .as("the village is ticked")
                .isTrue();
        assertThat(script("return document.documentElement.scrollWidth <= window.innerWidth"))
                .as("the form fits a phone's width")
                .isEqualTo(true);
        new Select(browser.findElement(By.id("method"))).selectByValue("VILLAGE_MEETING");
        Browser.click(browser, By.cssSelector("input[name=topics][value=CARE]"));
        Browser.click(browser, By.cssSelector("input[name=topics][value=PROTECTION]"));
        type("peopleReached", "45");
        type("householdsReached", "21");
        new Select(browser.findElement(By.id("language"))).selectByValue("12");
        type("organisers", "Ban Công tác Mặt trận thôn");
        Screenshots.save(browser, "outreach-form-phone");
        Browser.click(browser, By.id("save-activity"));

        assertThat(browser.findElements(By.id("activity-facts")))
                .as(
                        "after saving: %s",
                        browser.findElements(By.cssSelector(".invalid-feedback, .alert")).stream()
                                .map(WebElement::getText)
                                .toList())
                .isNotEmpty();
        assertThat(browser.findElement(By.id("activity-facts")).getText())
                .contains(villageName)
                .contains("45 người, 21 hộ")
                .contains("Tiếng Ê-đê");

        browser.manage().window().setSize(new Dimension(1280, 900));
        Browser.click(browser, By.cssSelector(".breadcrumb-item:nth-child(2) a"));
        assertThat(villagesIn("villages-reached-table")).contains(village);
        assertThat(villagesIn("villages-not-reached")).doesNotContain(village);
        Screenshots.save(browser, "outreach-coverage-after");
    }
}
