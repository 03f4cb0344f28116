package vn.chungtay.donation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import vn.chungtay.donation.StatementLayout;

class StatementParserTests {

    static final String LAYOUT_A = """
            TNXDate,DocNo,Debit,Credit,Balance,Transactions in Detail
            01/09/2026,5213.45946,,50.000,,292976.010926.013647.xin cam on
            01/09/2026,5241.83107,,29.000,,MBVCB.6916176124.TRAN VAN AN chuyen tien.CT tu 0101001222009 TRAN VAN AN toi 0011001932418 MAT TRAN TO QUOC VN
            01/09/2026,5219.24714,,10.000,10.847.331.843,018806.010926.213139.ung ho cac chau vung cao
            02/09/2026,5245.21394,,10.000,,"MBVCB.6924605040.gia dinh An Binh chuc cac chau khoe manh, cam on.CT tu 1018144916 LE THI BINH toi 0011001932418 MAT TRAN TO QUOC VN"
            07/09/2026,9915.10293,55.000,,,THU PHI DICH VU SMS CHU DONG THANG 08/2026. SDT: 0904000000. So tien 55000 VND
            """;

    static final String LAYOUT_B =
            "\uFEFFPageId,Date,Time,DocumentNumber,ReferenceNumber,TransactionDetails,DebitAmount,CreditAmount,Balance,OffsetAccount\r\n"
                    + "1,10/09/2026,12:01:29,,,\"CT nhanh 247 den: TRAN TIEN AN chuyen\r\ntien ung ho tre em Cu Jut (CT24640N12)\",,\"300,000\",,TRAN TIEN AN – A/C\r\n"
                    + "1,10/09/2026,14:10:24,,,UNG HO,,\"10,000\",,\"TIEN MAT, VANG TIEN TE TAI DON VI\r\n– A/C\"\r\n"
                    + "PageId,Date,Time,DocumentNumber,ReferenceNumber,TransactionDetails,DebitAmount,CreditAmount,Balance,OffsetAccount\r\n"
                    + "2,10/09/2026,,,20260909437046,MB(437046)(Ung ho cac chau),,\"10,000,000\",\"20,874,700\",\r\n"
                    + "\r\n";

    private static List<StatementParser.Line> read(
            String csv, StatementLayout layout, List<StatementParser.Problem> problems) {
        List<StatementParser.Line> lines = new ArrayList<>();
        problems.addAll(StatementParser.csv(new StringReader(csv), layout, lines::add));
        return lines;
    }

    @Test
    void readsLayoutAWithDotGroupedAmountsAndFeeDebits() {
        List<StatementParser.Problem> problems = new ArrayList<>();
        var lines = read(LAYOUT_A, BuiltinLayouts.A, problems);
        assertThat(problems).isEmpty();
        assertThat(lines).hasSize(5);
        assertThat(lines.get(0).amount()).isEqualTo(50_000);
        assertThat(lines.get(0).credit()).isTrue();
        assertThat(lines.get(0).reference()).isEqualTo("5213.45946");
        assertThat(lines.get(0).date()).isEqualTo(LocalDate.of(2026, 9, 1));
        assertThat(lines.get(3).message()).contains("khoe manh, cam on");
        assertThat(lines.get(4).credit()).isFalse();
        assertThat(lines.get(4).amount()).isEqualTo(55_000);
        assertThat(lines.get(4).row()).isEqualTo(6);
    }

