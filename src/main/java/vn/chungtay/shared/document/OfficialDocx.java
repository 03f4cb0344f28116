package vn.chungtay.shared.document;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.List;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.TableRowAlign;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFonts;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;

/**
 * An {@link OfficialDocument} as DOCX: A4, margins top and bottom 20 mm, left 30 mm, right 15 mm,
 * Times New Roman (named, not embedded), body 14 pt justified, "Nơi nhận" list 11 pt.
 */
public final class OfficialDocx {

    /** Twentieths of a point per millimetre. */
    private static final double TWIPS_PER_MM = 1440 / 25.4;

    private static final int BODY = 14;
    private static final int HEADER = 13;
    private static final int TABLE = 12;
    private static final int RECIPIENTS = 11;

    private OfficialDocx() {}

    public static byte[] render(OfficialDocument document) {
        try (XWPFDocument docx = new XWPFDocument();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            page(docx);
            header(docx, document);
            title(docx, document);
            for (OfficialDocument.Block block : document.body()) {
                if (block instanceof OfficialDocument.Heading heading) {
                    heading(docx, heading.text());
                } else if (block instanceof OfficialDocument.Paragraph paragraph) {
                    paragraphs(docx, paragraph);
                } else if (block instanceof OfficialDocument.Table table) {
                    table(docx, table);
                }
            }
            closing(docx, document);
            docx.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write a DOCX", e);
        }
    }

    private static void page(XWPFDocument docx) {
        CTFonts fonts = CTFonts.Factory.newInstance();
        fonts.setAscii(OfficialDocument.FONT);
        fonts.setHAnsi(OfficialDocument.FONT);
        fonts.setCs(OfficialDocument.FONT);
        fonts.setEastAsia(OfficialDocument.FONT);
        docx.createStyles().setDefaultFonts(fonts);
        CTSectPr section = docx.getDocument().getBody().addNewSectPr();
        CTPageSz size = section.addNewPgSz();
        size.setW(BigInteger.valueOf(11906));
        size.setH(BigInteger.valueOf(16838));
        CTPageMar margins = section.addNewPgMar();
        margins.setTop(twips(20));
        margins.setBottom(twips(20));
        margins.setLeft(twips(30));
        margins.setRight(twips(15));
        margins.setHeader(twips(10));
        margins.setFooter(twips(10));
        margins.setGutter(BigInteger.ZERO);
    }

    private static void header(XWPFDocument docx, OfficialDocument document) {
        XWPFTable table = layoutTable(docx, 2, new int[] {40, 60});
        XWPFTableCell left = table.getRow(0).getCell(0);
        XWPFTableCell right = table.getRow(0).getCell(1);
        List<String> body = document.issuingBody();
        for (int i = 0; i < body.size(); i++) {
            line(left, i == 0, body.get(i), HEADER, i == body.size() - 1, false);
        }
        line(left, false, "", HEADER, false, false);
        line(left, false, document.numberLine(), HEADER, false, false);
        line(right, true, OfficialDocument.NATIONAL_NAME, 12, true, false);
        line(right, false, OfficialDocument.MOTTO, HEADER, true, false);
        line(right, false, "", HEADER, false, false);
        line(right, false, document.placeAndDate(), HEADER, false, true);
    }

    private static void title(XWPFDocument docx, OfficialDocument document) {
        XWPFParagraph type = docx.createParagraph();
        type.setAlignment(ParagraphAlignment.CENTER);
        type.setSpacingBefore(360);
        run(type, document.type(), BODY, true, false);
        if (document.summary() != null && !document.summary().isBlank()) {
            XWPFParagraph summary = docx.createParagraph();
            summary.setAlignment(ParagraphAlignment.CENTER);
            summary.setSpacingAfter(240);
            run(summary, document.summary(), BODY, true, false);
        }
        if (document.salutation() != null && !document.salutation().isBlank()) {
            XWPFParagraph salutation = docx.createParagraph();
            salutation.setAlignment(ParagraphAlignment.CENTER);
            salutation.setSpacingAfter(240);
            run(salutation, document.salutation(), BODY, false, false);
        }
    }

    private static void heading(XWPFDocument docx, String text) {
        XWPFParagraph paragraph = docx.createParagraph();
        paragraph.setAlignment(ParagraphAlignment.BOTH);
        paragraph.setIndentationFirstLine(567);
        paragraph.setSpacingBefore(120);
        paragraph.setSpacingAfter(120);
        run(paragraph, text, BODY, true, false);
    }

    private static void paragraphs(XWPFDocument docx, OfficialDocument.Paragraph paragraph) {
        for (String line : paragraph.text().split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            XWPFParagraph p = docx.createParagraph();
            p.setAlignment(ParagraphAlignment.BOTH);
            p.setIndentationFirstLine(567);
            p.setSpacingAfter(120);
            run(p, line.strip(), BODY, false, paragraph.italic());
        }
    }

