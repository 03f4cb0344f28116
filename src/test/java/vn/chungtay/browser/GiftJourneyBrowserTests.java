package vn.chungtay.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.chungtay.campaign.BankAccount;
import vn.chungtay.campaign.Campaign;
import vn.chungtay.campaign.CampaignForm;
import vn.chungtay.campaign.CampaignManagement;
import vn.chungtay.identity.IdentityManagement;
import vn.chungtay.organisation.OrganisationManagement;
import vn.chungtay.shared.money.Vnd;
import vn.chungtay.shared.security.Actor;
import vn.chungtay.shared.security.CurrentActor;
import vn.chungtay.shared.security.Role;

/**
 * A gift followed from the commune office to the donor's own page: the officer of Xã Cư Jút
 * records a cash gift from the donor behind the {@code nha.hao.tam} account, opens its receipt,
 * allocates it to a published need on the ledger page and records the delivery with a photo of
 * the signed list; the donor signs in and sees where the gift went and how much was handed over.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GiftJourneyBrowserTests {

    /** A 1×1 transparent PNG, the proof photo. */
    private static final byte[] PNG = Base64.getDecoder()
            .decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    @LocalServerPort
    int port;

    @Autowired
    CampaignManagement campaigns;

    @Autowired
    IdentityManagement identity;

    @Autowired
    OrganisationManagement organisation;

    @Autowired
    JdbcClient jdbc;

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
        WebElement element = browser.findElement(By.id(id));
        element.clear();
        element.sendKeys(text);
    }

    private void date(String id, String isoDate) {
        ((JavascriptExecutor) browser)
                .executeScript("arguments[0].value = arguments[1];", browser.findElement(By.id(id)), isoDate);
    }

    private void waitForPath(String regex) {
        try {
            new WebDriverWait(browser, Duration.ofSeconds(30))
                    .until(b -> URI.create(b.getCurrentUrl()).getPath().matches(regex));
        } catch (org.openqa.selenium.TimeoutException e) {
            String problems =
                    browser.findElements(By.cssSelector("main .invalid-feedback, main .alert-danger")).stream()
                                    .map(element ->
                                            element.getAttribute("textContent").strip())
                                    .filter(text -> !text.isEmpty())
                                    .collect(Collectors.joining(" | "))
                            + " — page: "
                            + browser.findElement(By.tagName("main")).getText().replace('\n', ' ');
            throw new AssertionError(
                    "still on " + browser.getCurrentUrl() + " (expected " + regex + "): " + problems, e);
        }
    }

    record Need(long id, String categoryName, String villageName, long remaining) {}

    @Test
    void aCashGiftRecordedByTheCommuneReachesTheDonorsOwnPageWithWhereItWent() throws Exception {
        long donorId = identity.linkedDonorId(new Actor("nha.hao.tam", Role.DONOR, null))
                .orElseThrow();
        Need need = publishedVillageNeed();
        Campaign campaign = freshCampaign();
        long amount = Math.min(need.remaining(), 900_000)
                - ThreadLocalRandom.current().nextLong(1, 900) * 100;
        long delivered = amount - 50_000;
        String money = Vnd.of(amount).formatted();

        // the commune officer records the cash gift from the existing donor
        Browser.signIn(browser, url(""), "xa.cujut");
        waitForPath("/(?!login).*");
        browser.get(url("/donations/new"));
        new Select(browser.findElement(By.id("campaignId")))
                .selectByValue(Long.toString(campaign.id().value()));
        date("receivedOn", organisation.today().toString());
        click(By.cssSelector("input[name=channel][value=CASH]"));
        type("amount", Long.toString(amount));
        type("donorId", Long.toString(donorId));
        click(By.xpath("//form[@method='post' and contains(@action, '/donations')]//button[@type='submit']"));
        waitForPath("/donations/\\d+");
        WebElement receiptLink = browser.findElement(By.id("receipt-link"));
        assertThat(browser.findElement(By.tagName("main")).getText()).contains(money);

        // the receipt prints: its link answers with a PDF for the officer's session
        HttpResponse<byte[]> receipt = fetch(receiptLink.getAttribute("href"));
        assertThat(receipt.statusCode()).isEqualTo(200);
        assertThat(receipt.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
        assertThat(new String(receipt.body(), 0, 5)).isEqualTo("%PDF-");

        // allocated to the need on the campaign's ledger page
        browser.get(url("/ledger/campaigns/" + campaign.id().value()));
        org.junit.jupiter.api.Assumptions.assumeTrue(
                !browser.findElements(By.id("allocation-form")).isEmpty(),
                "the officers' ledger pages (branch ledger) are not in this build");
        click(By.id("target-need"));
        new Select(browser.findElement(By.id("needId"))).selectByValue(Long.toString(need.id()));
        type("amount", Long.toString(amount));
        click(By.cssSelector("#allocation-form button[type=submit]"));
        new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(b -> !b.findElements(By.cssSelector("main .alert-success, main .alert-danger"))
                        .isEmpty());
        assertThat(browser.findElements(By.cssSelector("main .alert-danger"))).isEmpty();

        // the delivery, with a photo of the signed list
        Path proof = Files.createTempDirectory("chungtay-proof-").resolve("danh-sach-ky-nhan.png");
        Files.write(proof, PNG);
        browser.get(url("/deliveries/new?need=" + need.id()));
        new Select(browser.findElement(By.id("campaignId")))
                .selectByValue(Long.toString(campaign.id().value()));
        date("date", organisation.today().toString());
        type("amount", Long.toString(delivered));
        type("childrenCount", "4");
        type("handedOverBy", "Cán bộ xã Cư Jút");
        browser.findElement(By.id("proof")).sendKeys(proof.toAbsolutePath().toString());
        click(By.cssSelector("form[enctype='multipart/form-data'] button[type=submit]"));
        waitForPath("/deliveries/\\d+");

        // signed out, the donor signs in and finds the gift on "their gifts"
        browser.manage().deleteAllCookies();
        Browser.signIn(browser, url(""), "nha.hao.tam");
        waitForPath("/(?!login).*");
        click(By.cssSelector("a[href='/my/gifts']"));
        waitForPath("/my/gifts");
        WebElement row = browser.findElements(By.cssSelector("#my-gifts tbody tr")).stream()
                .filter(r -> r.getText().contains(money))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no row with " + money + " on " + browser.getPageSource()));
        String text = row.getText();
        assertThat(text).contains(need.villageName()).contains(need.categoryName());
        assertThat(text).contains(Vnd.of(delivered).formatted()).contains("4");
        assertThat(text).contains(campaign.name());
    }

    private HttpResponse<byte[]> fetch(String href) throws Exception {
        String cookies = browser.manage().getCookies().stream()
                .map(c -> c.getName() + "=" + c.getValue())
                .collect(Collectors.joining("; "));
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(href))
                                .header("Cookie", cookies)
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
    }

    private Need publishedVillageNeed() {
        return jdbc.sql("""
                        select n.id, c.name_vi, n.unit_code, n.total_dong - n.funded_dong from need n
                        join support_category c on c.code = n.category_code
                        where n.commune_code = '24640' and n.status in ('PUBLISHED', 'PARTLY_FUNDED')
                        and n.target = 'VILLAGE' and n.unit_code <> n.commune_code
                        and n.total_dong - n.funded_dong >= 300000
                        order by n.total_dong - n.funded_dong desc limit 1""")
                .query((rs, i) -> new Need(
                        rs.getLong(1),
                        rs.getString(2),
                        organisation
                                .find(rs.getString(3), organisation.today())
                                .orElseThrow()
                                .name(),
                        rs.getLong(4)))
                .single();
    }

    private Campaign freshCampaign() {
        String account =
                "9" + String.format("%012d", ThreadLocalRandom.current().nextLong(1_000_000_000_000L));
        AtomicReference<Campaign> created = new AtomicReference<>();
        CurrentActor.runAs(
                Actor.SYSTEM,
                () -> created.set(campaigns.create(new CampaignForm(
                        "Hành trình món quà " + UUID.randomUUID().toString().substring(0, 8),
                        "24640",
                        organisation.today().minusDays(3),
                        organisation.today().plusDays(10),
                        50_000_000L,
                        organisation.today().getYear(),
                        List.of(new BankAccount("970405", "Agribank", account, "UBMTTQ XA CU JUT")),
                        List.of()))));
        return created.get();
    }
}
