package vn.chungtay.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The way from a child in Buôn Buôr to a donor: the commune officer registers the child with
 * consent and adds a need, the province approves it, the commune publishes it, and an anonymous
 * visitor finds it on the public needs page without the child's name.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ChildNeedBrowserTests {

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

    private void click(By locator) {
        Browser.click(browser, locator);
    }

    private void type(String id, String text) {
        var element = browser.findElement(By.id(id));
        element.clear();
        element.sendKeys(text);
    }

    /** Date inputs take their value as the browser's locale shows it; set the ISO value directly. */
    private void date(String id, String isoDate) {
        ((JavascriptExecutor) browser)
                .executeScript("arguments[0].value = arguments[1];", browser.findElement(By.id(id)), isoDate);
    }

    private void tick(String id) {
        if (!browser.findElement(By.id(id)).isSelected()) {
            click(By.id(id));
        }
    }

    private void signIn(String username) {
        Browser.signIn(browser, url(""), username);
    }

    @Test
    void aNeedOfAChildInBuonBuorReachesThePublicWithoutTheChildsName() {
        String suffix = UUID.randomUUID().toString().replaceAll("[^a-f]", "").substring(0, 4) + "kh";
        String childName = "Y Thử Niê " + suffix;
        String description = "Áo ấm mùa đông " + suffix;

        signIn("xa.cujut");
        browser.get(url("/children/new"));
        type("fullName", childName);
        date("dateOfBirth", "2016-05-10");
        new Select(browser.findElement(By.id("sex"))).selectByValue("FEMALE");
        new Select(browser.findElement(By.id("ethnicGroupCode"))).selectByValue("20");
        new Select(browser.findElement(By.id("villageCode")))
                .selectByVisibleText(browser.findElements(By.cssSelector("#villageCode option")).stream()
                        .map(o -> o.getText())
                        .filter(t -> t.startsWith("Buôn Buôr"))
                        .findFirst()
                        .orElseThrow());
        type("guardianName", "H'Thử Mlô " + suffix);
        type("guardianConsentBy", "H'Thử Mlô " + suffix);
        date("guardianConsentDate", "2026-11-01");
        tick("purpose-PROCESSING");
        tick("purpose-ANONYMOUS_MENTION");
        type("childConsentBy", childName);
        date("childConsentDate", "2026-11-01");
        Browser.clickToNewPage(browser, By.cssSelector("main form button[type=submit]:not([name])"));

        assertThat(browser.findElement(By.tagName("h1")).getText())
                .as(
                        "after registering: %s",
                        browser.findElements(By.cssSelector(".invalid-feedback, .alert")).stream()
                                .map(e -> e.getText())
                                .toList())
                .isEqualTo(childName);
        String publicCode =
                browser.findElement(By.cssSelector(".breadcrumb-item.active")).getText();
        assertThat(publicCode).matches("TE-[A-Z0-9]{6}");

        browser.get(url("/needs/new"));
        new Select(browser.findElement(By.id("target"))).selectByValue("CHILD");
        type("childCode", publicCode);
        new Select(browser.findElement(By.id("categoryCode")))
                .selectByIndex(browser.findElements(By.cssSelector("#categoryCode option"))
                                .size()
                        - 1);
        type("description", description);
        type("quantity", "1");
        type("unit", "chiếc");
        type("unitCost", "350000");
        type("season", "Mùa đông 2026");
        Browser.clickToNewPage(browser, By.cssSelector("main form button[type=submit]"));
        assertThat(browser.findElements(By.id("need-status")))
                .as(
                        "after adding the need: %s",
                        browser.findElements(By.cssSelector(".invalid-feedback, .alert")).stream()
                                .map(e -> e.getText())
                                .toList())
                .isNotEmpty();
        assertThat(Browser.textOnceItReads(browser, By.id("need-status"), "Dự thảo"))
                .isEqualTo("Dự thảo");
        String needUrl = browser.getCurrentUrl();
        click(By.xpath("//button[normalize-space()='Gửi tỉnh duyệt']"));

        signIn("tinh.lamdong");
        browser.get(needUrl);
        click(By.xpath("//button[normalize-space()='Duyệt']"));
        assertThat(Browser.textOnceItReads(browser, By.id("need-status"), "Đã duyệt"))
                .isEqualTo("Đã duyệt");

        signIn("xa.cujut");
        browser.get(needUrl);
        click(By.xpath("//button[normalize-space()='Công bố']"));
        assertThat(Browser.textOnceItReads(browser, By.id("need-status"), "Đã công bố"))
                .isEqualTo("Đã công bố");

        browser.manage().deleteAllCookies();
        browser.get(url("/public/needs"));
        type("q", suffix);
        Browser.clickToNewPage(browser, By.cssSelector("main form button[type=submit]"));
        String page = browser.findElement(By.tagName("main")).getText();
        assertThat(page)
                .contains(description)
                .contains("350.000")
                .doesNotContain(childName)
                .doesNotContain("2016");
        assertThat(page).containsIgnoringCase("bé gái 10 tuổi");
    }
}