    @Test
    void readsLayoutBWithBomCrlfMultiLineMessagesAndARepeatedHeader() {
        List<StatementParser.Problem> problems = new ArrayList<>();
        var lines = read(LAYOUT_B, BuiltinLayouts.B, problems);
        assertThat(problems).isEmpty();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0).amount()).isEqualTo(300_000);
        assertThat(lines.get(0).time()).isEqualTo("12:01:29");
        assertThat(lines.get(0).message()).contains("chuyen\r\ntien ung ho").contains("(CT24640N12)");
        assertThat(lines.get(0).counterparty()).isEqualTo("TRAN TIEN AN – A/C");
        assertThat(lines.get(1).row()).isEqualTo(4);
        assertThat(lines.get(2).amount()).isEqualTo(10_000_000);
        assertThat(lines.get(2).reference()).isEqualTo("20260909437046");
        assertThat(lines.get(2).row()).isEqualTo(7);
    }

    @Test
    void namesEveryBadRowWithItsNumber() {
        String csv = """
                TNXDate,DocNo,Debit,Credit,Balance,Transactions in Detail
                01/09/2026,1,,50.000,,ok
                31/02/2026,2,,50.000,,bad date
                01/09/2026,3,,"50,000",,comma where dots are expected
                01/09/2026,4,,,,no amount
                01/09/2026,5,10.000,20.000,,both
                01/09/2026,6,,12.5,,bad grouping
                """;
        List<StatementParser.Problem> problems = new ArrayList<>();
        var lines = read(csv, BuiltinLayouts.A, problems);
        assertThat(lines).hasSize(1);
        assertThat(problems)
                .extracting(StatementParser.Problem::row, StatementParser.Problem::messageKey)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(3L, "donation.statement.error.date"),
                        org.assertj.core.groups.Tuple.tuple(4L, "donation.statement.error.amount"),
                        org.assertj.core.groups.Tuple.tuple(5L, "donation.statement.error.noAmount"),
                        org.assertj.core.groups.Tuple.tuple(6L, "donation.statement.error.bothAmounts"),
                        org.assertj.core.groups.Tuple.tuple(7L, "donation.statement.error.amount"));
    }

    @net.jqwik.api.Property(tries = 3000)
    void amountsReadTheSameWithAndWithoutTheQuickPath(
            @net.jqwik.api.ForAll
                    @net.jqwik.api.constraints.Chars({'1', '0', '5', '.', ','})
                    @net.jqwik.api.constraints.StringLength(min = 1, max = 16)
                    String text) {
        for (StatementLayout layout : List.of(BuiltinLayouts.A, BuiltinLayouts.B)) {
            boolean dots = layout.grouping() == StatementLayout.Grouping.DOT;
            String grouped = dots ? "\\d{1,3}(\\.\\d{3})+|\\d+" : "\\d{1,3}(,\\d{3})+|\\d+";
            String plain = text;
            String decimal = dots ? "," : ".";
            int mark = plain.lastIndexOf(decimal);
            Long expected = null;
            if (mark < 0 || plain.substring(mark + 1).matches("0{1,2}")) {
                String whole = mark < 0 ? plain : plain.substring(0, mark);
                String digits = whole.replace(dots ? "." : ",", "");
                if (whole.matches(grouped) && digits.length() <= 15) {
                    expected = Long.parseLong(digits);
                }
            }
            assertThat(StatementParser.amount(layout, text))
                    .as("%s in %s", text, layout.name())
                    .isEqualTo(expected);
        }
    }

    @Test
    void refusesAFileOfAnotherLayout() {
        assertThatThrownBy(() -> read(LAYOUT_A, BuiltinLayouts.B, new ArrayList<>()))
                .isInstanceOf(StatementParser.Unreadable.class)
                .extracting(e -> ((StatementParser.Unreadable) e).messageKey())
                .isEqualTo("donation.statement.error.header");
        assertThat(StatementParser.matches(List.of("PageId", "Date", "Time"), BuiltinLayouts.A))
                .isFalse();
    }

    @Test
    void readsASignedAmountColumn() {
        StatementLayout signed = new StatementLayout(
                null,
                "signed",
                List.of("Ngay", "So tien", "Noi dung"),
                "Ngay",
                "yyyy-MM-dd",
                null,
                null,
                null,
                "So tien",
                StatementLayout.Grouping.DOT,
                "Noi dung",
                List.of(),
                null,
                null,
                false);
        String csv =
                "Ngay,So tien,Noi dung\n2026-09-01,\"1.000.000,00\",ung ho\n2026-09-02,-20.000,phi\n2026-09-03,(5.000),phi\n";
        List<StatementParser.Problem> problems = new ArrayList<>();
        var lines = read(csv, signed, problems);
        assertThat(problems).isEmpty();
        assertThat(lines).extracting(StatementParser.Line::amount).containsExactly(1_000_000L, 20_000L, 5_000L);
        assertThat(lines).extracting(StatementParser.Line::credit).containsExactly(true, false, false);
    }

    @Test
    void readsAnXlsxStatementBelowATitleRow() throws Exception {
        byte[] bytes;
        try (XSSFWorkbook workbook = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            var sheet = workbook.createSheet("Sao ke");
            sheet.createRow(0).createCell(0).setCellValue("SAO KÊ TÀI KHOẢN 0011001932418");
            var header = sheet.createRow(2);
            String[] names = {"TNXDate", "DocNo", "Debit", "Credit", "Balance", "Transactions in Detail"};
            for (int i = 0; i < names.length; i++) {
                header.createCell(i).setCellValue(names[i]);
            }
            var line = sheet.createRow(3);
            line.createCell(0).setCellValue("01/09/2026");
            line.createCell(1).setCellValue("5213.45946");
            line.createCell(3).setCellValue(250000);
            line.createCell(5).setCellValue("Ủng hộ CT1001");
            var dated = sheet.createRow(4);
            var cell = dated.createCell(0);
            cell.setCellValue(LocalDate.of(2026, 9, 2));
            var style = workbook.createCellStyle();
            style.setDataFormat(workbook.createDataFormat().getFormat("dd/mm/yyyy"));
            cell.setCellStyle(style);
            dated.createCell(1).setCellValue("5213.45947");
            dated.createCell(3).setCellValue("1.500.000");
            dated.createCell(5).setCellValue("ung ho");
            workbook.write(out);
            bytes = out.toByteArray();
        }
        List<StatementParser.Line> lines = new ArrayList<>();
        var problems = StatementParser.xlsx(new ByteArrayInputStream(bytes), BuiltinLayouts.A, lines::add);
        assertThat(problems).isEmpty();
        assertThat(lines).extracting(StatementParser.Line::amount).containsExactly(250_000L, 1_500_000L);
        assertThat(lines.get(1).date()).isEqualTo(LocalDate.of(2026, 9, 2));
        assertThat(lines.get(0).row()).isEqualTo(4);
    }

    @Test
    void aFileThatDoesNotOpenAsAWorkbookIsNotAWorkbookWhateverTheLayout() {
        byte[] notAZip = {'P', 'K', 3, 4, 1, 2, 3};
        for (StatementLayout layout : List.of(BuiltinLayouts.A, BuiltinLayouts.B)) {
            assertThatThrownBy(() -> StatementParser.xlsx(new ByteArrayInputStream(notAZip), layout, line -> {}))
                    .isInstanceOf(StatementParser.NotAWorkbook.class)
                    .extracting(e -> ((StatementParser.Unreadable) e).messageKey())
                    .isEqualTo("donation.statement.error.xlsx");
        }
    }

    @Test
    void whatTheCallerThrowsWhileReadingAnXlsxComesBackUnchanged() throws Exception {
        byte[] bytes;
        try (XSSFWorkbook workbook = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            var sheet = workbook.createSheet("Sao ke");
            String[] header = {"TNXDate", "DocNo", "Debit", "Credit", "Balance", "Transactions in Detail"};
            String[] line = {"01/09/2026", "1.2", "", "50.000", "", "ung ho"};
            for (int r = 0; r < 2; r++) {
                var row = sheet.createRow(r);
                String[] cells = r == 0 ? header : line;
                for (int i = 0; i < cells.length; i++) {
                    row.createCell(i).setCellValue(cells[i]);
                }
            }
            workbook.write(out);
            bytes = out.toByteArray();
        }
        IllegalStateException stop = new IllegalStateException("enough");
        assertThatThrownBy(() -> StatementParser.xlsx(new ByteArrayInputStream(bytes), BuiltinLayouts.A, l -> {
                    throw stop;
                }))
                .isSameAs(stop);
    }
}
