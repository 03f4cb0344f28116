package vn.chungtay.reporting;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import vn.chungtay.organisation.UnitTypes;
import vn.chungtay.reporting.internal.ReportWorkflow;
import vn.chungtay.shared.document.OfficialDocument;
import vn.chungtay.shared.document.OfficialDocx;
import vn.chungtay.shared.document.OfficialPdf;

/**
 * A report and a consolidated report as official documents (Decree 30/2020: DOCX and PDF, always
 * in Vietnamese) and as XLSX indicator tables.
 */
@Service
public class ReportDocuments {

    public static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public static final String PDF = "application/pdf";

    private static final Locale VI = Locale.forLanguageTag("vi");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final String[] ROMAN = {"I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"};

    private final MessageSource messages;
    private final Clock clock;

    ReportDocuments(MessageSource messages, Clock clock) {
        this.messages = messages;
        this.clock = clock;
    }

    // ---- one unit's report -----------------------------------------------------------------

    public byte[] docx(ReportView report) {
        return OfficialDocx.render(document(report));
    }

    public byte[] pdf(ReportView report) {
        return OfficialPdf.render(document(report));
    }

    public String fileName(ReportView report, String extension) {
        return "bao-cao-" + report.unitCode() + "-" + report.period().code() + "." + extension;
    }

    /** The report laid out as Decree 30 asks. */
    public OfficialDocument document(ReportView report) {
        List<OfficialDocument.Block> body = new ArrayList<>();
        List<String> sections = report.period().template().sections();
        if (!sections.contains("RESULTS")) {
            body.add(new OfficialDocument.Paragraph(msg("reporting.doc.figuresIntro")));
            body.add(figureTable(report.figures()));
        }
        for (int i = 0; i < sections.size(); i++) {
            String section = sections.get(i);
            body.add(new OfficialDocument.Heading(numbered(i, sectionTitle(section))));
            String text = report.narrative().getOrDefault(section, "");
            if (!text.isBlank()) {
                body.add(new OfficialDocument.Paragraph(text));
            }
            if (section.equals("RESULTS")) {
                body.add(new OfficialDocument.Paragraph(msg("reporting.doc.figuresIntro")));
                body.add(figureTable(report.figures()));
            } else if (text.isBlank()) {
                body.add(new OfficialDocument.Paragraph(msg("reporting.doc.nothing"), true));
            }
        }
        body.add(new OfficialDocument.Paragraph(
                msg("reporting.doc.closing", report.period().template().title(), report.unitName())));
        List<String> recipients = new ArrayList<>();
        if (report.receiverName() != null) {
            recipients.add(msg("reporting.doc.asAbove"));
        }
        return new OfficialDocument(
                List.of(msg("reporting.doc.front"), report.unitName(), msg("reporting.doc.standing")),
                report.number(),
                msg("reporting.doc.symbol"),
                place(report.unitName()),
                dateOf(report.submittedAt()),
                msg("reporting.doc.type"),
                report.period().template().title() + " " + report.period().name(),
                report.receiverName() == null ? null : msg("reporting.doc.to", lowerType(report.receiverName())),
                body,
                new OfficialDocument.Signature(msg("reporting.doc.onBehalf"), msg("reporting.doc.chair"), null),
                recipients);
    }

    private OfficialDocument.Table figureTable(List<FigureView> figures) {
        List<List<String>> rows = new ArrayList<>();
        int n = 1;
        for (FigureView f : figures) {
            String note = "";
            if (!f.provided()) {
                note = msg("reporting.figure.noData");
            } else if (f.isAdjusted()) {
                note = msg("reporting.doc.adjustedNote", number(f.computed()), f.note());
            }
            rows.add(List.of(
                    Integer.toString(n++),
                    label(f.definition()),
                    unitLabel(f.definition().unit()),
                    f.provided() || f.isAdjusted() ? number(f.value()) : "—",
                    note));
        }
        return new OfficialDocument.Table(
                List.of(
                        msg("reporting.doc.col.no"),
                        msg("reporting.doc.col.indicator"),
                        msg("reporting.doc.col.unit"),
                        msg("reporting.doc.col.value"),
                        msg("reporting.doc.col.note")),
                rows,
                Set.of(0, 3),
                false);
    }

