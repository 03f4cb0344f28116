package vn.chungtay.child.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Name;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Component;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;
import vn.chungtay.child.ChildForm;
import vn.chungtay.child.CodeName;
import vn.chungtay.child.ConsentMethod;
import vn.chungtay.child.ConsentPurpose;
import vn.chungtay.child.HouseholdPoverty;
import vn.chungtay.child.ImportRejected;
import vn.chungtay.child.ImportRejected.RowProblem;
import vn.chungtay.child.InvalidChildData;
import vn.chungtay.child.Schooling;
import vn.chungtay.child.Sex;
import vn.chungtay.shared.text.VietnameseText;

/**
 * The children workbook: a template with Vietnamese headers and drop-down lists, reading an
 * uploaded workbook into forms with the problems of every cell, and the export of a list with
 * formula injection defused. The headers are a file format, so they stay Vietnamese in every
 * language.
 */
@Component
public class ChildWorkbooks {

    /**
     * Uploads larger than this are refused before they are opened (100,000 rows of a commune's or a
     * province's children are about 10 MB; the multipart limit is 60 MB).
     */
    public static final long MAX_BYTES = 50L * 1024 * 1024;

    /** Data rows per import: a province's first registration of its children in one file. */
    public static final int MAX_ROWS = 100_000;

    static final List<String> COLUMNS = List.of(
            "Họ và tên (*)",
            "Ngày sinh (*) (ngày/tháng/năm)",
            "Giới tính (*)",
            "Dân tộc (*)",
            "Thôn, buôn, bon (*)",
            "Người giám hộ (*)",
            "Quan hệ với trẻ",
            "Số điện thoại",
            "Hộ nghèo, cận nghèo",
            "Số giấy chứng nhận hộ nghèo/cận nghèo",
            "Tình trạng học tập",
            "Tên trường",
            "Hoàn cảnh đặc biệt (mã, cách nhau bởi dấu phẩy)",
            "Khuyết tật",
            "Ghi chú sức khỏe",
            "Ghi chú dinh dưỡng",
            "Người giám hộ đồng ý (họ tên)",
            "Ngày giám hộ đồng ý",
            "Hình thức đồng ý",
            "Mục đích đồng ý",
            "Trẻ đồng ý (họ tên, từ 7 tuổi)",
            "Ngày trẻ đồng ý");

    /** Which column holds each form field, for naming the column of a problem. */
    static final Map<String, Integer> FIELD_COLUMNS = Map.ofEntries(
            Map.entry("fullName", 0),
            Map.entry("dateOfBirth", 1),
            Map.entry("sex", 2),
            Map.entry("ethnicGroupCode", 3),
            Map.entry("villageCode", 4),
            Map.entry("guardianName", 5),
            Map.entry("guardianRelationship", 6),
            Map.entry("guardianPhone", 7),
            Map.entry("householdPoverty", 8),
            Map.entry("povertyCertificate", 9),
            Map.entry("schooling", 10),
            Map.entry("schoolName", 11),
            Map.entry("circumstances", 12),
            Map.entry("disability", 13),
            Map.entry("healthNotes", 14),
            Map.entry("nutritionNotes", 15),
            Map.entry("guardianConsentBy", 16),
            Map.entry("guardianConsentDate", 17),
            Map.entry("guardianConsentMethod", 18),
            Map.entry("consentPurposes", 19),
            Map.entry("childConsentBy", 20),
            Map.entry("childConsentDate", 21));

