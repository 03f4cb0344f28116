package vn.chungtay.donation.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import vn.chungtay.donation.StatementLayout;
import vn.chungtay.shared.csv.CsvReader;

/**
 * Reads a bank statement (CSV or XLSX) with a layout into lines: date, amount, credit or debit, the
 * bank's reference, message, counterparty and account. Rows that are not statement lines (a header
 * repeated on every PDF page, blank and total rows) are skipped; rows that cannot be read are
 * reported with their row number and a message key, so that the whole file can be refused.
 */
public final class StatementParser {

    /** One statement line as read; {@code amount} is positive, {@code credit} tells its direction. */
    public record Line(
            long row,
            LocalDate date,
            String time,
            long amount,
            boolean credit,
            String reference,
            String message,
            String counterparty,
            String account) {}

    /** A row that could not be read: its number in the file, a message key and the arguments. */
    public record Problem(long row, String messageKey, List<Object> arguments) {
        public Problem {
            arguments = List.copyOf(arguments);
        }
    }

    /** A file-level problem (wrong layout, unreadable file). */
    public static class Unreadable extends RuntimeException {
        private final String messageKey;
        private final transient Object[] arguments;

        public Unreadable(String messageKey, Object... arguments) {
            super(messageKey);
            this.messageKey = messageKey;
            this.arguments = arguments.clone();
        }

        public String messageKey() {
            return messageKey;
        }

        public Object[] arguments() {
            return arguments.clone();
        }
    }

    /** An XLSX file that cannot be opened as a workbook at all (whatever the layout): not a zip, truncated, a zip bomb. */
    public static final class NotAWorkbook extends Unreadable {
        public NotAWorkbook() {
            super("donation.statement.error.xlsx");
        }
    }

    private static final int MAX_PROBLEMS = 200;
    private static final Pattern DOT_GROUPED = Pattern.compile("\\d{1,3}(\\.\\d{3})+|\\d+");
    private static final Pattern COMMA_GROUPED = Pattern.compile("\\d{1,3}(,\\d{3})+|\\d+");
    private static final Pattern NOISE = Pattern.compile("(?i)\\s|vnd|vnđ|₫|đ$");

    private final StatementLayout layout;
    private final DateTimeFormatter dateFormat;
    private final Consumer<Line> lines;
    private final List<Problem> problems = new ArrayList<>();
    private int problemCount;
    private int columns = -1;
    private int date;
    private int time;
    private int credit;
    private int debit;
    private int amount;
    private int message;
    private int counterparty;
    private int account;
    private int[] references;
    private List<String> header;
    private RuntimeException handedBack;
    private String lastDateText;
    private LocalDate lastDate;

    private StatementParser(StatementLayout layout, Consumer<Line> lines) {
        this.layout = layout;
        this.lines = lines;
        try {
            this.dateFormat = DateTimeFormatter.ofPattern(layout.dateFormat().replace("yyyy", "uuuu"), Locale.ROOT)
                    .withResolverStyle(ResolverStyle.STRICT);
        } catch (IllegalArgumentException e) {
            throw new Unreadable("donation.statement.error.dateFormat", layout.dateFormat());
        }
    }

    /** Reads a CSV statement, handing each line to {@code lines}; returns the rows that could not be read. */
    public static List<Problem> csv(Reader source, StatementLayout layout, Consumer<Line> lines) {
        StatementParser parser = new StatementParser(layout, lines);
        try {
            List<String> header = CsvReader.read(source, row -> {
                if (parser.columns < 0) {
                    parser.header(headerOf(row.header()));
                }
                parser.row(row.line(), row.values());
            });
            if (parser.columns < 0) {
                parser.header(header);
            }
        } catch (CsvReader.MalformedCsv e) {
            throw new Unreadable("donation.statement.error.malformed", e.line());
        }
        return parser.problems();
    }

