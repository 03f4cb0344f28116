package vn.chungtay.browser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium and ChromeDriver. Where they are not installed the browser tests are
 * skipped (reported as skipped, never as passed); CI installs them.
 */
final class Browser {

    static final Path CHROMIUM = Path.of(System.getProperty("chungtay.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("chungtay.chromedriver", "/usr/bin/chromedriver"));

    private Browser() {}

    /** Clicks as a person would: the element scrolled into the middle of the screen first. */
    static void click(WebDriver browser, By locator) {
        // a page still settling (a redirect, htmx swapping a fragment) may replace the element
        // between finding and clicking it: find it again, a few times
        for (int attempt = 1; ; attempt++) {
            try {
                WebElement element = browser.findElement(locator);
                ((JavascriptExecutor) browser)
                        .executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", element);
                element.click();
                return;
            } catch (org.openqa.selenium.StaleElementReferenceException e) {
                if (attempt == 3) {
                    throw e;
                }
            } catch (org.openqa.selenium.WebDriverException e) {
                // Chromium's way of saying stale while a page is replaced
                if (attempt == 3 || !String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                    throw e;
                }
            }
        }
    }

    /**
     * Clicks a link or a form's button that loads a new page and returns once the new page has
     * replaced the old one, so that what is read next is not the old page going stale.
     */
    static void clickToNewPage(WebDriver browser, By locator) {
        // a mark on the old page's window: a new page has a new window object without it. (Holding
        // the old <html> element and waiting for it to go stale is not enough: Chromium may answer
        // "node does not belong to the document" instead of "stale" while the page changes.)
        JavascriptExecutor js = (JavascriptExecutor) browser;
        js.executeScript("window.chungtayOldPage = true;");
        click(browser, locator);
        new org.openqa.selenium.support.ui.WebDriverWait(browser, Duration.ofSeconds(30))
                .ignoring(org.openqa.selenium.WebDriverException.class)
                .until(driver -> Boolean.TRUE.equals(((JavascriptExecutor) driver)
                        .executeScript(
                                "return window.chungtayOldPage === undefined && document.readyState === 'complete';")));
    }

    /**
     * The text of an element once it reads {@code expected}, or what it read last after 30 s: after
     * a click that posts a form the old page may still be there, or be replaced while it is read.
     */
    static String textOnceItReads(WebDriver browser, By locator, String expected) {
        String last = null;
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                last = browser.findElement(locator).getText();
                if (expected.equals(last)) {
                    return last;
                }
            } catch (org.openqa.selenium.WebDriverException e) {
                // the page is changing (stale, not there yet, or "node does not belong to the
                // document"): read again
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return last;
    }

    /** Signs in through the Vietnamese sign-in page with a demo account. */
    static void signIn(WebDriver browser, String baseUrl, String username) {
        browser.manage().deleteAllCookies();
        browser.get(baseUrl + "/login");
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys("demo12345");
        clickToNewPage(browser, By.cssSelector("main button[type=submit]"));
    }

    static ChromeDriver start() throws java.io.IOException {
        Assumptions.assumeTrue(
                Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Chromium and ChromeDriver are not installed (apt-get install chromium chromium-driver)");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--window-size=1280,900",
                "--lang=vi",
                "--user-data-dir=" + Files.createTempDirectory("chungtay-chromium-"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
        return driver;
    }
}