    static final Map<Sex, String> SEX = Map.of(Sex.MALE, "Nam", Sex.FEMALE, "Nữ");
    static final Map<Schooling, String> SCHOOLING = Map.of(
            Schooling.NOT_YET, "Chưa đi học",
            Schooling.PRESCHOOL, "Mầm non",
            Schooling.PRIMARY, "Tiểu học",
            Schooling.LOWER_SECONDARY, "THCS",
            Schooling.UPPER_SECONDARY, "THPT",
            Schooling.OUT_OF_SCHOOL, "Không đi học");
    static final Map<HouseholdPoverty, String> POVERTY = Map.of(
            HouseholdPoverty.NONE, "Không",
            HouseholdPoverty.POOR, "Hộ nghèo",
            HouseholdPoverty.NEAR_POOR, "Hộ cận nghèo");
    static final Map<ConsentMethod, String> METHODS = Map.of(
            ConsentMethod.WRITTEN, "Văn bản",
            ConsentMethod.VERBAL_WITNESSED, "Lời nói có người làm chứng",
            ConsentMethod.ELECTRONIC, "Điện tử",
            ConsentMethod.THUMBPRINT, "Điểm chỉ");
    static final Map<ConsentPurpose, String> PURPOSES = Map.of(
            ConsentPurpose.PROCESSING, "Xử lý dữ liệu",
            ConsentPurpose.ANONYMOUS_MENTION, "Nhắc đến ẩn danh",
            ConsentPurpose.PHOTOS, "Ảnh");

    private static final java.util.regex.Pattern ISO_DATE = java.util.regex.Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final DateTimeFormatter DMY =
            DateTimeFormatter.ofPattern("d/M/uuuu").withResolverStyle(java.time.format.ResolverStyle.STRICT);
    private static final int TEMPLATE_ROWS = 10_000;

    /** A data row of an uploaded workbook: its row number, the form read from it, and cell problems. */
    public record ParsedRow(int row, ChildForm form, List<RowProblem> problems) {}

    /** A workbook's data rows, or a file-level problem (as an {@link InvalidChildData} on field "file"). */
    public List<ParsedRow> read(byte[] content) {
        List<ParsedRow> rows = new ArrayList<>();
        read(content, rows::add);
        return rows;
    }