    /** Reads the first sheet of an XLSX statement; the header is the first row carrying the layout's columns. */
    public static List<Problem> xlsx(InputStream source, StatementLayout layout, Consumer<Line> lines) {
        StatementParser parser = new StatementParser(layout, lines);
        DataFormatter formatter = new DataFormatter(Locale.ROOT);
        Workbook opened;
        try {
            opened = WorkbookFactory.create(source);
        } catch (IOException | RuntimeException e) {
            throw new NotAWorkbook();
        }
        try (Workbook workbook = opened) {
            if (workbook.getNumberOfSheets() == 0) {
                throw new NotAWorkbook();
            }
            Sheet sheet = workbook.getSheetAt(0);
            boolean found = false;
            for (Row row : sheet) {
                List<String> values = new ArrayList<>();
                for (int c = 0; c < Math.max(0, row.getLastCellNum()); c++) {
                    values.add(parser.cellText(row.getCell(c), formatter));
                }
                if (!found) {
                    if (matches(values, layout)) {
                        parser.header(values);
                        found = true;
                    }
                    continue;
                }
                parser.row(row.getRowNum() + 1L, values);
            }
            if (!found) {
                throw new Unreadable("donation.statement.error.header", String.join(", ", layout.headerSignature()));
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof Unreadable unreadable) {
                throw unreadable;
            }
            if (e == parser.handedBack) {
                throw parser.handedBack; // the caller's own (too many lines, a layout found), not the file's fault
            }
            throw new Unreadable("donation.statement.error.xlsx");
        }
        return parser.problems();
    }

    /** Whether a header row carries every column of the layout's signature (case and spaces ignored). */
    public static boolean matches(List<String> header, StatementLayout layout) {
        List<String> names = header.stream().map(StatementParser::key).toList();
        return !layout.headerSignature().isEmpty()
                && layout.headerSignature().stream().map(StatementParser::key).allMatch(names::contains);
    }

    private static List<String> headerOf(Map<String, Integer> index) {
        List<String> header = new ArrayList<>();
        index.forEach((name, position) -> {
            while (header.size() <= position) {
                header.add("");
            }
            header.set(position, name);
        });
        return header;
    }

    private List<Problem> problems() {
        if (problemCount > MAX_PROBLEMS) {
            List<Problem> all = new ArrayList<>(problems);
            all.add(new Problem(0, "donation.statement.error.more", List.of(problemCount - MAX_PROBLEMS)));
            return all;
        }
        return List.copyOf(problems);
    }

    private void header(List<String> names) {
        if (!matches(names, layout)) {
            throw new Unreadable("donation.statement.error.header", String.join(", ", layout.headerSignature()));
        }
        header = names.stream().map(StatementParser::key).toList();
        columns = names.size();
        date = required(layout.dateColumn());
        message = required(layout.messageColumn());
        time = optional(layout.timeColumn());
        if (layout.signed()) {
            amount = required(layout.amountColumn());
            credit = -1;
            debit = -1;
        } else {
            amount = -1;
            credit = required(layout.creditColumn());
            debit = optional(layout.debitColumn());
        }
        counterparty = optional(layout.counterpartyColumn());
        account = optional(layout.accountColumn());
        references = layout.referenceColumns().stream().mapToInt(this::required).toArray();
    }

    private int required(String column) {
        int index = optional(column);
        if (index < 0) {
            throw new Unreadable("donation.statement.error.column", column == null ? "" : column);
        }
        return index;
    }

    private int optional(String column) {
        if (column == null || column.isBlank()) {
            return -1;
        }
        return header.indexOf(key(column));
    }

