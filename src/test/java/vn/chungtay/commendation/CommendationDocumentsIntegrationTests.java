package vn.chungtay.commendation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import vn.chungtay.IntegrationTest;
import vn.chungtay.organisation.OrganisationManagement;
import vn.chungtay.shared.security.CurrentActor;

@IntegrationTest
class CommendationDocumentsIntegrationTests {

    @Autowired
    CommendationManagement commendations;

    @Autowired
    CommendationDocuments documents;

    @Autowired
    OrganisationManagement organisation;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService users;

    private long submittedProposal() {
        LocalDate from =
                LocalDate.of(2026, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(300));
        long id = CommendationMother.draft(
                jdbc,
                "24640",
                "COMMUNE",
                2026,
                from,
                from.plusDays(1 + ThreadLocalRandom.current().nextInt(5000)),
                List.of(CommendationMother.PHUOC_LOC, CommendationMother.NHUNG, CommendationMother.KOBE));
        CurrentActor.runAs(CommendationWorkflowIntegrationTests.CUJUT, () -> commendations.submit(id));
        return id;
    }

    @Test
    void theProposalHasTheDecree30HeaderBodyListAndRecipients() throws Exception {
        long id = submittedProposal();
        Proposal proposal = commendations.get(id);
        byte[] docx = documents.proposal(id).content();
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target/commendation-proposal.docx"), docx);

        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(docx))) {
            List<XWPFTable> tables = document.getTables();
            assertThat(tables).hasSize(3);
            XWPFTableRow header = tables.get(0).getRow(0);
            assertThat(lines(header.getCell(0)))
                    .containsExactly(
                            "ỦY BAN MTTQ VIỆT NAM",
                            "XÃ CƯ JÚT",
                            "BAN THƯỜNG TRỰC",
                            "_______",
                            "Số: " + proposal.documentNumber());
            LocalDate day = proposal.submittedOn();
            String month = day.getMonthValue() <= 2
                    ? String.format("%02d", day.getMonthValue())
                    : Integer.toString(day.getMonthValue());
            assertThat(lines(header.getCell(1)))
                    .containsExactly(
                            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                            "Độc lập - Tự do - Hạnh phúc",
                            "_______________________",
                            String.format(
                                    "Cư Jút, ngày %02d tháng %s năm %d", day.getDayOfMonth(), month, day.getYear()));
            XWPFParagraph nation = header.getCell(1).getParagraphs().get(0);
            assertThat(nation.getRuns().get(0).isBold()).isTrue();
            XWPFParagraph date = header.getCell(1).getParagraphs().get(3);
            assertThat(date.getRuns().get(0).isItalic()).isTrue();

            List<String> paragraphs = document.getParagraphs().stream()
                    .map(XWPFParagraph::getText)
                    .filter(t -> !t.isBlank())
                    .toList();
            assertThat(paragraphs.get(0)).isEqualTo("TỜ TRÌNH");
            assertThat(paragraphs.get(1))
                    .isEqualTo("Về việc đề nghị khen thưởng các tập thể, cá nhân có thành tích ủng hộ chương trình"
                            + " vận động hỗ trợ trẻ em năm 2026");
            assertThat(paragraphs)
                    .contains("Kính gửi: Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh Lâm Đồng.")
                    .anySatisfy(p -> assertThat(p).contains("khen thưởng 2 tập thể và 1 cá nhân"))
                    .contains("DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG")
                    .contains("Kính đề nghị Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh Lâm Đồng xem xét, quyết định./.");
            assertThat(document.getParagraphs().stream()
                            .filter(p -> p.getText().startsWith("Căn cứ"))
                            .findFirst()
                            .orElseThrow()
                            .getAlignment())
                    .isEqualTo(org.apache.poi.xwpf.usermodel.ParagraphAlignment.BOTH);

            XWPFTable list = tables.get(1);
            assertThat(list.getRow(0).getCell(1).getText()).isEqualTo("Tên tập thể, cá nhân");
            assertThat(list.getRows()).hasSize(4);
            assertThat(list.getRow(1).getCell(1).getText()).isEqualTo("Công ty TNHH Thương mại Phước Lộc");
            assertThat(list.getRow(1).getCell(3).getText()).isEqualTo("150.000.000");
            assertThat(list.getRow(1).getCell(4).getText()).isEqualTo("Bằng khen");
            assertThat(list.getRow(2).getCell(1).getText()).isEqualTo("Nguyễn Thị Hồng Nhung");
            assertThat(list.getRow(2).getCell(2).getText()).isEqualTo("Cá nhân");
            assertThat(list.getRow(3).getCell(1).getText()).isEqualTo("Kobe Friendship Association (JP)");
            assertThat(list.getRow(3).getCell(2).getText()).isEqualTo("Tập thể nước ngoài");

            XWPFTableRow footer = tables.get(2).getRow(0);
            List<String> recipients = lines(footer.getCell(0));
            assertThat(recipients.get(0)).isEqualTo("Nơi nhận:");
            assertThat(recipients.get(recipients.size() - 1)).isEqualTo("- Lưu: VT.");
            assertThat(footer.getCell(0).getParagraphs().get(1).getRuns().get(0).getFontSizeAsDouble())
                    .isEqualTo(11.0);
            assertThat(lines(footer.getCell(1))).startsWith("TM. BAN THƯỜNG TRỰC", "CHỦ TỊCH");

            List<XWPFRun> runs = new ArrayList<>();
            document.getParagraphs().forEach(p -> runs.addAll(p.getRuns()));
            assertThat(runs).allSatisfy(r -> assertThat(r.getFontFamily()).isEqualTo("Times New Roman"));
            var section = document.getDocument().getBody().getSectPr();
            assertThat(section.getPgSz().getW().toString()).isEqualTo("11906");
            assertThat(section.getPgSz().getH().toString()).isEqualTo("16838");
            assertThat(((java.math.BigInteger) section.getPgMar().getLeft()).intValue())
                    .isBetween(30 * 56, 35 * 57);
        }
    }

    @Test
    void theProposalOpensInLibreOfficeWithTheDecree30Header() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(
                vn.chungtay.LibreOffice.executable() != null, "LibreOffice is not installed (.ci/run installs it)");
        long id = submittedProposal();
        String text = vn.chungtay.LibreOffice.textOfDocx(documents.proposal(id).content());
        assertThat(text)
                .contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
                .contains("Độc lập - Tự do - Hạnh phúc")
                .contains("TỜ TRÌNH")
                .contains("Nơi nhận");
    }

    @Test
    void lettersShowVietnameseDiacriticsAndForeignDonorsGetEnglish() throws Exception {
        long id = submittedProposal();
        Proposal proposal = commendations.get(id);
        for (Candidate c : proposal.candidates()) {
            CurrentActor.runAs(
                    CommendationWorkflowIntegrationTests.PROVINCE, () -> commendations.decide(c.id(), true, null));
        }
        Candidate nhung = donor(proposal, CommendationMother.NHUNG);
        Candidate kobe = donor(proposal, CommendationMother.KOBE);

        String vietnamese = text(documents.letter(nhung.id()).content(), "target/commendation-letter-vi.png");
        assertThat(vietnamese)
                .contains("GIẤY KHEN")
                .contains("Nguyễn Thị Hồng Nhung")
                .contains("BAN THƯỜNG TRỰC ỦY BAN MTTQ VIỆT NAM TỈNH LÂM ĐỒNG TẶNG")
                .contains("Đã có thành tích: Ủng hộ áo ấm và học bổng cho trẻ em các buôn đặc biệt khó khăn")
                .contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
                .contains("Lâm Đồng, ngày");

        String english = text(documents.letter(kobe.id()).content(), "target/commendation-letter-en.png");
        assertThat(english)
                .contains("LETTER OF THANKS")
                .contains("Kobe Friendship Association")
                .contains("Lâm Đồng Province sincerely thanks")
                .contains("SOCIALIST REPUBLIC OF VIET NAM")
                .doesNotContain("Kính gửi");

        mvc.perform(get("/commendations/candidates/{id}/letter.pdf", nhung.id())
                        .with(user(users.loadUserByUsername("tinh.lamdong"))))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/pdf"));
        mvc.perform(get("/commendations/proposals/{id}/document.docx", id)
                        .with(user(users.loadUserByUsername("tinh.lamdong"))))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.containsString(".docx")));
        mvc.perform(get("/commendations/proposals/{id}/document.docx", id)
                        .with(user(users.loadUserByUsername("xa.namdong"))))
                .andExpect(status().isForbidden());
    }

    @Test
    void noLetterBeforeTheLevelAboveApproves() {
        long id = submittedProposal();
        Candidate pending = commendations.get(id).candidates().get(0);
        assertThatThrownBy(() -> documents.letter(pending.id())).isInstanceOf(CommendationStepRefused.class);
    }

    private static Candidate donor(Proposal proposal, CommendationMother.Donor donor) {
        return proposal.candidates().stream()
                .filter(c -> c.donorId() == donor.id())
                .findFirst()
                .orElseThrow();
    }

    /** The PDF's text, and its first page rendered to a PNG for a person to look at. */
    private static String text(byte[] pdf, String png) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            BufferedImage image = new PDFRenderer(document).renderImageWithDPI(0, 110);
            Files.createDirectories(Path.of("target"));
            ImageIO.write(image, "png", Path.of(png).toFile());
            assertThat(document.getNumberOfPages()).isEqualTo(1);
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
    }

    private static List<String> lines(XWPFTableCell cell) {
        return cell.getParagraphs().stream().map(XWPFParagraph::getText).toList();
    }
}