    /**
     * Reads a workbook's data rows one at a time into {@code rows} (row number, form, cell problems)
     * and answers how many there were; a file-level problem is an {@link InvalidChildData} on field
     * "file". Neither the sheet nor its cells are held in memory: the package is opened from a
     * temporary file (owner-only, deleted at once) so that POI inflates parts as it reads them, and
     * every row is handed on as soon as its last cell is read.
     */
    public int read(byte[] content, Consumer<ParsedRow> rows) {
        if (content == null || content.length == 0) {
            throw InvalidChildData.of("file", "child.import.empty");
        }
        if (content.length > MAX_BYTES) {
            throw InvalidChildData.of("file", "child.import.tooLarge", MAX_BYTES / (1024 * 1024));
        }
        if (content.length < 4 || content[0] != 'P' || content[1] != 'K') {
            throw InvalidChildData.of("file", "child.import.notXlsx");
        }
        Collector collector = new Collector(rows);
        Path file = null;
        OPCPackage pkg = null;
        try {
            file = Files.createTempFile("chungtay-import-", ".xlsx");
            Files.write(file, content);
            pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
            XSSFReader reader = new XSSFReader(pkg);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg, false);
            var sheets = reader.getSheetsData();
            if (!sheets.hasNext()) {
                throw InvalidChildData.of("file", "child.import.noRows");
            }
            try (InputStream sheet = sheets.next()) {
                XMLReader parser = XMLHelper.newXMLReader();
                parser.setContentHandler(new XSSFSheetXMLHandler(
                        reader.getStylesTable(), null, strings, collector, new IsoDates(), false));
                parser.parse(new InputSource(sheet));
            }
        } catch (InvalidChildData | ImportRejected e) {
            throw e;
        } catch (TooManyRows e) {
            throw InvalidChildData.of("file", "child.import.tooManyRows", MAX_ROWS);
        } catch (Exception e) {
            throw InvalidChildData.of("file", "child.import.notXlsx");
        } finally {
            if (pkg != null) {
                pkg.revert();
            }
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    file.toFile().deleteOnExit();
                }
            }
        }
        collector.header(null);
        if (collector.count == 0) {
            throw InvalidChildData.of("file", "child.import.noRows");
        }
        return collector.count;
    }

    private static void checkHeader(String[] header) {
        for (int c = 0; c < COLUMNS.size(); c++) {
            String found = c < header.length && header[c] != null ? header[c] : "";
            if (!VietnameseText.fold(found).equals(VietnameseText.fold(COLUMNS.get(c)))) {
                throw InvalidChildData.of("file", "child.import.columnMissing", COLUMNS.get(c));
            }
        }
    }

    /** Hands on the first sheet's rows as they are read: the header (row 0) is checked, blank rows are skipped. */
    private final class Collector implements XSSFSheetXMLHandler.SheetContentsHandler {
        private final Consumer<ParsedRow> rows;
        private String[] current;
        private boolean headerChecked;
        int count;

        Collector(Consumer<ParsedRow> rows) {
            this.rows = rows;
        }

        /** Checks the header once: the row read as row 0, or none (null) when the sheet has no row 0. */
        void header(String[] header) {
            if (!headerChecked) {
                headerChecked = true;
                checkHeader(header == null ? new String[0] : header);
            }
        }

        @Override
        public void startRow(int rowNum) {
            if (rowNum > MAX_ROWS) {
                throw new TooManyRows();
            }
            current = new String[COLUMNS.size()];
        }

        @Override
        public void endRow(int rowNum) {
            if (rowNum == 0) {
                header(current);
                return;
            }
            header(null);
            if (!blank(current)) {
                rows.accept(parse(rowNum + 1, current));
                count++;
            }
        }

        @Override
        public void cell(String reference, String formattedValue, XSSFComment comment) {
            if (reference == null) {
                return;
            }
            int column = 0;
            for (int i = 0; i < reference.length() && Character.isLetter(reference.charAt(i)); i++) {
                column = column * 26 + (Character.toUpperCase(reference.charAt(i)) - 'A' + 1);
            }
            column--;
            if (column >= 0 && column < current.length) {
                current[column] = formattedValue == null ? "" : formattedValue.trim();
            }
        }
    }

    private static final class TooManyRows extends RuntimeException {}

    /** Date cells read as ISO dates (yyyy-MM-dd), whatever their display format. */
    private static final class IsoDates extends DataFormatter {
        IsoDates() {
            super(Locale.ROOT);
        }

        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString, boolean use1904) {
            if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
                return DateUtil.getLocalDateTime(value, use1904).toLocalDate().toString();
            }
            return super.formatRawCellContents(value, formatIndex, formatString, use1904);
        }
    }

    private ParsedRow parse(int number, String[] values) {
        List<RowProblem> problems = new ArrayList<>();
        Function<Integer, String> cell = c -> values[c] == null ? "" : values[c];
        LocalDate born = date(cell.apply(1), number, 1, problems);
        Sex sex = choice(cell.apply(2), SEX, number, 2, problems);
        Schooling schooling = choice(cell.apply(10), SCHOOLING, number, 10, problems);
        HouseholdPoverty poverty = choice(cell.apply(8), POVERTY, number, 8, problems);
        ConsentMethod method = choice(cell.apply(18), METHODS, number, 18, problems);
        Set<ConsentPurpose> purposes = EnumSet.noneOf(ConsentPurpose.class);
        for (String token : cell.apply(19).split("[,;]")) {
            if (token.isBlank()) {
                continue;
            }
            ConsentPurpose purpose = choice(token, PURPOSES, number, 19, problems);
            if (purpose != null) {
                purposes.add(purpose);
            }
        }
        Set<String> circumstances = new LinkedHashSet<>();
        for (String token : cell.apply(12).split("[,;\\s]+")) {
            if (!token.isBlank()) {
                circumstances.add(code(token));
            }
        }
        ChildForm form = new ChildForm(
                cell.apply(0),
                born,
                sex,
                code(cell.apply(3)),
                code(cell.apply(4)),
                cell.apply(5),
                cell.apply(6),
                cell.apply(7),
                poverty,
                cell.apply(9),
                schooling,
                cell.apply(11),
                circumstances,
                cell.apply(13),
                cell.apply(14),
                cell.apply(15),
                cell.apply(16),
                date(cell.apply(17), number, 17, problems),
                method,
                purposes,
                cell.apply(20),
                date(cell.apply(21), number, 21, problems),
                true,
                false);
        return new ParsedRow(number, form, problems);
    }

    /** The template: headers, one example-free sheet with drop-down lists, and the code lists on a second sheet. */
    public byte[] template(List<CodeName> ethnicGroups, List<CodeName> villages, List<CodeName> circumstances) {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Sheet sheet = workbook.createSheet("Danh sách trẻ em");
            writeHeader(workbook, sheet, COLUMNS);
            Sheet lists = workbook.createSheet("Danh mục");
            List<List<String>> columns = List.of(
                    List.copyOf(SEX.entrySet().stream()
                            .sorted(Map.Entry.comparingByKey())
                            .map(Map.Entry::getValue)
                            .toList()),
                    ethnicGroups.stream().map(ChildWorkbooks::label).toList(),
                    villages.stream().map(ChildWorkbooks::label).toList(),
                    ordered(SCHOOLING, Schooling.values()),
                    circumstances.stream().map(ChildWorkbooks::label).toList(),
                    ordered(POVERTY, HouseholdPoverty.values()),
                    ordered(METHODS, ConsentMethod.values()));
            List<String> names = List.of("GioiTinh", "DanToc", "Thon", "HocTap", "HoanCanh", "HoNgheo", "HinhThuc");
            int[] targets = {2, 3, 4, 10, 12, 8, 18};
            DataValidationHelper helper = sheet.getDataValidationHelper();
            for (int i = 0; i < columns.size(); i++) {
                List<String> values = columns.get(i).isEmpty() ? List.of("-") : columns.get(i);
                for (int r = 0; r < values.size(); r++) {
                    Row row = lists.getRow(r) == null ? lists.createRow(r) : lists.getRow(r);
                    row.createCell(i).setCellValue(values.get(r));
                }
                Name name = workbook.createName();
                name.setNameName(names.get(i));
                String col = String.valueOf((char) ('A' + i));
                name.setRefersToFormula("'Danh mục'!$" + col + "$1:$" + col + "$" + values.size());
                DataValidationConstraint constraint = helper.createFormulaListConstraint(names.get(i));
                DataValidation validation = helper.createValidation(
                        constraint, new CellRangeAddressList(1, TEMPLATE_ROWS, targets[i], targets[i]));
                validation.setSuppressDropDownArrow(true);
                // circumstances take several codes separated by commas: the list helps, it does not forbid
                boolean strict = targets[i] != 12;
                validation.setShowErrorBox(strict);
                validation.setErrorStyle(strict ? DataValidation.ErrorStyle.STOP : DataValidation.ErrorStyle.INFO);
                sheet.addValidationData(validation);
            }
            workbook.setSheetHidden(1, true);
            return bytes(workbook);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An export row: the values in the order of {@link #EXPORT_COLUMNS}. */
    public static final List<String> EXPORT_COLUMNS = List.of(
            "Mã công khai",
            "Họ và tên",
            "Ngày sinh",
            "Tuổi",
            "Giới tính",
            "Dân tộc",
            "Thôn, buôn, bon",
            "Người giám hộ",
            "Quan hệ với trẻ",
            "Số điện thoại",
            "Hộ nghèo, cận nghèo",
            "Số giấy chứng nhận hộ nghèo/cận nghèo",
            "Tình trạng học tập",
            "Tên trường",
            "Hoàn cảnh đặc biệt",
            "Sắp đủ 16 tuổi");

    /** The export: every text cell is a plain string, and text a spreadsheet would run as a formula is quoted. */
    public byte[] export(List<List<Object>> rows) {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Sheet sheet = workbook.createSheet("Danh sách trẻ em");
            writeHeader(workbook, sheet, EXPORT_COLUMNS);
            CellStyle dateStyle = workbook.createCellStyle();
            dateStyle.setDataFormat(workbook.createDataFormat().getFormat("dd/mm/yyyy"));
            int r = 1;
            for (List<Object> values : rows) {
                Row row = sheet.createRow(r++);
                for (int c = 0; c < values.size(); c++) {
                    Object value = values.get(c);
                    Cell cell = row.createCell(c);
                    if (value instanceof LocalDate date) {
                        cell.setCellValue(date);
                        cell.setCellStyle(dateStyle);
                    } else if (value instanceof Number number) {
                        cell.setCellValue(number.doubleValue());
                    } else if (value != null) {
                        cell.setCellValue(defused(value.toString()));
                    }
                }
            }
            return bytes(workbook);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Text that a spreadsheet would read as a formula (= + - @, tab, carriage return) gets a leading apostrophe. */
    public static String defused(String text) {
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            return "'" + text;
        }
        return text;
    }

    /** The header of the column holding a form field (the field name itself if none does). */
    public static String columnOf(String field) {
        Integer index = FIELD_COLUMNS.get(field);
        return index == null ? field : COLUMNS.get(index);
    }

    public static String label(CodeName item) {
        return item.code() + " - " + item.name();
    }

    public static String sexLabel(Sex sex) {
        return SEX.get(sex);
    }

    public static String schoolingLabel(Schooling schooling) {
        return schooling == null ? null : SCHOOLING.get(schooling);
    }

    public static String povertyLabel(HouseholdPoverty poverty) {
        return POVERTY.get(poverty);
    }

    public static String methodLabel(ConsentMethod method) {
        return METHODS.get(method);
    }

    public static String purposeLabel(ConsentPurpose purpose) {
        return PURPOSES.get(purpose);
    }

    private static <E extends Enum<E>> List<String> ordered(Map<E, String> labels, E[] values) {
        List<String> list = new ArrayList<>();
        for (E value : values) {
            list.add(labels.get(value));
        }
        return list;
    }

    private static void writeHeader(Workbook workbook, Sheet sheet, List<String> columns) {
        CellStyle bold = workbook.createCellStyle();
        Font font = workbook.createFont();
        font.setBold(true);
        bold.setFont(font);
        bold.setWrapText(true);
        Row header = sheet.createRow(0);
        for (int c = 0; c < columns.size(); c++) {
            Cell cell = header.createCell(c);
            cell.setCellValue(columns.get(c));
            cell.setCellStyle(bold);
            sheet.setColumnWidth(c, 20 * 256);
        }
        sheet.createFreezePane(0, 1);
    }

    private static byte[] bytes(Workbook workbook) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        workbook.write(out);
        return out.toByteArray();
    }

    private static boolean blank(String[] values) {
        for (String value : values) {
            if (value != null && !value.isEmpty()) {
                return false;
            }
        }
        return true;
    }

    /** The code of a drop-down value "12 - Ê-đê" (or a bare code). */
    private static String code(String value) {
        int dash = value.indexOf(" - ");
        return (dash > 0 ? value.substring(0, dash) : value).trim();
    }

    private static LocalDate date(String text, int row, int column, List<RowProblem> problems) {
        if (text.isEmpty()) {
            return null;
        }
        try {
            return ISO_DATE.matcher(text).matches() ? LocalDate.parse(text) : LocalDate.parse(text, DMY);
        } catch (DateTimeParseException e) {
            problems.add(new RowProblem(row, COLUMNS.get(column), "child.import.badDate", List.of(text)));
            return null;
        }
    }

    private static <E extends Enum<E>> E choice(
            String raw, Map<E, String> labels, int row, int column, List<RowProblem> problems) {
        String value = raw == null ? "" : raw.trim();
        if (value.isEmpty()) {
            return null;
        }
        for (Map.Entry<E, String> label : labels.entrySet()) {
            if (label.getValue().equalsIgnoreCase(value)
                    || label.getKey().name().equalsIgnoreCase(value)) {
                return label.getKey();
            }
        }
        String folded = VietnameseText.fold(value);
        for (Map.Entry<E, String> label : labels.entrySet()) {
            if (VietnameseText.fold(label.getValue()).equals(folded)) {
                return label.getKey();
            }
        }
        problems.add(new RowProblem(row, COLUMNS.get(column), "child.import.badChoice", List.of(value)));
        return null;
    }
}