    private void row(long row, List<String> values) {
        if (isHeader(values) || values.stream().allMatch(String::isBlank)) {
            return;
        }
        String dateText = value(values, date);
        String creditText = credit >= 0 ? value(values, credit) : "";
        String debitText = debit >= 0 ? value(values, debit) : "";
        String signedText = amount >= 0 ? value(values, amount) : "";
        if (dateText.isEmpty() && creditText.isEmpty() && debitText.isEmpty() && signedText.isEmpty()) {
            return; // a total or note row under the statement
        }
        LocalDate day = parseDate(dateText);
        if (day == null) {
            problem(row, "donation.statement.error.date", dateText, layout.dateFormat());
            return;
        }
        long value;
        boolean isCredit;
        if (layout.signed()) {
            Long signed = parseSigned(signedText);
            if (signed == null || signed == 0) {
                problem(row, "donation.statement.error.amount", signedText);
                return;
            }
            value = Math.abs(signed);
            isCredit = signed > 0;
        } else {
            Long in = creditText.isEmpty() ? null : parseAmount(creditText);
            Long out = debitText.isEmpty() ? null : parseAmount(debitText);
            if ((!creditText.isEmpty() && in == null)) {
                problem(row, "donation.statement.error.amount", creditText);
                return;
            }
            if (!debitText.isEmpty() && out == null) {
                problem(row, "donation.statement.error.amount", debitText);
                return;
            }
            boolean hasIn = in != null && in > 0;
            boolean hasOut = out != null && out > 0;
            if (hasIn == hasOut) {
                problem(row, hasIn ? "donation.statement.error.bothAmounts" : "donation.statement.error.noAmount");
                return;
            }
            value = hasIn ? in : out;
            isCredit = hasIn;
        }
        StringBuilder reference = new StringBuilder();
        for (int r : references) {
            String part = cleanText(values, r);
            if (!part.isEmpty()) {
                if (!reference.isEmpty()) {
                    reference.append('|');
                }
                reference.append(part);
            }
        }
        String text = StatementText.withoutControls(rawValue(values, message));
        if (text.length() > 2000) {
            text = text.substring(0, 2000);
        }
        hand(new Line(
                row,
                day,
                time >= 0 ? cleanText(values, time) : "",
                value,
                isCredit,
                reference.length() > 200 ? reference.substring(0, 200) : reference.toString(),
                text.strip(),
                counterparty >= 0 ? cleanText(values, counterparty) : "",
                account >= 0 ? cleanText(values, account).replaceAll("\\s", "") : ""));
    }

    private void hand(Line line) {
        try {
            lines.accept(line);
        } catch (RuntimeException e) {
            handedBack = e;
            throw e;
        }
    }

    private void problem(long row, String key, Object... arguments) {
        problemCount++;
        if (problems.size() < MAX_PROBLEMS) {
            problems.add(new Problem(row, key, List.of(arguments)));
        }
    }

    /** A header repeated inside the file (one per page in PDF conversions). */
    private boolean isHeader(List<String> values) {
        if (values.size() < header.size() || !looksLikeHeader(values)) {
            return false;
        }
        int same = 0;
        int named = 0;
        for (int i = 0; i < header.size(); i++) {
            if (!header.get(i).isEmpty()) {
                named++;
                if (key(values.get(i)).equals(header.get(i))) {
                    same++;
                }
            }
        }
        return named > 0 && same == named;
    }

    /** A cheap first test: the date column holds the date column's own name (no regex on every row). */
    private boolean looksLikeHeader(List<String> values) {
        String value = date < values.size() ? values.get(date) : "";
        String name = header.get(date);
        return !value.isEmpty()
                && value.length() <= name.length() + 4
                && key(value).equals(name);
    }

    private LocalDate parseDate(String text) {
        if (text.isEmpty()) {
            return null;
        }
        if (text.equals(lastDateText)) {
            return lastDate;
        }
        LocalDate parsed = parseDateUncached(text);
        lastDateText = text;
        lastDate = parsed;
        return parsed;
    }

    private LocalDate parseDateUncached(String text) {
        try {
            return LocalDate.parse(text, dateFormat);
        } catch (DateTimeParseException e) {
            int space = text.indexOf(' ');
            if (space > 0) {
                try {
                    return LocalDate.parse(text.substring(0, space), dateFormat);
                } catch (DateTimeParseException ignored) {
                    return null;
                }
            }
            return null;
        }
    }

