package vn.chungtay.commendation.internal;

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
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;

/**
 * The proposal (tờ trình) as DOCX in the Decree 30/2020 layout: A4, Times New Roman, margins
 * 20/20/30/15 mm; the issuing body (upper case) left and the national title and motto (bold)
 * right, the number under the body and the place and date in italics under the motto; the
 * document type and its summary in bold, centred; the addressee; the body justified in 14 pt;
 * the list as a table; "Nơi nhận:" (11 pt, ending "- Lưu: VT.") left of the signature block.
 * Texts arrive ready (from the message bundle), this class only lays them out.
 */
public final class ProposalDocx {

    /** Everything the document says, in order. */
    public record Content(
            List<String> issuerLines,
            String number,
            String nation,
            String motto,
            String placeAndDate,
            String type,
            String summary,
            String addressee,
            List<String> body,
            String listHeading,
            List<String> columns,
            List<List<String>> rows,
            String closing,
            List<String> signature,
            String recipientsLabel,
            List<String> recipients) {}

    private static final String FONT = "Times New Roman";
    private static final int TWIPS_PER_MM = 57; // 1 mm = 56.7 twips

    private ProposalDocx() {}

    public static byte[] render(Content content) {
        try (XWPFDocument document = new XWPFDocument();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            page(document);
            header(document, content);
            XWPFParagraph type = paragraph(document, ParagraphAlignment.CENTER, 240, 0);
            run(type, content.type(), 14, true, false);
            XWPFParagraph summary = paragraph(document, ParagraphAlignment.CENTER, 0, 0);
            run(summary, content.summary(), 14, true, false);
            XWPFParagraph rule = paragraph(document, ParagraphAlignment.CENTER, 0, 120);
            run(rule, "________", 14, false, false);
            XWPFParagraph addressee = paragraph(document, ParagraphAlignment.CENTER, 120, 240);
            run(addressee, content.addressee(), 14, false, false);
            for (String text : content.body()) {
                XWPFParagraph p = paragraph(document, ParagraphAlignment.BOTH, 0, 120);
                p.setIndentationFirstLine(10 * TWIPS_PER_MM);
                run(p, text, 14, false, false);
            }
            XWPFParagraph heading = paragraph(document, ParagraphAlignment.CENTER, 120, 120);
            run(heading, content.listHeading(), 13, true, false);
            list(document, content);
            XWPFParagraph closing = paragraph(document, ParagraphAlignment.BOTH, 240, 240);
            closing.setIndentationFirstLine(10 * TWIPS_PER_MM);
            run(closing, content.closing(), 14, false, false);
            footer(document, content);
            document.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the proposal", e);
        }
    }

    private static void page(XWPFDocument document) {
        CTSectPr section = document.getDocument().getBody().addNewSectPr();
        CTPageSz size = section.addNewPgSz();
        size.setW(BigInteger.valueOf(11906));
        size.setH(BigInteger.valueOf(16838));
        CTPageMar margins = section.addNewPgMar();
        margins.setTop(BigInteger.valueOf(20 * TWIPS_PER_MM));
        margins.setBottom(BigInteger.valueOf(20 * TWIPS_PER_MM));
        margins.setLeft(BigInteger.valueOf(30 * TWIPS_PER_MM));
        margins.setRight(BigInteger.valueOf(15 * TWIPS_PER_MM));
    }

    private static void header(XWPFDocument document, Content content) {
        XWPFTable table = borderless(document, 2, new int[] {3600, 5400});
        XWPFTableCell left = table.getRow(0).getCell(0);
        XWPFTableCell right = table.getRow(0).getCell(1);
        List<String> issuer = content.issuerLines();
        for (int i = 0; i < issuer.size(); i++) {
            XWPFParagraph p = i == 0 ? left.getParagraphs().get(0) : left.addParagraph();
            tight(p, ParagraphAlignment.CENTER);
            run(p, issuer.get(i), 13, i == issuer.size() - 1, false);
        }
        XWPFParagraph line = left.addParagraph();
        tight(line, ParagraphAlignment.CENTER);
        run(line, "_______", 13, false, false);
        XWPFParagraph number = left.addParagraph();
        tight(number, ParagraphAlignment.CENTER);
        number.setSpacingBefore(120);
        run(number, content.number(), 13, false, false);

        XWPFParagraph nation = right.getParagraphs().get(0);
        tight(nation, ParagraphAlignment.CENTER);
        run(nation, content.nation(), 12, true, false);
        XWPFParagraph motto = right.addParagraph();
        tight(motto, ParagraphAlignment.CENTER);
        run(motto, content.motto(), 13, true, false);
        XWPFParagraph underline = right.addParagraph();
        tight(underline, ParagraphAlignment.CENTER);
        run(underline, "_______________________", 13, false, false);
        XWPFParagraph date = right.addParagraph();
        tight(date, ParagraphAlignment.CENTER);
        date.setSpacingBefore(120);
        run(date, content.placeAndDate(), 13, false, true);
    }

