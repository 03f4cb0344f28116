package vn.chungtay.donation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import vn.chungtay.IntegrationTest;
import vn.chungtay.campaign.Campaign;
import vn.chungtay.campaign.CampaignManagement;
import vn.chungtay.organisation.OrganisationManagement;

@IntegrationTest
class VietQrIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    CampaignManagement campaigns;

    @Autowired
    OrganisationManagement organisation;

    @Autowired
    JdbcClient jdbc;

    private String decode(String url) throws Exception {
        byte[] png = mvc.perform(get(url))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "image/png"))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        var image = ImageIO.read(new ByteArrayInputStream(png));
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        var bitmap = new BinaryBitmap(
                new HybridBinarizer(new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)));
        return new QRCodeReader().decode(bitmap).getText();
    }

    @Test
    void aCampaignsCodeCarriesItsAccountAmountAndPaymentCodeWithoutSigningIn() throws Exception {
        LocalDate today = organisation.today();
        Campaign campaign = DonationMother.campaign(campaigns, "24640", today.minusDays(1), today.plusDays(1));
        String account = campaign.accounts().get(0).accountNumber();
        String payload = decode("/public/qr/campaigns/" + campaign.id().value() + ".png?amount=200000");
        assertThat(payload)
                .startsWith("000201010212")
                .contains("0010A000000727")
                .contains("0006970405")
                .contains(account)
                .contains("0208QRIBFTTA")
                .contains("5406200000")
                .contains("5802VN")
                .contains("CT" + campaign.id().value())
                .matches(".*6304[0-9A-F]{4}$");
        mvc.perform(get("/public/qr/campaigns/" + campaign.id().value() + ".png?amount=-5"))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/public/qr/campaigns/99999999.png")).andExpect(status().isNotFound());
    }

    @Test
    void aPublishedNeedsCodeCarriesTheCommuneAndNeed() throws Exception {
        LocalDate today = organisation.today();
        DonationMother.campaign(campaigns, "24640", today.minusDays(1), today.plusDays(1));
        long needId = DonationTestNeeds.openNeed(jdbc, "24640");
        assertThat(decode("/public/qr/needs/" + needId + ".png"))
                .contains("CT24640N" + needId)
                .startsWith("000201010211");
        long draft = jdbc.sql("select id from need where status in ('DRAFT', 'APPROVED') limit 1")
                .query(Long.class)
                .single();
        mvc.perform(get("/public/qr/needs/" + draft + ".png")).andExpect(status().isNotFound());
    }
}