    /** How a layout reads an amount (for tests). */
    static Long amount(StatementLayout layout, String text) {
        return new StatementParser(layout, line -> {}).parseAmount(text);
    }

    /** A whole amount of đồng written with the layout's grouping; null when it is not one. */
    Long parseAmount(String text) {
        Long fast = parseGroupedDigits(text);
        if (fast != null) {
            return fast;
        }
        String plain = NOISE.matcher(text).replaceAll("");
        if (plain.isEmpty()) {
            return null;
        }
        boolean dots = layout.grouping() == StatementLayout.Grouping.DOT;
        char decimal = dots ? ',' : '.';
        int mark = plain.lastIndexOf(decimal);
        if (mark >= 0) {
            String fraction = plain.substring(mark + 1);
            if (!fraction.matches("0{1,2}")) {
                return null;
            }
            plain = plain.substring(0, mark);
        }
        if (!(dots ? DOT_GROUPED : COMMA_GROUPED).matcher(plain).matches()) {
            return null;
        }
        String digits = plain.replace(dots ? "." : ",", "");
        if (digits.length() > 15) {
            return null;
        }
        return Long.parseLong(digits);
    }

    /**
     * The common case without a regex: digits grouped by threes with the layout's separator (or not
     * grouped at all); null for anything else, which the general path then reads or refuses.
     */
    private Long parseGroupedDigits(String text) {
        int n = text.length();
        if (n == 0 || n > 24) {
            return null;
        }
        char separator = layout.grouping() == StatementLayout.Grouping.DOT ? '.' : ',';
        long value = 0;
        int digits = 0;
        int sinceSeparator = 0;
        boolean grouped = false;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                value = value * 10 + (c - '0');
                digits++;
                sinceSeparator++;
            } else if (c == separator) {
                if ((grouped ? sinceSeparator != 3 : sinceSeparator < 1 || sinceSeparator > 3)) {
                    return null;
                }
                grouped = true;
                sinceSeparator = 0;
            } else {
                return null;
            }
        }
        if (digits == 0 || digits > 15 || (grouped && sinceSeparator != 3)) {
            return null;
        }
        return value;
    }

    private Long parseSigned(String text) {
        String plain = NOISE.matcher(text).replaceAll("");
        boolean negative = false;
        if (plain.startsWith("(") && plain.endsWith(")")) {
            negative = true;
            plain = plain.substring(1, plain.length() - 1);
        } else if (plain.startsWith("-")) {
            negative = true;
            plain = plain.substring(1);
        } else if (plain.startsWith("+")) {
            plain = plain.substring(1);
        }
        Long value = parseAmount(plain);
        return value == null ? null : negative ? -value : value;
    }

    private String cellText(Cell cell, DataFormatter formatter) {
        if (cell == null) {
            return "";
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        if (type == CellType.NUMERIC) {
            if (DateUtil.isCellDateFormatted(cell)) {
                return cell.getLocalDateTimeCellValue().toLocalDate().format(dateFormat);
            }
            double number = cell.getNumericCellValue();
            if (number == Math.rint(number) && Math.abs(number) < 1e15) {
                return Long.toString((long) number);
            }
            return formatter.formatCellValue(cell);
        }
        if (type == CellType.STRING) {
            return cell.getStringCellValue();
        }
        return formatter.formatCellValue(cell);
    }

    private static String value(List<String> values, int index) {
        return rawValue(values, index).strip();
    }

    /** A text cell without control characters (bank exports carry stray ones; the database refuses NUL). */
    private static String cleanText(List<String> values, int index) {
        return StatementText.withoutControls(rawValue(values, index)).strip();
    }

    private static String rawValue(List<String> values, int index) {
        if (index < 0 || index >= values.size()) {
            return "";
        }
        String value = values.get(index);
        return value == null ? "" : value;
    }

    private static String key(String column) {
        return column == null
                ? ""
                : column.replace("\uFEFF", "").replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
    }
}
