package vn.chungtay.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.RequestBuilder;
import vn.chungtay.IntegrationTest;
import vn.chungtay.organisation.OrganisationManagement;

/**
 * Hostile files against every importer: each answers with a Vietnamese message, never a 5xx, and
 * writes nothing.
 */
@IntegrationTest
class HostileFileIntegrationTests {

    private static final String SUITE = "HostileFileIntegrationTests";
    private static final DateTimeFormatter DMY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDetailsService users;

    @Autowired
    OrganisationManagement organisation;

    @AfterAll
    static void summary() {
        HostileInputSummary.print(SUITE);
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    /** Sends the request; asserts no 5xx, the expected Vietnamese text, and no new rows in the tables. */
    private String attempt(String label, RequestBuilder request, String expected, String... tables) throws Exception {
        HostileInputSummary.tried(SUITE);
        long[] before = Arrays.stream(tables).mapToLong(this::count).toArray();
        MvcResult result = mvc.perform(request).andReturn();
        String body = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(result.getResponse().getStatus()).as(label).isLessThan(500);
        assertThat(body)
                .as(label)
                .contains(expected)
                .doesNotContain("Exception")
                .doesNotContain("at vn.chungtay");
        long[] after = Arrays.stream(tables).mapToLong(this::count).toArray();
        if (!Arrays.equals(after, before)) {
            String newest = jdbc.sql(
                            "select code || ' ' || name || ' ' || valid_from from org_unit order by id desc limit 1")
                    .query(String.class)
                    .single();
            assertThat(after)
                    .as(label + ": rows written; newest unit " + newest)
                    .isEqualTo(before);
        }
        return body;
    }

    // ---------------------------------------------------------------- children (XLSX page)

    private RequestBuilder childImport(String filename, byte[] content) {
        return multipart("/children/import")
                .file(new MockMultipartFile("file", filename, "application/octet-stream", content))
                .with(user(users.loadUserByUsername("xa.cujut")))
                .with(csrf());
    }

    private byte[] template() throws Exception {
        return mvc.perform(get("/children/template.xlsx").with(user(users.loadUserByUsername("xa.cujut"))))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
    }

    private byte[] workbook(java.util.function.Consumer<Sheet> edit) throws Exception {
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(template()))) {
            edit.accept(book.getSheetAt(0));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            book.write(out);
            return out.toByteArray();
        }
    }

    private List<String> validRow(String name) {
        LocalDate today = organisation.today();
        String village = organisation.villages("24640", today).stream()
                .filter(v -> v.isValidOn(today))
                .findFirst()
                .orElseThrow()
                .code();
        return List.of(
                name,
                today.minusYears(4).format(DMY),
                "Nữ",
                "01 - Kinh",
                village + " - Thôn",
                "Trần Thị Hờ Lan",
                "Mẹ",
                "0912345678",
                "Hộ nghèo",
                "HN-1",
                "Mẫu giáo",
                "Trường Mầm non Thử",
                "HCDB04",
                "",
                "",
                "",
                "Trần Thị Hờ Lan",
                today.minusDays(2).format(DMY),
                "Văn bản",
                "Xử lý dữ liệu",
                "",
                "");
    }

    private static void write(Sheet sheet, int index, List<String> values) {
        Row row = sheet.getRow(index) == null ? sheet.createRow(index) : sheet.getRow(index);
        for (int c = 0; c < values.size(); c++) {
            row.createCell(c).setCellValue(values.get(c));
        }
    }

    @Test
    void childImportRefusesHostileFilesWithAVietnameseMessageAndWritesNothing() throws Exception {
        byte[] template = template();
        String notXlsx = "Tệp không phải là tệp Excel .xlsx";
        attempt("empty", childImport("a.xlsx", new byte[0]), "Vui lòng chọn một tệp Excel", "child");
        attempt("csv renamed", childImport("a.xlsx", "a,b\n1,2".getBytes()), notXlsx, "child");
        attempt("wrong extension", childImport("a.csv", template), notXlsx, "child");
        attempt("truncated", childImport("a.xlsx", Arrays.copyOf(template, template.length / 2)), notXlsx, "child");
        attempt(
                "invalid utf-8",
                childImport("a.xlsx", new byte[] {'P', 'K', (byte) 0xC3, 0x28, (byte) 0xFF}),
                notXlsx,
                "child");
        byte[] garbage = new byte[4096];
        new java.util.Random(8).nextBytes(garbage);
        garbage[0] = 'P';
        garbage[1] = 'K';
        attempt("random bytes", childImport("a.xlsx", garbage), notXlsx, "child");
        byte[] huge = new byte[(int) (vn.chungtay.child.internal.ChildWorkbooks.MAX_BYTES + 1)];
        huge[0] = 'P';
        huge[1] = 'K';
        attempt("over 50 MB", childImport("a.xlsx", huge), "Tệp quá lớn", "child");
        attempt("only the header", childImport("a.xlsx", template), "không có dòng dữ liệu", "child");
        attempt(
                "wrong column order",
                childImport("a.xlsx", workbook(sheet -> {
                    Row header = sheet.getRow(0);
                    String first = header.getCell(0).getStringCellValue();
                    header.getCell(0).setCellValue(header.getCell(1).getStringCellValue());
                    header.getCell(1).setCellValue(first);
                })),
                "Tệp không đúng mẫu",
                "child");
        attempt(
                "formula cells",
                childImport("a.xlsx", workbook(sheet -> {
                    write(sheet, 1, validRow("Hờ Thị Công Thức"));
                    sheet.getRow(1).getCell(0).setCellFormula("HYPERLINK(\"http://evil.example\",\"bấm\")");
                    sheet.getRow(1).getCell(5).setCellValue("=cmd|' /C calc'!A0");
                })),
                "Tệp chưa được nhập",
                "child");
        attempt(
                "a name that is a formula",
                childImport("a.xlsx", workbook(sheet -> write(sheet, 1, validRow("=cmd|' /C calc'!A0")))),
                "Tệp chưa được nhập",
                "child");
        attempt("zip bomb", childImport("bomb.xlsx", zipBomb(template)), notXlsx, "child");
        // the application is still healthy afterwards
        assertThat(mvc.perform(get("/children/import").with(user(users.loadUserByUsername("xa.cujut"))))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(200);
    }

    /** The workbook with its first sheet replaced by one that inflates to more than 1 GB. */
    static byte[] zipBomb(byte[] xlsx) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(xlsx));
                ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.setLevel(Deflater.BEST_COMPRESSION);
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                zip.putNextEntry(new ZipEntry(entry.getName()));
                if (entry.getName().equals("xl/worksheets/sheet1.xml")) {
                    zip.write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet"
                                    + " xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>")
                            .getBytes(StandardCharsets.UTF_8));
                    byte[] blanks = new byte[1 << 20];
                    Arrays.fill(blanks, (byte) ' ');
                    for (int i = 0; i < 1100; i++) {
                        zip.write(blanks);
                    }
                    zip.write("</sheetData></worksheet>".getBytes(StandardCharsets.UTF_8));
                } else {
                    in.transferTo(zip);
                }
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    // ---------------------------------------------------------------- administrative units (CSV page)

    private RequestBuilder unitImport(byte[] units) {
        return multipart("/admin/org-units/import")
                .file(new MockMultipartFile("units", "units.csv", "text/csv", units))
                .param("effectiveDate", "2031-01-01")
                .with(user(users.loadUserByUsername("admin")))
                .with(csrf());
    }

    @Test
    void unitImportRefusesHostileFilesWithAVietnameseMessageAndWritesNothing() throws Exception {
        String header = "code,name,full_name,level,parent_code,unit_type\r\n";
        String[] tables = {"org_unit", "org_unit_succession"};
        attempt(
                "no file",
                multipart("/admin/org-units/import")
                        .param("effectiveDate", "2031-01-01")
                        .with(user(users.loadUserByUsername("admin")))
                        .with(csrf()),
                "Vui lòng chọn ít nhất một tệp",
                tables);
        attempt(
                "no date",
                multipart("/admin/org-units/import")
                        .file(new MockMultipartFile("units", "u.csv", "text/csv", header.getBytes()))
                        .with(user(users.loadUserByUsername("admin")))
                        .with(csrf()),
                "ngày",
                tables);
        attempt("empty", unitImport(new byte[0]), "Vui lòng chọn ít nhất một tệp", tables);
        attempt(
                "unclosed quote",
                unitImport((header + "99,\"Thử,Tỉnh Thử,1,,Tỉnh").getBytes(StandardCharsets.UTF_8)),
                "lỗi định dạng",
                tables);
        attempt("invalid utf-8", unitImport(new byte[] {'c', 'o', 'd', 'e', (byte) 0xC3, 0x28, '\n'}), "UTF-8", tables);
        attempt(
                "wrong columns",
                unitImport("ma,ten\r\n99,Thử\r\n".getBytes(StandardCharsets.UTF_8)),
                "thiếu cột",
                tables);
        attempt(
                "wrong column order",
                unitImport("name,code,full_name,level,parent_code,unit_type\r\nThử Đảo,9x,Tỉnh Thử Đảo,1,,Tỉnh\r\n"
                        .getBytes(StandardCharsets.UTF_8)),
                "Mã",
                tables);
        // a unit named "=HYPERLINK(...)" is accepted and stays text on the way out:
        // HostileTextIntegrationTests#unitNamesThatLookLikeFormulasStayTextInEveryExport
        attempt(
                "BOM and a stray repeated header",
                unitImport(("\uFEFF" + header + header).getBytes(StandardCharsets.UTF_8)),
                "Mã",
                tables);
        attempt("xlsx instead of csv", unitImport(template()), "UTF-8", tables);
        attempt("zip bomb", unitImport(zipBomb(template())), "UTF-8", tables);
    }

    // ---------------------------------------------------------------- bank statements (API and page)

    @Autowired
    vn.chungtay.campaign.CampaignManagement campaigns;

    private long statementCampaign() {
        LocalDate today = organisation.today();
        String account = "9"
                + String.format(
                        "%012d",
                        java.util.concurrent.ThreadLocalRandom.current().nextLong(1_000_000_000_000L));
        long[] id = new long[1];
        vn.chungtay.shared.security.CurrentActor.runAs(
                vn.chungtay.shared.security.Actor.SYSTEM,
                () -> id[0] = campaigns
                        .create(new vn.chungtay.campaign.CampaignForm(
                                "Chiến dịch sao kê độc "
                                        + java.util.UUID.randomUUID().toString().substring(0, 8),
                                "24640",
                                today.minusDays(30),
                                today.plusDays(30),
                                100_000_000L,
                                today.getYear(),
                                List.of(new vn.chungtay.campaign.BankAccount("970405", "Agribank", account, "UBMTTQ")),
                                List.of()))
                        .id()
                        .value());
        return id[0];
    }

    private static final String STATEMENT_HEADER =
            "PageId,Date,Time,DocumentNumber,ReferenceNumber,TransactionDetails,DebitAmount,CreditAmount,Balance,OffsetAccount\r\n";

    private String statementLine(String reference, String message, String amount) {
        LocalDate day = organisation.today().minusDays(1);
        return "1,%s,10:00:00,,%s,\"%s\",,\"%s\",,NGUYEN VAN A – A/C\r\n"
                .formatted(day.format(DMY), reference, message, amount);
    }

    private RequestBuilder statementApi(long campaign, String filename, byte[] content) {
        return statementApi(campaign, filename, content, null);
    }

    private RequestBuilder statementApi(long campaign, String filename, byte[] content, String layout) {
        var request = multipart("/api/v1/statements")
                .file(new MockMultipartFile("file", filename, "application/octet-stream", content))
                .param("campaignId", Long.toString(campaign))
                .with(user(users.loadUserByUsername("xa.cujut")))
                .with(csrf());
        return layout == null ? request : request.param("layout", layout);
    }

    private RequestBuilder statementPage(long campaign, String filename, byte[] content) {
        return statementPage(campaign, filename, content, null);
    }

    private RequestBuilder statementPage(long campaign, String filename, byte[] content, String layout) {
        var request = multipart("/donations/statements")
                .file(new MockMultipartFile("file", filename, "application/octet-stream", content))
                .param("campaignId", Long.toString(campaign))
                .with(user(users.loadUserByUsername("xa.cujut")))
                .with(csrf());
        return layout == null ? request : request.param("layout", layout);
    }

    private static final String[] STATEMENT_TABLES = {"statement_import", "statement_line", "donation", "ledger_entry"};

    /** The API answers 4xx with the Vietnamese message, the page shows it; neither writes a row. */
    private void statementAttempt(String label, long campaign, String filename, byte[] content, String expected)
            throws Exception {
        statementAttempt(label, campaign, filename, content, null, expected);
    }

    private void statementAttempt(
            String label, long campaign, String filename, byte[] content, String layout, String expected)
            throws Exception {
        MvcResult api =
                mvc.perform(statementApi(campaign, filename, content, layout)).andReturn();
        assertThat(api.getResponse().getStatus()).as(label + " (API)").isBetween(400, 499);
        attempt(label + " (API)", statementApi(campaign, filename, content, layout), expected, STATEMENT_TABLES);
        attempt(label + " (page)", statementPage(campaign, filename, content, layout), expected, STATEMENT_TABLES);
    }

    @Test
    void statementImportRefusesHostileFilesWithAVietnameseMessageAndWritesNothing() throws Exception {
        long campaign = statementCampaign();
        String unique = java.util
                .UUID
                .randomUUID()
                .toString()
                .replace("-", "")
                .substring(0, 10)
                .toUpperCase();
        String good = STATEMENT_HEADER
                + statementLine("FT" + unique + "1", "UNG HO TRE EM", "500,000")
                + statementLine("FT" + unique + "2", "UNG HO AO AM", "1,200,000");
        byte[] goodBytes = good.getBytes(StandardCharsets.UTF_8);
        String unknownLayout = "Không nhận ra mẫu sao kê";

        statementAttempt("empty", campaign, "sao-ke.csv", new byte[0], "Vui lòng chọn tệp sao kê");
        statementAttempt(
                "only the header",
                campaign,
                "sao-ke.csv",
                STATEMENT_HEADER.getBytes(StandardCharsets.UTF_8),
                "không có giao dịch");
        statementAttempt(
                "unclosed quote",
                campaign,
                "sao-ke.csv",
                (STATEMENT_HEADER + "1,01/01/2026,10:00:00,,FT1,\"UNG HO,,\"500,000\",,A\r\n")
                        .getBytes(StandardCharsets.UTF_8),
                "Tệp CSV hỏng");
        statementAttempt(
                "truncated in the middle of a line",
                campaign,
                "sao-ke.csv",
                Arrays.copyOf(goodBytes, good.lastIndexOf("\"1,200") + 3),
                "Tệp CSV hỏng");
        // columns are found by their header names; values under the wrong headers are refused
        statementAttempt(
                "wrong column order under the layout's header",
                campaign,
                "sao-ke.csv",
                (STATEMENT_HEADER + "1,\"500,000\",10:00:00,,FT" + unique + "9,UNG HO,,01/01/2026,,A\r\n")
                        .getBytes(StandardCharsets.UTF_8),
                "không đúng định dạng");
        statementAttempt(
                "a formula as the amount",
                campaign,
                "sao-ke.csv",
                (STATEMENT_HEADER + statementLine("FT" + unique + "3", "UNG HO", "=1000000*1000"))
                        .getBytes(StandardCharsets.UTF_8),
                "số tiền");
        statementAttempt(
                "a HYPERLINK formula as the amount",
                campaign,
                "sao-ke.csv",
                (STATEMENT_HEADER
                                + statementLine(
                                        "FT" + unique + "4",
                                        "UNG HO",
                                        "=HYPERLINK(\"\"http://evil.example\"\";\"\"5\"\")"))
                        .getBytes(StandardCharsets.UTF_8),
                "số tiền");
        byte[] xlsx = statementXlsx(good);
        String unreadable = "Không đọc được tệp Excel";
        // a workbook that does not open is unreadable, whether a layout is chosen or not (not "unknown layout")
        statementAttempt("truncated XLSX", campaign, "sao-ke.xlsx", Arrays.copyOf(xlsx, xlsx.length / 2), unreadable);
        statementAttempt(
                "truncated XLSX, layout chosen",
                campaign,
                "sao-ke.xlsx",
                Arrays.copyOf(xlsx, xlsx.length / 2),
                "B-PageId",
                unreadable);
        statementAttempt("zip bomb disguised as XLSX", campaign, "sao-ke.xlsx", zipBomb(xlsx), unreadable);
        statementAttempt(
                "zip bomb disguised as XLSX, layout chosen",
                campaign,
                "sao-ke.xlsx",
                zipBomb(xlsx),
                "B-PageId",
                unreadable);
        byte[] random = new byte[8192];
        new java.util.Random(4).nextBytes(random);
        random[0] = 'P';
        random[1] = 'K';
        statementAttempt("random bytes starting like a zip", campaign, "sao-ke.xlsx", random, "B-PageId", unreadable);
        statementAttempt("random bytes starting like a zip, no layout", campaign, "sao-ke.xlsx", random, unreadable);
        byte[] noise = new byte[4096];
        new java.util.Random(5).nextBytes(noise);
        noise[0] = 'x';
        statementAttempt("random bytes named .xlsx, no layout", campaign, "sao-ke.xlsx", noise, unreadable);
        statementAttempt("a CSV named .xlsx, no layout", campaign, "Sao-Ke.XLSX", goodBytes, unreadable);
        statementAttempt("a Word document named .xlsx", campaign, "sao-ke.xlsx", docx(), unreadable);
        // a CSV file that is no statement at all is still an unknown layout
        statementAttempt(
                "a CSV of another kind",
                campaign,
                "sao-ke.csv",
                "Ho ten,So dien thoai\r\nA,1\r\n".getBytes(StandardCharsets.UTF_8),
                unknownLayout);
        // a formula cell is never evaluated: the importer reads the value Excel cached (none here, so no money)
        HostileInputSummary.tried(SUITE);
        MvcResult formula = mvc.perform(statementApi(
                        campaign,
                        "sao-ke.xlsx",
                        statementXlsx(good, sheet -> sheet.getRow(1).getCell(7).setCellFormula("1000000*1000")),
                        "B-PageId"))
                .andReturn();
        assertThat(formula.getResponse().getStatus()).isLessThan(500);
        assertThat(jdbc.sql("select count(*) from statement_line where campaign_id = ? and amount_dong >= 1000000000")
                        .param(campaign)
                        .query(Long.class)
                        .single())
                .as("the formula 1000000*1000 was evaluated")
                .isZero();
        // more lines than one import takes (500,000)
        StringBuilder many = new StringBuilder(STATEMENT_HEADER);
        String line = statementLine("FT" + unique + "X", "UNG HO", "1,000");
        for (int i = 0; i <= 500_000; i++) {
            many.append(line);
        }
        byte[] manyBytes = many.toString().getBytes(StandardCharsets.UTF_8);
        attempt(
                "more than 500,000 lines (API)",
                statementApi(campaign, "sao-ke.csv", manyBytes),
                "quá 500.000 giao dịch",
                STATEMENT_TABLES);
        // the good files themselves are taken: the refusals above were about the hostile parts
        for (RequestBuilder accepted : List.of(
                statementApi(campaign, "sao-ke.xlsx", xlsx, "B-PageId"),
                statementApi(campaign, "sao-ke.xlsx", xlsx),
                statementApi(campaign, "sao-ke.csv", goodBytes))) {
            MvcResult taken = mvc.perform(accepted).andReturn();
            String body = taken.getResponse().getContentAsString(StandardCharsets.UTF_8);
            assertThat(taken.getResponse().getStatus()).as(body).isEqualTo(200);
            assertThat(body).as("the layout recognised").contains("\"layout\":\"B-PageId\"");
        }
    }

    /**
     * A CSV that is not UTF-8 (a Windows-1258 export, or stray bytes) is refused, not read with
     * replacement characters and its messages garbled.
     */
    @Test
    void statementImportRefusesAFileThatIsNotUtf8() throws Exception {
        long campaign = statementCampaign();
        String unique = java.util
                .UUID
                .randomUUID()
                .toString()
                .replace("-", "")
                .substring(0, 10)
                .toUpperCase();
        byte[] line =
                statementLine("FT" + unique + "1", "UNG HO TRE EM", "500,000").getBytes(StandardCharsets.UTF_8);
        byte[] file = new byte[STATEMENT_HEADER.length() + line.length + 3];
        System.arraycopy(STATEMENT_HEADER.getBytes(StandardCharsets.UTF_8), 0, file, 0, STATEMENT_HEADER.length());
        System.arraycopy(line, 0, file, STATEMENT_HEADER.length(), line.length);
        System.arraycopy(new byte[] {(byte) 0xC3, 0x28, (byte) 0xFF}, 0, file, file.length - 3, 3);
        statementAttempt("invalid UTF-8", campaign, "sao-ke.csv", file, "UTF-8");
    }

    /** A valid zip that is a Word document, not a workbook. */
    private static byte[] docx() throws Exception {
        try (org.apache.poi.xwpf.usermodel.XWPFDocument document = new org.apache.poi.xwpf.usermodel.XWPFDocument()) {
            document.createParagraph().createRun().setText("Sao kê");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.write(out);
            return out.toByteArray();
        }
    }

    private byte[] statementXlsx(String csv) throws Exception {
        return statementXlsx(csv, sheet -> {});
    }

    /** The CSV's cells in the first sheet of a workbook (amounts as text, as banks export them). */
    private byte[] statementXlsx(String csv, java.util.function.Consumer<Sheet> edit) throws Exception {
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            Sheet sheet = book.createSheet("Sao ke");
            int r = 0;
            for (String line : csv.split("\r\n")) {
                Row row = sheet.createRow(r++);
                List<String> cells =
                        vn.chungtay.shared.csv.CsvReader.read(new java.io.StringReader(line), parsed -> {});
                for (int c = 0; c < cells.size(); c++) {
                    row.createCell(c).setCellValue(cells.get(c));
                }
            }
            edit.accept(sheet);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            book.write(out);
            return out.toByteArray();
        }
    }
}
