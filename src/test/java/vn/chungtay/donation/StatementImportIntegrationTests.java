package vn.chungtay.donation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import vn.chungtay.IntegrationTest;
import vn.chungtay.campaign.Campaign;
import vn.chungtay.campaign.CampaignManagement;
import vn.chungtay.organisation.OrganisationManagement;

@IntegrationTest
class StatementImportIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CampaignManagement campaigns;

    @Autowired
    OrganisationManagement organisation;

    @Autowired
    UserDetailsService users;

    private LocalDate today() {
        return organisation.today();
    }

    private Campaign campaign() {
        return DonationMother.campaign(campaigns, "24640", today().minusDays(60), today().plusDays(30));
    }

    private ResultActions upload(long campaignId, String layout, String name, byte[] content) throws Exception {
        var request = multipart("/api/v1/statements")
                .file(new MockMultipartFile("file", name, "text/csv", content))
                .param("campaignId", Long.toString(campaignId))
                .with(httpBasic("xa.cujut", "demo12345"));
        if (layout != null) {
            request.param("layout", layout);
        }
        return mvc.perform(request);
    }

    private long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    @Test
    void importingTheDemoStatementTwiceAddsNothingTheSecondTime() throws Exception {
        Campaign campaign = DonationMother.campaign(
                campaigns,
                "24640",
                LocalDate.of(2026, 9, 1),
                today().isAfter(LocalDate.of(2026, 12, 31)) ? today() : LocalDate.of(2026, 12, 31));
        byte[] demo = new ClassPathResource("demo/sao-ke-mau-B-cu-jut-2026.csv").getContentAsByteArray();
        upload(campaign.id().value(), "B-PageId", "sao-ke.csv", demo)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.lines").value(44))
                .andExpect(jsonPath("$.duplicates").value(0))
                .andExpect(jsonPath("$.setAside").value(3))
                .andExpect(jsonPath("$.imported").value(41))
                .andExpect(jsonPath("$.matched").isNumber());
        long gifts = count(
                "select count(*) from donation where campaign_id = ?",
                campaign.id().value());
        long lines = count(
                "select count(*) from statement_line where campaign_id = ?",
                campaign.id().value());
        assertThat(lines).isEqualTo(44);
        assertThat(gifts).isPositive();
        long ledger = count(
                "select count(*) from ledger_entry where campaign_id = ?",
                campaign.id().value());
        upload(campaign.id().value(), null, "sao-ke-lan-2.csv", demo)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.layout").value("B-PageId"))
                .andExpect(jsonPath("$.lines").value(44))
                .andExpect(jsonPath("$.duplicates").value(44))
                .andExpect(jsonPath("$.imported").value(0))
                .andExpect(jsonPath("$.matched").value(0));
        assertThat(count(
                        "select count(*) from donation where campaign_id = ?",
                        campaign.id().value()))
                .isEqualTo(gifts);
        assertThat(count(
                        "select count(*) from ledger_entry where campaign_id = ?",
                        campaign.id().value()))
                .isEqualTo(ledger);
    }

    @Test
    void aTransferWithANeedCodeLandsOnThatNeedWithoutAClick() throws Exception {
        Campaign campaign = campaign();
        long needId = DonationTestNeeds.openNeed(jdbc, "24640");
        long fundedBefore = DonationTestNeeds.funded(jdbc, needId);
        String ref = "2026" + DonationMother.unique();
        String csv = DonationMother.header()
                + DonationMother.credit(
                        today(),
                        ref,
                        "TRAN VAN MA chuyen tien ung ho (CT24640\nN" + needId + ")",
                        25_000,
                        "TRAN VAN MA");
        upload(campaign.id().value(), "B-PageId", "ma.csv", csv.getBytes(StandardCharsets.UTF_8))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.matched").value(1))
                .andExpect(jsonPath("$.unmatched").value(0));
        assertThat(DonationTestNeeds.funded(jdbc, needId)).isEqualTo(fundedBefore + 25_000);
        var gift = jdbc.sql("select need_id, channel, donor_name, amount_dong from donation where campaign_id = ?")
                .param(campaign.id().value())
                .query((rs, n) -> rs.getLong(1) + "|" + rs.getString(2) + "|" + rs.getString(3) + "|" + rs.getLong(4))
                .single();
        assertThat(gift).isEqualTo(needId + "|BANK_TRANSFER|Tran Van Ma|25000");
    }

    @Test
    void aFileWithBadRowsIsRefusedWholeNamingEveryRowAndWritesNothing() throws Exception {
        Campaign campaign = campaign();
        String csv = DonationMother.header()
                + DonationMother.credit(today(), "R" + DonationMother.unique(), "ung ho", 50_000, "A B")
                + "1,31/02/2026,10:00:00,,,ung ho,,\"10,000\",,\r\n"
                + "1,01/10/2026,10:00:00,,,ung ho,,\"10.000\",,\r\n";
        upload(campaign.id().value(), "B-PageId", "loi.csv", csv.getBytes(StandardCharsets.UTF_8))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.length()").value(2))
                .andExpect(jsonPath("$.errors[0].row").value(3))
                .andExpect(jsonPath("$.errors[0].message", containsString("31/02/2026")))
                .andExpect(jsonPath("$.errors[1].row").value(4))
                .andExpect(jsonPath("$.errors[1].message", containsString("số tiền")));
        assertThat(count(
                        "select count(*) from statement_line where campaign_id = ?",
                        campaign.id().value()))
                .isZero();
        assertThat(count(
                        "select count(*) from statement_import where campaign_id = ?",
                        campaign.id().value()))
                .isZero();
    }

    @Test
    void overlappingStatementsAddOnlyTheNewLinesAndSetNonGiftsAside() throws Exception {
        Campaign campaign = campaign();
        LocalDate d1 = today().minusDays(3);
        LocalDate d2 = today().minusDays(2);
        LocalDate d3 = today().minusDays(1);
        String a = DonationMother.credit(d1, "R" + DonationMother.unique(), "ung ho tre em", 100_000, "LE VAN A");
        String b = DonationMother.credit(d2, "", "UNG HO", 10_000, "NGUYEN B");
        String sameAgain = DonationMother.credit(d2, "", "UNG HO", 10_000, "NGUYEN B");
        String fee = DonationMother.debit(d2, "", "THU PHI SMS BANKING", 11_000);
        String interest =
                DonationMother.credit(d3, "R" + DonationMother.unique(), "TRA LAI TIEN GUI", 8_215, "NGAN HANG");
        String c = DonationMother.credit(d3, "R" + DonationMother.unique(), "ung ho cac chau", 200_000, "TRAN C");
        String first = DonationMother.header() + a + b + sameAgain + fee;
        String second = DonationMother.header() + b + sameAgain + fee + interest + c;
        upload(campaign.id().value(), "B-PageId", "ky-1.csv", first.getBytes(StandardCharsets.UTF_8))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.lines").value(4))
                .andExpect(jsonPath("$.imported").value(3))
                .andExpect(jsonPath("$.unmatched").value(3))
                .andExpect(jsonPath("$.setAside").value(1));
        upload(campaign.id().value(), "B-PageId", "ky-2.csv", second.getBytes(StandardCharsets.UTF_8))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.lines").value(5))
                .andExpect(jsonPath("$.duplicates").value(3))
                .andExpect(jsonPath("$.imported").value(1))
                .andExpect(jsonPath("$.setAside").value(1));
        assertThat(count(
                        "select count(*) from statement_line where campaign_id = ? and status = 'QUEUED'",
                        campaign.id().value()))
                .isEqualTo(4);
        assertThat(count(
                        "select count(*) from statement_line where campaign_id = ? and status = 'SET_ASIDE'",
                        campaign.id().value()))
                .isEqualTo(2);
    }

    @Test
    void anOfficerMatchesAWaitingLineOrSetsItAside() throws Exception {
        Campaign campaign = campaign();
        String marker = DonationMother.unique();
        String csv = DonationMother.header()
                + DonationMother.credit(today(), "R1" + marker, "ung ho " + marker, 70_000, "PHAM D")
                + DonationMother.credit(today(), "R2" + marker, "hoan tra " + marker, 90_000, "PHAM E");
        upload(campaign.id().value(), "B-PageId", "queue.csv", csv.getBytes(StandardCharsets.UTF_8))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.unmatched").value(1))
                .andExpect(jsonPath("$.setAside").value(1));
        long line = count("select id from statement_line where message = ?", "ung ho " + marker);
        var officer = user(users.loadUserByUsername("xa.cujut"));
        mvc.perform(get("/donations/statements/queue?campaign=" + campaign.id().value())
                        .with(officer))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("ung ho " + marker)));
        mvc.perform(post("/donations/statements/queue/" + line + "/match")
                        .with(officer)
                        .with(csrf())
                        .param("campaignId", Long.toString(campaign.id().value())))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select status from statement_line where id = ?")
                        .param(line)
                        .query(String.class)
                        .single())
                .isEqualTo("MATCHED");
        assertThat(count(
                        "select count(*) from donation where campaign_id = ? and amount_dong = 70000 and donor_name = 'Pham D'",
                        campaign.id().value()))
                .isEqualTo(1);

        String other = DonationMother.header()
                + DonationMother.credit(today(), "R3" + marker, "khong ro " + marker, 5_000, "X Y");
        upload(campaign.id().value(), "B-PageId", "queue2.csv", other.getBytes(StandardCharsets.UTF_8))
                .andExpect(status().isOk());
        long waiting = count("select id from statement_line where message = ?", "khong ro " + marker);
        mvc.perform(post("/donations/statements/queue/" + waiting + "/set-aside")
                        .with(officer)
                        .with(csrf())
                        .param("reason", "Chuyển nhầm, đã hoàn trả"))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select status || ':' || note from statement_line where id = ?")
                        .param(waiting)
                        .query(String.class)
                        .single())
                .isEqualTo("SET_ASIDE:Chuyển nhầm, đã hoàn trả");
    }

    @Test
    void aLayoutDefinedByAnOfficerReadsItsBanksFiles() throws Exception {
        String name = "Ngân hàng thử " + DonationMother.unique();
        var officer = user(users.loadUserByUsername("xa.cujut"));
        mvc.perform(post("/donations/statements/layouts")
                        .with(officer)
                        .with(csrf())
                        .param("name", name)
                        .param("headerSignature", "Ngay GD, So tien, Noi dung, So CT")
                        .param("dateColumn", "Ngay GD")
                        .param("dateFormat", "yyyy-MM-dd")
                        .param("amountColumn", "So tien")
                        .param("grouping", "DOT")
                        .param("messageColumn", "Noi dung")
                        .param("referenceColumns", "So CT"))
                .andExpect(status().is3xxRedirection());
        Campaign campaign = campaign();
        String csv = "Ngay GD,So CT,So tien,Noi dung\n"
                + today() + ",A1,\"1.000.000\",ung ho CT" + campaign.id().value() + "\n"
                + today() + ",A2,-22.000,phi\n";
        upload(campaign.id().value(), name, "rieng.csv", csv.getBytes(StandardCharsets.UTF_8))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.matched").value(1))
                .andExpect(jsonPath("$.setAside").value(1));
        mvc.perform(post("/donations/statements/layouts")
                        .with(officer)
                        .with(csrf())
                        .param("name", "")
                        .param("headerSignature", "")
                        .param("dateColumn", "x")
                        .param("dateFormat", "xx")
                        .param("grouping", "DOT")
                        .param("messageColumn", "y"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("is-invalid")));
    }

    /**
     * Bank exports sometimes carry stray control bytes: a NUL (which PostgreSQL cannot store in text)
     * or another C0 control character in a line's message, counterparty or reference — or in the
     * file's name — is dropped, through the API, the upload page and an XLSX file alike.
     */
    @Test
    void controlCharactersInAStatementLineAreDroppedNotAServerError() throws Exception {
        Campaign campaign = campaign();
        String marker = DonationMother.unique();
        String csv = DonationMother.header()
                + DonationMother.credit(
                        today(),
                        "R\u0000" + marker,
                        "ung ho\u0000 tre\u0007 em " + marker,
                        30_000,
                        "LE\u0000 VAN\u001B A")
                + DonationMother.credit(today(), "S" + marker, "dong\ttab\u0001 " + marker, 40_000, "LE VAN B");
        upload(campaign.id().value(), "B-PageId", "sao\u0000ke.csv", csv.getBytes(StandardCharsets.UTF_8))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.imported").value(2))
                .andExpect(jsonPath("$.unmatched").value(2));
        assertThat(jdbc.sql("""
                                select reference || '|' || message || '|' || counterparty from statement_line
                                where campaign_id = ? order by amount_dong""")
                        .param(campaign.id().value())
                        .query(String.class)
                        .list())
                .containsExactly(
                        "R" + marker + "|ung ho tre em " + marker + "|LE VAN A – A/C",
                        "S" + marker + "|dong\ttab " + marker + "|LE VAN B – A/C");
        assertThat(jdbc.sql("select file_name from statement_import where campaign_id = ?")
                        .param(campaign.id().value())
                        .query(String.class)
                        .single())
                .isEqualTo("saoke.csv");

        // the upload page: the summary, not an error page
        Campaign other = campaign();
        String page = DonationMother.header()
                + DonationMother.credit(today(), "P" + marker, "trang\u0000 " + marker, 20_000, "HO\u0000 G");
        mvc.perform(multipart("/donations/statements")
                        .file(new MockMultipartFile(
                                "file", "trang\u0000.csv", "text/csv", page.getBytes(StandardCharsets.UTF_8)))
                        .param("campaignId", Long.toString(other.id().value()))
                        .param("layout", "B-PageId")
                        .with(user(users.loadUserByUsername("xa.cujut")))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"import-result\"")));
        assertThat(jdbc.sql("select message || '|' || counterparty from statement_line where campaign_id = ?")
                        .param(other.id().value())
                        .query(String.class)
                        .single())
                .isEqualTo("trang " + marker + "|HO G – A/C");

        // an XLSX statement whose shared strings hold an escaped NUL (_x0000_), read back as a NUL
        Campaign third = campaign();
        byte[] xlsx = withEscapedNul(xlsx(DonationMother.header()
                + DonationMother.credit(today(), "X" + marker, "excel@NUL@ " + marker, 10_000, "VU@NUL@ H")));
        upload(third.id().value(), "B-PageId", "sao-ke.xlsx", xlsx)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.imported").value(1));
        assertThat(jdbc.sql("select message || '|' || counterparty from statement_line where campaign_id = ?")
                        .param(third.id().value())
                        .query(String.class)
                        .single())
                .isEqualTo("excel " + marker + "|VU H – A/C");
    }

    /** The workbook with every {@code @NUL@} in its shared strings written as Excel's escape of a NUL. */
    private static byte[] withEscapedNul(byte[] xlsx) throws Exception {
        var out = new java.io.ByteArrayOutputStream();
        try (var in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(xlsx));
                var zip = new java.util.zip.ZipOutputStream(out)) {
            for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                byte[] content = in.readAllBytes();
                if (entry.getName().equals("xl/sharedStrings.xml")) {
                    content = new String(content, StandardCharsets.UTF_8)
                            .replace("@NUL@", "_x0000_")
                            .getBytes(StandardCharsets.UTF_8);
                }
                zip.putNextEntry(new java.util.zip.ZipEntry(entry.getName()));
                zip.write(content);
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    /** A CSV statement's cells as text cells in the first sheet of a workbook. */
    private static byte[] xlsx(String csv) throws Exception {
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook book = new org.apache.poi.xssf.usermodel.XSSFWorkbook()) {
            var sheet = book.createSheet("Sao ke");
            int r = 0;
            for (String line : csv.split("\r\n")) {
                var row = sheet.createRow(r++);
                java.util.List<String> cells =
                        vn.chungtay.shared.csv.CsvReader.read(new java.io.StringReader(line), parsed -> {});
                for (int c = 0; c < cells.size(); c++) {
                    row.createCell(c).setCellValue(cells.get(c));
                }
            }
            var out = new java.io.ByteArrayOutputStream();
            book.write(out);
            return out.toByteArray();
        }
    }

    @Test
    void uploadPageShowsTheSummary() throws Exception {
        Campaign campaign = campaign();
        String csv = DonationMother.header()
                + DonationMother.credit(
                        today(),
                        "R" + DonationMother.unique(),
                        "ung ho CT" + campaign.id().value(),
                        40_000,
                        "HO F");
        mvc.perform(multipart("/donations/statements")
                        .file(new MockMultipartFile(
                                "file", "trang.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
                        .param("campaignId", Long.toString(campaign.id().value()))
                        .with(user(users.loadUserByUsername("xa.cujut")))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"import-result\"")))
                .andExpect(content().string(containsString("1 khoản ủng hộ tự động ghi nhận")));
    }
}