    private static void table(XWPFDocument docx, OfficialDocument.Table data) {
        XWPFTable table =
                docx.createTable(data.rows().size() + 1, data.headers().size());
        table.setWidth("100%");
        table.setTableAlignment(TableRowAlign.CENTER);
        for (int c = 0; c < data.headers().size(); c++) {
            cell(table.getRow(0).getCell(c), data.headers().get(c), true, ParagraphAlignment.CENTER);
        }
        for (int r = 0; r < data.rows().size(); r++) {
            boolean bold = data.totalRow() && r == data.rows().size() - 1;
            List<String> row = data.rows().get(r);
            for (int c = 0; c < row.size(); c++) {
                cell(
                        table.getRow(r + 1).getCell(c),
                        row.get(c),
                        bold,
                        data.numeric().contains(c) ? ParagraphAlignment.RIGHT : ParagraphAlignment.LEFT);
            }
        }
        docx.createParagraph();
    }

    private static void closing(XWPFDocument docx, OfficialDocument document) {
        XWPFTable table = layoutTable(docx, 2, new int[] {50, 50});
        XWPFTableCell left = table.getRow(0).getCell(0);
        XWPFTableCell right = table.getRow(0).getCell(1);
        XWPFParagraph heading = left.getParagraphs().get(0);
        heading.setAlignment(ParagraphAlignment.LEFT);
        run(heading, "Nơi nhận:", 12, true, true);
        for (String line : document.recipientLines()) {
            XWPFParagraph p = left.addParagraph();
            p.setAlignment(ParagraphAlignment.LEFT);
            run(p, line, RECIPIENTS, false, false);
        }
        OfficialDocument.Signature signature = document.signature();
        line(right, true, signature.onBehalf(), BODY, true, false);
        if (signature.title() != null && !signature.title().isBlank()) {
            line(right, false, signature.title(), BODY, true, false);
        }
        for (int i = 0; i < 4; i++) {
            line(right, false, "", BODY, false, false);
        }
        if (signature.name() != null && !signature.name().isBlank()) {
            line(right, false, signature.name(), BODY, true, false);
        }
    }

    /** The width between the margins (A4 210 mm less 30 mm left and 15 mm right), in twips. */
    private static final int TEXT_WIDTH_TWIPS = twips(165).intValue();

    /**
     * A borderless table used for layout: one row, the given column widths in percent of the text
     * width, written as absolute widths and a fixed layout so that Word and LibreOffice keep the
     * quốc hiệu on one line.
     */
    private static XWPFTable layoutTable(XWPFDocument docx, int columns, int[] percents) {
        XWPFTable table = docx.createTable(1, columns);
        table.removeBorders();
        table.setWidth(Integer.toString(TEXT_WIDTH_TWIPS));
        var properties = table.getCTTbl().getTblPr();
        properties
                .addNewTblLayout()
                .setType(org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblLayoutType.FIXED);
        var grid = table.getCTTbl().getTblGrid();
        if (grid == null) {
            grid = table.getCTTbl().addNewTblGrid();
        }
        while (grid.sizeOfGridColArray() > 0) {
            grid.removeGridCol(0);
        }
        for (int c = 0; c < columns; c++) {
            int width = TEXT_WIDTH_TWIPS * percents[c] / 100;
            grid.addNewGridCol().setW(java.math.BigInteger.valueOf(width));
            table.getRow(0).getCell(c).setWidth(Integer.toString(width));
        }
        return table;
    }

    private static void line(XWPFTableCell cell, boolean first, String text, int size, boolean bold, boolean italic) {
        XWPFParagraph paragraph = first ? cell.getParagraphs().get(0) : cell.addParagraph();
        paragraph.setAlignment(ParagraphAlignment.CENTER);
        paragraph.setSpacingAfter(0);
        run(paragraph, text, size, bold, italic);
    }

    private static void cell(XWPFTableCell cell, String text, boolean bold, ParagraphAlignment alignment) {
        XWPFParagraph paragraph = cell.getParagraphs().get(0);
        paragraph.setAlignment(alignment);
        paragraph.setSpacingAfter(0);
        run(paragraph, text, TABLE, bold, false);
    }

    private static XWPFRun run(XWPFParagraph paragraph, String text, int size, boolean bold, boolean italic) {
        XWPFRun run = paragraph.createRun();
        run.setFontFamily(OfficialDocument.FONT);
        run.setFontSize(size);
        run.setBold(bold);
        run.setItalic(italic);
        run.setText(text);
        return run;
    }

    private static BigInteger twips(int millimetres) {
        return BigInteger.valueOf(Math.round(millimetres * TWIPS_PER_MM));
    }
}
