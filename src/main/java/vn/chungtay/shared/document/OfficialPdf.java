package vn.chungtay.shared.document;

import static vn.chungtay.shared.document.PdfDocuments.escape;

import java.util.List;

/**
 * An {@link OfficialDocument} as PDF through {@link PdfDocuments}: the same layout as the DOCX on
 * A4 with the decree's margins, in the bundled serif font that stands in for Times New Roman.
 */
public final class OfficialPdf {

    private OfficialPdf() {}

    public static byte[] render(OfficialDocument document) {
        return PdfDocuments.render(xhtml(document));
    }

    /** The XHTML the PDF is rendered from. */
    public static String xhtml(OfficialDocument document) {
        StringBuilder html = new StringBuilder();
        html.append("""
                <?xml version="1.0" encoding="UTF-8"?>
                <html xmlns="http://www.w3.org/1999/xhtml" lang="vi"><head><meta charset="UTF-8"/><style>
                @page { size: A4; margin: 20mm 15mm 20mm 30mm; }
                body { font-family: 'Times New Roman', serif; font-size: 14pt; line-height: 1.3; }
                table.layout { width: 100%; border-collapse: collapse; }
                table.layout td { vertical-align: top; text-align: center; padding: 0; }
                .header { font-size: 13pt; }
                .national { font-size: 11.5pt; font-weight: bold; white-space: nowrap; }
                .motto { font-weight: bold; white-space: nowrap; }
                .bold { font-weight: bold; }
                .italic { font-style: italic; }
                h1 { font-size: 14pt; text-align: center; margin: 18pt 0 0 0; }
                .summary { font-weight: bold; text-align: center; margin: 0 0 12pt 0; }
                .salutation { text-align: center; margin: 0 0 12pt 0; }
                p.body { text-align: justify; text-indent: 1cm; margin: 0 0 6pt 0; }
                p.heading { font-weight: bold; text-indent: 1cm; margin: 6pt 0; }
                table.data { width: 100%; border-collapse: collapse; font-size: 12pt; margin: 6pt 0 12pt 0; }
                table.data th, table.data td { border: 0.5pt solid #000; padding: 2pt 4pt; }
                table.data th { text-align: center; }
                td.number { text-align: right; white-space: nowrap; }
                tr.total td { font-weight: bold; }
                .recipients { text-align: left !important; font-size: 11pt; }
                .recipients .label { font-size: 12pt; font-weight: bold; font-style: italic; }
                </style></head><body>
                """);
        html.append("<table class=\"layout header\"><tr><td style=\"width:38%\">");
        List<String> body = document.issuingBody();
        for (int i = 0; i < body.size(); i++) {
            html.append("<div")
                    .append(i == body.size() - 1 ? " class=\"bold\"" : "")
                    .append(">")
                    .append(escape(body.get(i)))
                    .append("</div>");
        }
        html.append("<div style=\"margin-top:6pt\">")
                .append(escape(document.numberLine()))
                .append("</div></td><td style=\"width:62%\">");
        html.append("<div class=\"national\">")
                .append(escape(OfficialDocument.NATIONAL_NAME))
                .append("</div>");
        html.append("<div class=\"motto\">")
                .append(escape(OfficialDocument.MOTTO))
                .append("</div>");
        html.append("<div class=\"italic\" style=\"margin-top:6pt\">")
                .append(escape(document.placeAndDate()))
                .append("</div></td></tr></table>");
        html.append("<h1>").append(escape(document.type())).append("</h1>");
        if (document.summary() != null && !document.summary().isBlank()) {
            html.append("<p class=\"summary\">")
                    .append(escape(document.summary()))
                    .append("</p>");
        }
        if (document.salutation() != null && !document.salutation().isBlank()) {
            html.append("<p class=\"salutation\">")
                    .append(escape(document.salutation()))
                    .append("</p>");
        }
        for (OfficialDocument.Block block : document.body()) {
            if (block instanceof OfficialDocument.Heading heading) {
                html.append("<p class=\"heading\">")
                        .append(escape(heading.text()))
                        .append("</p>");
            } else if (block instanceof OfficialDocument.Paragraph paragraph) {
                for (String line : paragraph.text().split("\\R")) {
                    if (!line.isBlank()) {
                        html.append("<p class=\"body")
                                .append(paragraph.italic() ? " italic" : "")
                                .append("\">")
                                .append(escape(line.strip()))
                                .append("</p>");
                    }
                }
            } else if (block instanceof OfficialDocument.Table table) {
                table(html, table);
            }
        }
        html.append("<table class=\"layout\" style=\"margin-top:12pt\"><tr>");
        html.append("<td class=\"recipients\" style=\"width:50%\"><div class=\"label\">Nơi nhận:</div>");
        for (String line : document.recipientLines()) {
            html.append("<div>").append(escape(line)).append("</div>");
        }
        OfficialDocument.Signature signature = document.signature();
        html.append("</td><td style=\"width:50%\"><div class=\"bold\">")
                .append(escape(signature.onBehalf()))
                .append("</div>");
        if (signature.title() != null && !signature.title().isBlank()) {
            html.append("<div class=\"bold\">")
                    .append(escape(signature.title()))
                    .append("</div>");
        }
        html.append("<div style=\"height:60pt\"></div>");
        if (signature.name() != null && !signature.name().isBlank()) {
            html.append("<div class=\"bold\">").append(escape(signature.name())).append("</div>");
        }
        html.append("</td></tr></table></body></html>");
        return html.toString();
    }

    private static void table(StringBuilder html, OfficialDocument.Table table) {
        html.append("<table class=\"data\"><thead><tr>");
        for (String header : table.headers()) {
            html.append("<th>").append(escape(header)).append("</th>");
        }
        html.append("</tr></thead><tbody>");
        for (int r = 0; r < table.rows().size(); r++) {
            boolean total = table.totalRow() && r == table.rows().size() - 1;
            html.append(total ? "<tr class=\"total\">" : "<tr>");
            List<String> row = table.rows().get(r);
            for (int c = 0; c < row.size(); c++) {
                html.append(table.numeric().contains(c) ? "<td class=\"number\">" : "<td>")
                        .append(escape(row.get(c)))
                        .append("</td>");
            }
            html.append("</tr>");
        }
        html.append("</tbody></table>");
    }
}