    public byte[] xlsx(ReportView report) {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Styles styles = new Styles(workbook);
            Sheet sheet = workbook.createSheet(msg("reporting.xlsx.sheet.indicators"));
            Row title = sheet.createRow(0);
            text(
                    title,
                    0,
                    report.unitName() + " – " + report.period().template().title() + " "
                            + report.period().name(),
                    styles.bold);
            Row status = sheet.createRow(1);
            text(status, 0, msg("reporting.status." + report.status().name()), null);
            header(
                    sheet.createRow(3),
                    styles,
                    List.of(
                            msg("reporting.doc.col.no"),
                            msg("reporting.xlsx.col.group"),
                            msg("reporting.xlsx.col.code"),
                            msg("reporting.doc.col.indicator"),
                            msg("reporting.doc.col.unit"),
                            msg("reporting.xlsx.col.computed"),
                            msg("reporting.doc.col.value"),
                            msg("reporting.doc.col.note")));
            int r = 4;
            for (FigureView f : report.figures()) {
                Row row = sheet.createRow(r);
                row.createCell(0).setCellValue(r - 3);
                text(row, 1, msg(f.definition().groupKey()), null);
                text(row, 2, f.code(), null);
                text(row, 3, label(f.definition()), null);
                text(row, 4, unitLabel(f.definition().unit()), null);
                if (f.provided()) {
                    numberCell(row, 5, f.computed(), styles.number);
                }
                if (f.provided() || f.isAdjusted()) {
                    numberCell(row, 6, f.value(), styles.number);
                }
                text(row, 7, f.provided() ? (f.note() == null ? "" : f.note()) : msg("reporting.figure.noData"), null);
                r++;
            }
            for (int c = 0; c < 8; c++) {
                sheet.setColumnWidth(c, c == 3 ? 60 * 256 : c == 7 ? 40 * 256 : 16 * 256);
            }
            return bytes(workbook);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- consolidated report -----------------------------------------------------------------

    public byte[] docx(ConsolidatedReport report) {
        return OfficialDocx.render(document(report));
    }

    public byte[] pdf(ConsolidatedReport report) {
        return OfficialPdf.render(document(report));
    }

    public String fileName(ConsolidatedReport report, String extension) {
        return "tong-hop-" + (report.isNational() ? "toan-quoc" : report.unitCode()) + "-"
                + report.period().code() + "." + extension;
    }

    public OfficialDocument document(ConsolidatedReport report) {
        String unitName = report.isNational() ? msg("reporting.doc.nationalFront") : report.unitName();
        List<OfficialDocument.Block> body = new ArrayList<>();
        ConsolidatedReport.Completeness c = report.completeness();
        body.add(new OfficialDocument.Heading(numbered(0, msg("reporting.doc.consolidated.status"))));
        body.add(new OfficialDocument.Paragraph(msg(
                "reporting.doc.consolidated.completeness",
                c.expected(),
                c.submitted(),
                c.onTime(),
                c.late(),
                c.accepted(),
                c.notYet())));
        if (report.acrossReform()) {
            body.add(new OfficialDocument.Paragraph(msg("reporting.doc.consolidated.acrossReform"), true));
        }
        List<List<String>> units = new ArrayList<>();
        int n = 1;
        for (ConsolidatedReport.Row row : report.rows()) {
            if (report.isNational()) {
                ConsolidatedReport.Completeness rc = row.completeness();
                units.add(List.of(
                        Integer.toString(n++),
                        row.name(),
                        msg("reporting.doc.consolidated.provinceStatus", rc.submitted(), rc.expected(), rc.accepted()),
                        Integer.toString(rc.onTime()),
                        Integer.toString(rc.late())));
            } else {
                units.add(List.of(
                        Integer.toString(n++),
                        row.name() + (row.partial() ? " (*)" : ""),
                        row.status() == null
                                ? msg("reporting.status.NONE")
                                : msg("reporting.status." + row.status().name()),
                        row.submittedAt() == null ? "" : DAY.format(ReportWorkflow.date(row.submittedAt())),
                        msg("reporting.timeliness." + row.timeliness().name())));
            }
        }
        body.add(new OfficialDocument.Table(
                report.isNational()
                        ? List.of(
                                msg("reporting.doc.col.no"),
                                msg("reporting.doc.col.province"),
                                msg("reporting.doc.col.status"),
                                msg("reporting.timeliness.ON_TIME"),
                                msg("reporting.timeliness.LATE"))
                        : List.of(
                                msg("reporting.doc.col.no"),
                                msg("reporting.doc.col.unitName"),
                                msg("reporting.doc.col.status"),
                                msg("reporting.doc.col.submittedOn"),
                                msg("reporting.doc.col.timeliness")),
                units,
                Set.of(0),
                false));
        body.add(new OfficialDocument.Heading(numbered(1, msg("reporting.doc.consolidated.results"))));
        body.add(new OfficialDocument.Paragraph(msg("reporting.doc.consolidated.resultsIntro", c.accepted())));
        List<List<String>> totals = new ArrayList<>();
        n = 1;
        for (IndicatorDefinition d : report.indicators()) {
            totals.add(List.of(
                    Integer.toString(n++),
                    label(d),
                    unitLabel(d.unit()),
                    d.summable() ? number(report.totals().getOrDefault(d.code(), 0L)) : "—"));
        }
        body.add(new OfficialDocument.Table(
                List.of(
                        msg("reporting.doc.col.no"),
                        msg("reporting.doc.col.indicator"),
                        msg("reporting.doc.col.unit"),
                        msg("reporting.doc.col.total")),
                totals,
                Set.of(0, 3),
                false));
        List<String> sections = report.period().template().sections();
        int heading = 2;
        for (String section : sections) {
            List<ConsolidatedReport.Narrative> texts = report.narratives().stream()
                    .filter(t -> t.section().equals(section))
                    .toList();
            body.add(new OfficialDocument.Heading(numbered(heading++, sectionTitle(section))));
            if (texts.isEmpty()) {
                body.add(new OfficialDocument.Paragraph(msg("reporting.doc.nothing"), true));
            }
            for (ConsolidatedReport.Narrative text : texts) {
                body.add(new OfficialDocument.Paragraph("- " + text.unitName() + ": " + text.text()));
            }
        }
        return new OfficialDocument(
                List.of(msg("reporting.doc.front"), unitName, msg("reporting.doc.standing")),
                null,
                msg("reporting.doc.symbol"),
                report.isNational() ? msg("reporting.doc.nationalPlace") : place(report.unitName()),
                LocalDate.now(clock),
                msg("reporting.doc.type"),
                msg(
                        "reporting.doc.consolidated.summary",
                        report.period().template().title(),
                        report.period().name()),
                null,
                body,
                new OfficialDocument.Signature(msg("reporting.doc.onBehalf"), msg("reporting.doc.chair"), null),
                List.of());
    }

    public byte[] xlsx(ConsolidatedReport report) {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Styles styles = new Styles(workbook);
            Sheet totals = workbook.createSheet(msg("reporting.xlsx.sheet.totals"));
            text(
                    totals.createRow(0),
                    0,
                    (report.isNational() ? msg("reporting.doc.nationalFront") : report.unitName()) + " – "
                            + report.period().name(),
                    styles.bold);
            header(
                    totals.createRow(2),
                    styles,
                    List.of(
                            msg("reporting.doc.col.no"),
                            msg("reporting.xlsx.col.code"),
                            msg("reporting.doc.col.indicator"),
                            msg("reporting.doc.col.unit"),
                            msg("reporting.doc.col.total")));
            int r = 3;
            for (IndicatorDefinition d : report.indicators()) {
                Row row = totals.createRow(r);
                row.createCell(0).setCellValue(r - 2);
                text(row, 1, d.code(), null);
                text(row, 2, label(d), null);
                text(row, 3, unitLabel(d.unit()), null);
                if (d.summable()) {
                    numberCell(row, 4, report.totals().getOrDefault(d.code(), 0L), styles.number);
                }
                r++;
            }
            totals.setColumnWidth(2, 60 * 256);
            Sheet units = workbook.createSheet(msg("reporting.xlsx.sheet.units"));
            List<String> headers = new ArrayList<>(List.of(
                    msg("reporting.xlsx.col.code"),
                    msg("reporting.doc.col.unitName"),
                    msg("reporting.xlsx.col.place"),
                    msg("reporting.doc.col.status"),
                    msg("reporting.doc.col.timeliness"),
                    msg("reporting.doc.col.submittedOn"),
                    msg("reporting.xlsx.col.counted"),
                    msg("reporting.xlsx.col.partial")));
            report.indicators().forEach(d -> headers.add(label(d)));
            header(units.createRow(0), styles, headers);
            r = 1;
            for (ConsolidatedReport.Row row : report.rows()) {
                Row line = units.createRow(r++);
                text(line, 0, row.code(), null);
                text(line, 1, row.name(), null);
                text(line, 2, row.placeName(), null);
                text(
                        line,
                        3,
                        row.status() == null
                                ? ""
                                : msg("reporting.status." + row.status().name()),
                        null);
                text(
                        line,
                        4,
                        row.timeliness() == null
                                ? ""
                                : msg("reporting.timeliness." + row.timeliness().name()),
                        null);
                text(
                        line,
                        5,
                        row.submittedAt() == null ? "" : DAY.format(ReportWorkflow.date(row.submittedAt())),
                        null);
                text(line, 6, row.counted() ? "x" : "", null);
                text(line, 7, row.partial() ? "x" : "", null);
                int c = 8;
                for (IndicatorDefinition d : report.indicators()) {
                    Long value = row.figures().get(d.code());
                    if (value != null) {
                        numberCell(line, c, value, styles.number);
                    }
                    c++;
                }
            }
            units.setColumnWidth(1, 30 * 256);
            units.setColumnWidth(2, 30 * 256);
            return bytes(workbook);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- helpers -----------------------------------------------------------------------------

    /** An indicator's label in Vietnamese (the code for one no module provides yet). */
    public String label(IndicatorDefinition d) {
        return messages.getMessage(d.labelKey(), new Object[] {d.code()}, d.code(), VI);
    }

    private String unitLabel(IndicatorUnit unit) {
        return msg("reporting.indicatorUnit." + unit.name());
    }

    private String sectionTitle(String section) {
        return messages.getMessage("reporting.section." + section, null, section, VI);
    }

    private static String numbered(int index, String title) {
        String numeral = index < ROMAN.length ? ROMAN[index] : Integer.toString(index + 1);
        return numeral + ". " + title.toUpperCase(VI);
    }

    private String msg(String key, Object... args) {
        return messages.getMessage(key, args, VI);
    }

    private LocalDate dateOf(Instant at) {
        return at == null ? LocalDate.now(clock) : ReportWorkflow.date(at);
    }

    /** Vietnamese grouping with dots: {@code 1.250.000}. */
    public static String number(long value) {
        String digits = Long.toString(Math.abs(value));
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < digits.length(); i++) {
            if (i > 0 && (digits.length() - i) % 3 == 0) {
                out.append('.');
            }
            out.append(digits.charAt(i));
        }
        return (value < 0 ? "-" : "") + out;
    }

    /** The place name of a document: the unit's name without its type ("Xã Cư Jút" → "Cư Jút"). */
    static String place(String fullName) {
        List<String> types = new ArrayList<>();
        types.addAll(UnitTypes.PROVINCE_TYPES);
        types.addAll(UnitTypes.DISTRICT_TYPES);
        types.addAll(UnitTypes.COMMUNE_TYPES);
        types.sort(Comparator.comparingInt(String::length).reversed());
        for (String type : types) {
            if (fullName.startsWith(type + " ")) {
                return fullName.substring(type.length() + 1);
            }
        }
        return fullName;
    }

    /** "Tỉnh Lâm Đồng" → "tỉnh Lâm Đồng", as a name reads inside a sentence. */
    static String lowerType(String fullName) {
        String place = place(fullName);
        if (place.equals(fullName)) {
            return fullName;
        }
        String type = fullName.substring(0, fullName.length() - place.length());
        return type.toLowerCase(VI) + place;
    }

    private static final class Styles {
        final CellStyle bold;
        final CellStyle header;
        final CellStyle number;

        Styles(XSSFWorkbook workbook) {
            Font boldFont = workbook.createFont();
            boldFont.setBold(true);
            bold = workbook.createCellStyle();
            bold.setFont(boldFont);
            header = workbook.createCellStyle();
            header.setFont(boldFont);
            header.setWrapText(true);
            number = workbook.createCellStyle();
            number.setDataFormat(workbook.createDataFormat().getFormat("#,##0"));
        }
    }

    private static void header(Row row, Styles styles, List<String> titles) {
        for (int i = 0; i < titles.size(); i++) {
            text(row, i, titles.get(i), styles.header);
        }
    }

    private static void text(Row row, int column, String value, CellStyle style) {
        var cell = row.createCell(column);
        cell.setCellValue(value == null ? "" : value);
        if (style != null) {
            cell.setCellStyle(style);
        }
    }

    private static void numberCell(Row row, int column, long value, CellStyle style) {
        var cell = row.createCell(column);
        cell.setCellValue(value);
        cell.setCellStyle(style);
    }

    private static byte[] bytes(XSSFWorkbook workbook) throws IOException {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            workbook.write(out);
            return out.toByteArray();
        }
    }
}