    private static void list(XWPFDocument document, Content content) {
        int columns = content.columns().size();
        XWPFTable table = document.createTable(content.rows().size() + 1, columns);
        table.setTableAlignment(TableRowAlign.CENTER);
        int[] widths = {600, 2300, 1200, 1500, 1300, 2100};
        for (int c = 0; c < columns; c++) {
            XWPFTableCell cell = table.getRow(0).getCell(c);
            cell.setWidth(Integer.toString(widths[Math.min(c, widths.length - 1)]));
            XWPFParagraph p = cell.getParagraphs().get(0);
            tight(p, ParagraphAlignment.CENTER);
            run(p, content.columns().get(c), 12, true, false);
        }
        for (int r = 0; r < content.rows().size(); r++) {
            List<String> values = content.rows().get(r);
            for (int c = 0; c < columns; c++) {
                XWPFTableCell cell = table.getRow(r + 1).getCell(c);
                cell.setWidth(Integer.toString(widths[Math.min(c, widths.length - 1)]));
                XWPFParagraph p = cell.getParagraphs().get(0);
                tight(
                        p,
                        c == 0 || c == 2 || c == 4
                                ? ParagraphAlignment.CENTER
                                : c == 3 ? ParagraphAlignment.RIGHT : ParagraphAlignment.LEFT);
                run(p, c < values.size() ? values.get(c) : "", 12, false, false);
            }
        }
    }

    private static void footer(XWPFDocument document, Content content) {
        XWPFTable table = borderless(document, 2, new int[] {4500, 4500});
        XWPFTableCell left = table.getRow(0).getCell(0);
        XWPFTableCell right = table.getRow(0).getCell(1);
        XWPFParagraph label = left.getParagraphs().get(0);
        tight(label, ParagraphAlignment.LEFT);
        run(label, content.recipientsLabel(), 12, true, true);
        for (String recipient : content.recipients()) {
            XWPFParagraph p = left.addParagraph();
            tight(p, ParagraphAlignment.LEFT);
            run(p, recipient, 11, false, false);
        }
        List<String> signature = content.signature();
        for (int i = 0; i < signature.size(); i++) {
            XWPFParagraph p = i == 0 ? right.getParagraphs().get(0) : right.addParagraph();
            tight(p, ParagraphAlignment.CENTER);
            run(p, signature.get(i), 14, true, false);
        }
    }

    private static XWPFTable borderless(XWPFDocument document, int columns, int[] widths) {
        XWPFTable table = document.createTable(1, columns);
        table.removeBorders();
        table.setTableAlignment(TableRowAlign.CENTER);
        for (int c = 0; c < columns; c++) {
            table.getRow(0).getCell(c).setWidth(Integer.toString(widths[c]));
        }
        return table;
    }

    private static XWPFParagraph paragraph(XWPFDocument document, ParagraphAlignment alignment, int before, int after) {
        XWPFParagraph p = document.createParagraph();
        p.setAlignment(alignment);
        p.setSpacingBefore(before);
        p.setSpacingAfter(after);
        return p;
    }

    private static void tight(XWPFParagraph p, ParagraphAlignment alignment) {
        p.setAlignment(alignment);
        p.setSpacingBefore(0);
        p.setSpacingAfter(0);
    }

    private static XWPFRun run(XWPFParagraph paragraph, String text, int size, boolean bold, boolean italic) {
        XWPFRun run = paragraph.createRun();
        run.setFontFamily(FONT);
        run.setFontSize(size);
        run.setBold(bold);
        run.setItalic(italic);
        run.setText(text == null ? "" : text);
        return run;
    }
}
