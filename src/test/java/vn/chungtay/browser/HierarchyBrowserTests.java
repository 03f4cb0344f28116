package vn.chungtay.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A commune officer in a real browser: signs in, finds their commune, adds a village; a supervisor sees it audited. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HierarchyBrowserTests {

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

    /** Signs in, checking on the way that the sign-in page speaks Vietnamese. */
    private void signIn(String username) {
        browser.get(url("/login"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Đăng nhập");
        Browser.signIn(browser, url(""), username);
        try {
            new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(20))
                    .until(b -> !b.getCurrentUrl().contains("/login"));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError(
                    username + " could not sign in: "
                            + browser.findElement(By.tagName("main")).getText(),
                    e);
        }
    }

    private void click(By locator) {
        Browser.click(browser, locator);
    }

    private void clickToNewPage(By locator) {
        Browser.clickToNewPage(browser, locator);
    }

    private void signOut() {
        clickToNewPage(By.xpath("//button[normalize-space()='Đăng xuất']"));
    }

    @Test
    void officerAddsAVillageToXaCuJutAndTheSupervisorSeesItInTheAuditTrail() {
        signIn("xa.cujut");
        click(By.linkText("Đơn vị & quản trị"));
        clickToNewPage(By.linkText("Đơn vị hành chính"));
        clickToNewPage(By.linkText("Tỉnh Lâm Đồng"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Tỉnh Lâm Đồng");
        clickToNewPage(By.linkText("Xã Cư Jút"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Xã Cư Jút");
        assertThat(browser.findElement(By.id("village-list")).getText()).contains("Buôn Trum");

        String name = "Buôn Thử " + UUID.randomUUID().toString().substring(0, 6);
        browser.findElement(By.id("village-name")).sendKeys(name);
        new Select(browser.findElement(By.id("village-type"))).selectByVisibleText("Buôn");
        click(By.id("village-dbkk"));
        clickToNewPage(By.cssSelector("#new-village button[type=submit]"));

        assertThat(browser.findElement(By.cssSelector(".alert-success")).getText())
                .startsWith("Đã thêm " + name);
        String row = browser.findElement(
                        By.xpath("//table[@id='village-list']//tr[td[normalize-space()='" + name + "']]"))
                .getText();
        assertThat(row).matches("(?s)24640-\\d{2,} " + name + " Có Đang hoạt động.*");
        signOut();

        signIn("giamsat.lamdong");
        click(By.linkText("Đơn vị & quản trị"));
        clickToNewPage(By.linkText("Nhật ký thay đổi"));
        String audit = browser.findElement(By.id("audit-entries")).getText();
        assertThat(audit).contains("xa.cujut").contains("Tạo mới").contains(name);
    }

    @Test
    void searchFindsCuJutWithoutDiacriticsAndTheUnitPageShowsItsHistory() {
        signIn("tinh.lamdong");
        browser.get(url("/org-units/search?q=cu+jut"));
        Browser.clickToNewPage(browser, By.partialLinkText("Xã Cư Jút"));
        String page = browser.findElement(By.tagName("main")).getText();
        assertThat(page)
                .contains("Hình thành từ")
                .contains("Thị trấn Ea T'Ling")
                .contains("Xã Trúc Sơn");
    }

    @Test
    void englishIsOneClickAway() {
        browser.get(url("/"));
        clickToNewPage(By.linkText("English"));
        assertThat(browser.findElement(By.tagName("h1")).getText())
                .isEqualTo("Joining hands for children in disadvantaged areas");
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
    }

    @Test
    void pagesFitAPhoneScreenWithoutSidewaysScrolling() throws Exception {
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        signIn("xa.cujut");
        for (String path : java.util.List.of(
                "/",
                "/org-units",
                "/org-units/24640",
                "/org-units/search?q=dak+wil",
                "/profile",
                "/children",
                "/children/new",
                "/needs",
                "/plans",
                "/public/needs")) {
            browser.get(url(path));
            Long overflow = (Long) ((org.openqa.selenium.JavascriptExecutor) browser)
                    .executeScript(
                            "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
            assertThat(overflow).as("sideways overflow on %s", path).isLessThanOrEqualTo(0L);
            Screenshots.save(browser, "phone" + path.replaceAll("[^a-z0-9]+", "-"));
        }
    }

    @Test
    void errorsAreExplainedInVietnameseWithoutStackTraces() {
        signIn("xa.cujut");
        browser.get(url("/org-units/99999"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Không tìm thấy trang");
        browser.get(url("/audit"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Không có quyền truy cập");
        assertThat(browser.getPageSource()).doesNotContain("Exception").doesNotContain("at vn.chungtay");
    }
}
