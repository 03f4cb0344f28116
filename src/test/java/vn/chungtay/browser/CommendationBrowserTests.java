package vn.chungtay.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.chungtay.campaign.Campaign;
import vn.chungtay.campaign.CampaignForm;
import vn.chungtay.campaign.CampaignManagement;
import vn.chungtay.commendation.CommendationManagement;
import vn.chungtay.commendation.Proposal;
import vn.chungtay.commendation.RuleForm;
import vn.chungtay.donor.DonorDirectory;
import vn.chungtay.donor.DonorView;
import vn.chungtay.donor.NewDonor;
import vn.chungtay.ledger.Ledger;
import vn.chungtay.ledger.ReceiptPosting;
import vn.chungtay.organisation.OrgUnitView;
import vn.chungtay.organisation.OrganisationManagement;
import vn.chungtay.shared.money.Vnd;
import vn.chungtay.shared.security.Actor;
import vn.chungtay.shared.security.CurrentActor;

/**
 * A commune of Lâm Đồng proposes a donor for commendation (set up through the services: the rule,
 * the gift in the ledger, the generated and submitted proposal); the province officer opens the
 * proposal in a real browser, approves the donor and downloads the tờ trình and the certificate.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CommendationBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    CommendationManagement commendations;

    @Autowired
    CampaignManagement campaigns;

    @Autowired
    OrganisationManagement organisation;

    @Autowired
    ObjectProvider<Ledger> ledgers;

    @Autowired
    ObjectProvider<DonorDirectory> directories;

    WebDriver browser;

    @BeforeEach
    void openBrowser() throws Exception {
        Assumptions.assumeTrue(
                ledgers.getIfAvailable() != null && directories.getIfAvailable() != null,
                "the ledger and the donor register are not deployed yet");
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

    /** A submitted proposal of a Lâm Đồng commune other than the demo ones, with one donor; answers it. */
    private Proposal submittedProposal(String donorName) {
        List<OrgUnitView> communes = organisation.subtree("68", organisation.today()).stream()
                .filter(OrgUnitView::isCommune)
                .filter(u -> !List.of("24640", "24649", "24646").contains(u.code()))
                .toList();
        String commune = communes.get(ThreadLocalRandom.current().nextInt(communes.size()))
                .code();
        Proposal[] proposal = new Proposal[1];
        CurrentActor.runAs(Actor.SYSTEM, () -> {
            commendations.saveRule(new RuleForm(
                    commune, 2026, "COMMUNE", "GIAY_KHEN", "INDIVIDUAL", "DOMESTIC", 1_000_000L, "RECEIVED"));
            Campaign campaign = campaigns.create(new CampaignForm(
                    "Vì trẻ em " + donorName,
                    commune,
                    LocalDate.of(2026, 1, 1),
                    LocalDate.of(2026, 12, 31),
                    0L,
                    2026,
                    List.of(),
                    List.of()));
            DonorView donor = directories.getObject().findOrRegister(NewDonor.individual(donorName));
            ledgers.getObject()
                    .postReceipt(new ReceiptPosting(
                            campaign.id(),
                            commune,
                            LocalDate.of(2026, 10, 20),
                            Vnd.of(3_000_000),
                            null,
                            donor.id().value(),
                            donorName,
                            "ung ho ngay 17/10",
                            null));
            Proposal generated = commendations.generate(commune, 2026, null, null);
            proposal[0] = commendations.submit(generated.id());
        });
        return proposal[0];
    }

    @Test
    void theProvinceOfficerApprovesACommunesProposalAndDownloadsIt() {
        String donorName = "Nguyễn Thị Ánh "
                + UUID.randomUUID().toString().replaceAll("[^a-f]", "").substring(0, 3);
        Proposal proposal = submittedProposal(donorName);

        Browser.signIn(browser, url(""), "tinh.lamdong");
        browser.get(url("/commendations?year=2026"));
        Browser.click(browser, By.cssSelector("#proposals a[href$='/commendations/proposals/" + proposal.id() + "']"));
        assertThat(Browser.textOnceItReads(browser, By.id("proposal-status"), "Đã trình cấp trên"))
                .isEqualTo("Đã trình cấp trên");
        assertThat(browser.findElement(By.id("candidates")).getText())
                .contains(donorName)
                .contains("3.000.000 ₫");

        Browser.click(
                browser,
                By.xpath("//div[contains(@class,'list-group-item')][.//strong[normalize-space()='" + donorName
                        + "']]//button[normalize-space()='Đồng ý']"));
        assertThat(browser.findElement(By.cssSelector(".alert-success")).getText())
                .isEqualTo("Đã đồng ý khen thưởng.");
        assertThat(Browser.textOnceItReads(browser, By.id("proposal-status"), "Đã xét duyệt"))
                .isEqualTo("Đã xét duyệt");

        String docx = browser.findElement(By.id("download-docx")).getAttribute("href");
        assertThat(fetch(docx))
                .startsWith("200 application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        String letter =
                browser.findElement(By.linkText("Giấy khen / Bằng khen (PDF)")).getAttribute("href");
        assertThat(fetch(letter)).startsWith("200 application/pdf");
    }

    /** Downloads a link with the browser's session: status, content type and size. */
    private String fetch(String href) {
        Object result = ((JavascriptExecutor) browser)
                .executeAsyncScript(
                        "var done = arguments[arguments.length - 1];"
                                + "fetch(arguments[0]).then(function (r) { return r.arrayBuffer().then(function (b) {"
                                + " done(r.status + ' ' + r.headers.get('content-type') + ' ' + b.byteLength); }); })"
                                + ".catch(function (e) { done('error ' + e); });",
                        href);
        String answer = String.valueOf(result);
        assertThat(Long.parseLong(answer.substring(answer.lastIndexOf(' ') + 1)))
                .isGreaterThan(1000);
        return answer;
    }
}
