package vn.chungtay.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.chungtay.IntegrationTest;
import vn.chungtay.organisation.OrganisationManagement;

@IntegrationTest
class ReportDocumentsIntegrationTests {

    @Autowired
    ReportingSetup setup;

    @Autowired
    ReportingManagement reports;

    @Autowired
    ReportConsolidation consolidation;

    @Autowired
    ReportDocuments documents;

    @Autowired
    OrganisationManagement organisation;

    private ReportView submittedReport(PeriodView period) {
        return ReportingMother.as(ReportingMother.ADMIN, () -> {
            ReportView report = reports.open("24640", period.id());
            reports.write(
                    report.id(),
                    Map.of(
                            "RESULTS", "Đã vận động 45 áo ấm cho trẻ em buôn Buôr.",
                            "DIFFICULTIES", "Thôn xa, đường khó đi.",
                            "PROPOSALS", "Đề nghị hỗ trợ thêm học bổng."),
                    "15");
            reports.adjust(report.id(), "need.published", "1042", "Cộng số liệu sổ giấy");
            return reports.accept(reports.submit(report.id()).id());
        });
    }

    @Test
    void theReportDocxFollowsDecree30AndCarriesTheFigures() throws Exception {
        PeriodView period = ReportingMother.current(setup, organisation.today(), null);
        ReportView report = submittedReport(period);

        byte[] docx = documents.docx(report);

        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(docx))) {
            List<XWPFParagraph> paragraphs = paragraphs(document.getBodyElements());
            List<String> texts = paragraphs.stream().map(XWPFParagraph::getText).toList();
            assertThat(texts)
                    .contains(
                            "ỦY BAN MTTQ VIỆT NAM",
                            "XÃ CƯ JÚT",
                            "BAN THƯỜNG TRỰC",
                            "Số: 15/BC-MTTQ",
                            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                            "Độc lập - Tự do - Hạnh phúc",
                            "BÁO CÁO",
                            period.template().title() + " " + period.name(),
                            "Kính gửi: Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh Lâm Đồng.",
                            "I. KẾT QUẢ THỰC HIỆN",
                            "Đã vận động 45 áo ấm cho trẻ em buôn Buôr.",
                            "II. KHÓ KHĂN, VƯỚNG MẮC",
                            "III. ĐỀ XUẤT, KIẾN NGHỊ",
                            "TM. BAN THƯỜNG TRỰC",
                            "CHỦ TỊCH",
                            "Nơi nhận:",
                            "- Như trên;",
                            "- Lưu: VT.");
            assertThat(texts).anyMatch(t -> t.matches("Cư Jút, ngày \\d{2} tháng (0[12]|[3-9]|1[0-2]) năm \\d{4}"));
            assertThat(run(paragraphs, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM").isBold())
                    .isTrue();
            assertThat(run(paragraphs, "Độc lập - Tự do - Hạnh phúc").isBold()).isTrue();
            assertThat(run(paragraphs, "BAN THƯỜNG TRỰC").isBold()).isTrue();
            assertThat(run(paragraphs, "BÁO CÁO").isBold()).isTrue();
            XWPFRun date = paragraphs.stream()
                    .filter(p -> p.getText().startsWith("Cư Jút, ngày"))
                    .findFirst()
                    .orElseThrow()
                    .getRuns()
                    .get(0);
            assertThat(date.isItalic()).isTrue();
            assertThat(run(paragraphs, "- Lưu: VT.").getFontSizeAsDouble()).isEqualTo(11.0);
            assertThat(run(paragraphs, "Đã vận động 45 áo ấm cho trẻ em buôn Buôr.")
                            .getFontFamily())
                    .isEqualTo("Times New Roman");

            List<List<String>> rows = tableRows(document.getBodyElements());
            assertThat(rows).anyMatch(r -> r.contains("Nhu cầu được công bố") && r.contains("1.042"));
            assertThat(rows).anyMatch(r -> r.contains("STT") && r.contains("Chỉ tiêu") && r.contains("Kết quả"));

            var section = document.getDocument().getBody().getSectPr();
            assertThat(section.getPgSz().getW().toString()).isEqualTo("11906");
            assertThat(section.getPgSz().getH().toString()).isEqualTo("16838");
            assertThat(section.getPgMar().getLeft().toString()).isEqualTo("1701");
            assertThat(section.getPgMar().getRight().toString()).isEqualTo("850");
            assertThat(section.getPgMar().getTop().toString()).isEqualTo("1134");
        }
    }

    @Test
    void theDocxOpensInLibreOfficeWithTheHeaderWhenLibreOfficeIsInstalled() throws Exception {
        String office = findOnPath("soffice", "libreoffice");
        Assumptions.assumeTrue(office != null, "LibreOffice is not installed: conversion check skipped");
        PeriodView period = ReportingMother.current(setup, organisation.today(), null);
        convertWithLibreOffice(office, documents.docx(submittedReport(period)));
    }

    @Test
    void theReportAlsoExportsAsXlsxAndPdf() throws Exception {
        PeriodView period = ReportingMother.current(setup, organisation.today(), null);
        ReportView report = submittedReport(period);

        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(documents.xlsx(report)))) {
            Sheet sheet = workbook.getSheet("Chỉ tiêu");
            Row published = null;
            for (Row row : sheet) {
                Cell code = row.getCell(2);
                if (code != null
                        && code.getCellType() == CellType.STRING
                        && code.getStringCellValue().equals("need.published")) {
                    published = row;
                }
            }
            assertThat(published).isNotNull();
            assertThat(published.getCell(3).getStringCellValue()).isEqualTo("Nhu cầu được công bố");
            assertThat(published.getCell(6).getNumericCellValue()).isEqualTo(1042.0);
            assertThat(published.getCell(7).getStringCellValue()).isEqualTo("Cộng số liệu sổ giấy");
        }

        byte[] pdf = documents.pdf(report);
        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII))
                .isEqualTo("%PDF-");
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text)
                    .contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "BÁO CÁO", "Số: 15/BC-MTTQ", "1.042", "Lưu: VT.");
            assertThat(document.getPage(0).getMediaBox().getWidth()).isBetween(594f, 596f);
        }
    }

    @Test
    void theConsolidatedReportExportsItsUnitsAndTotals() throws Exception {
        PeriodView period = ReportingMother.current(setup, organisation.today(), "68");
        submittedReport(period);
        ConsolidatedReport consolidated =
                ReportingMother.as(ReportingMother.PROVINCE, () -> consolidation.consolidated("68", period));

        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(documents.docx(consolidated)))) {
            List<String> texts = paragraphs(document.getBodyElements()).stream()
                    .map(XWPFParagraph::getText)
                    .toList();
            assertThat(texts).contains("TỈNH LÂM ĐỒNG", "BÁO CÁO", "Số: …/BC-MTTQ", "- Lưu: VT.");
            List<List<String>> rows = tableRows(document.getBodyElements());
            assertThat(rows).anyMatch(r -> r.contains("Xã Cư Jút") && r.contains("Đã tiếp nhận"));
            assertThat(rows).anyMatch(r -> r.contains("Nhu cầu được công bố") && r.contains("1.042"));
        }
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(documents.xlsx(consolidated)))) {
            assertThat(workbook.getSheet("Tổng hợp")).isNotNull();
            assertThat(workbook.getSheet("Theo đơn vị").getPhysicalNumberOfRows())
                    .isEqualTo(consolidated.rows().size() + 1);
        }
        assertThat(documents.pdf(consolidated)).startsWith("%PDF-".getBytes());
    }

    /** LibreOffice opens the DOCX and converts it to PDF with the Decree 30 header. */
    private static void convertWithLibreOffice(String office, byte[] docx) throws Exception {
        Path dir = Files.createTempDirectory("report-docx");
        Path input = dir.resolve("bao-cao.docx");
        Files.write(input, docx);
        Process process = new ProcessBuilder(
                        office, "--headless", "--convert-to", "pdf", "--outdir", dir.toString(), input.toString())
                .redirectErrorStream(true)
                .start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        Path pdf = dir.resolve("bao-cao.pdf");
        assertThat(pdf).exists();
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            assertThat(stripper.getText(document)).contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
        }
    }

    private static String findOnPath(String... names) {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String dir : path.split(File.pathSeparator)) {
            for (String name : names) {
                File candidate = new File(dir, name);
                if (candidate.canExecute()) {
                    return candidate.getAbsolutePath();
                }
            }
        }
        return null;
    }

    private static XWPFRun run(List<XWPFParagraph> paragraphs, String text) {
        return paragraphs.stream()
                .filter(p -> p.getText().equals(text))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no paragraph " + text))
                .getRuns()
                .get(0);
    }

    /** Every paragraph, also those inside table cells, in document order. */
    private static List<XWPFParagraph> paragraphs(List<IBodyElement> elements) {
        List<XWPFParagraph> found = new ArrayList<>();
        for (IBodyElement element : elements) {
            if (element instanceof XWPFParagraph paragraph) {
                found.add(paragraph);
            } else if (element instanceof XWPFTable table) {
                for (XWPFTableRow row : table.getRows()) {
                    for (XWPFTableCell cell : row.getTableCells()) {
                        found.addAll(paragraphs(cell.getBodyElements()));
                    }
                }
            }
        }
        return found;
    }

    private static List<List<String>> tableRows(List<IBodyElement> elements) {
        List<List<String>> rows = new ArrayList<>();
        for (IBodyElement element : elements) {
            if (element instanceof XWPFTable table) {
                for (XWPFTableRow row : table.getRows()) {
                    rows.add(row.getTableCells().stream()
                            .map(XWPFTableCell::getText)
                            .toList());
                }
            }
        }
        return rows;
    }
}
