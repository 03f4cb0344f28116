package vn.chungtay.donation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import vn.chungtay.donation.Channel;
import vn.chungtay.donation.GiftId;
import vn.chungtay.donation.GiftView;
import vn.chungtay.organisation.OrgUnitView;
import vn.chungtay.organisation.OrganisationManagement;
import vn.chungtay.shared.money.Vnd;

class ReceiptDocumentTests {

    private static ReceiptDocument document() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames("messages", "i18n/donation");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        OrganisationManagement organisation = mock(OrganisationManagement.class);
        OrgUnitView cuJut = new OrgUnitView(1, "24640", "Cư Jút", "Xã Cư Jút", "XA", 2, "68", null, null);
        when(organisation.find(eq("24640"), any())).thenReturn(Optional.of(cuJut));
        when(organisation.today()).thenReturn(LocalDate.of(2026, 10, 20));
        return new ReceiptDocument(messages, organisation);
    }

    private static GiftView gift(Channel channel, long amount, List<GiftView.Item> items) {
        return new GiftView(
                new GiftId(7),
                1001,
                "24640",
                channel,
                5,
                "INDIVIDUAL",
                true,
                "Nguyễn Thị Hoa",
                "Nguyễn Thị Hoa",
                null,
                Vnd.of(amount),
                LocalDate.of(2026, 10, 17),
                12L,
                null,
                null,
                "Ủng hộ các cháu vùng cao",
                "Trần Văn Bình",
                "xa.cujut",
                2026,
                15,
                items,
                null,
                null,
                null,
                Instant.now());
    }

    private static String text(byte[] pdf) throws Exception {
        try (var document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    @Test
    void receiptCarriesTheNumberTheDonorAndTheAmountInFiguresAndVietnameseWords() throws Exception {
        byte[] pdf = document().render(gift(Channel.CASH, 1_500_000, List.of()), "Vì trẻ em Cư Jút 2026");
        assertThat(pdf).startsWith('%', 'P', 'D', 'F');
        String text = text(pdf).replaceAll("\\s+", " ");
        assertThat(text)
                .contains("15/2026/BN-24640")
                .contains("XÃ CƯ JÚT")
                .contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
                .contains("Độc lập - Tự do - Hạnh phúc")
                .contains("Cư Jút, ngày 17 tháng 10 năm 2026")
                .contains("BIÊN NHẬN TIẾP NHẬN ỦNG HỘ")
                .contains("Nguyễn Thị Hoa")
                .contains("1.500.000 đồng")
                .contains("Một triệu năm trăm nghìn đồng")
                .contains("Tiền mặt")
                .contains("Nhu cầu số 12")
                .contains("Vì trẻ em Cư Jút 2026");
    }

    @Test
    void receiptOfGoodsListsTheItemsAndTheirEstimatedValue() throws Exception {
        var items = List.of(
                new GiftView.Item("Áo ấm trẻ em", 40, "cái", Vnd.of(6_000_000), "Mới", null),
                new GiftView.Item("Sữa hộp", 10, "thùng", Vnd.of(3_000_000), null, LocalDate.of(2027, 3, 1)));
        String text = text(document().render(gift(Channel.IN_KIND, 9_000_000, items), "Mùa đông ấm"))
                .replaceAll("\\s+", " ");
        assertThat(text)
                .contains("Hiện vật")
                .contains("Áo ấm trẻ em")
                .contains("Sữa hộp")
                .contains("HSD 01/03")
                .contains("6.000.000")
                .doesNotContain("#")
                .contains("Chín triệu đồng");
    }
}
