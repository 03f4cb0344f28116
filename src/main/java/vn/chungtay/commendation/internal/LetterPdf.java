package vn.chungtay.commendation.internal;

import static vn.chungtay.shared.document.PdfDocuments.escape;

import java.util.List;
import vn.chungtay.shared.document.PdfDocuments;

/**
 * A thank-you letter or certificate for one donor as PDF (A4; the bundled serif font, so every
 * Vietnamese diacritic renders). A certificate is landscape with a border and the form's name in
 * large letters; a letter is portrait with the official header. Texts arrive ready in the donor's
 * language.
 */
public final class LetterPdf {

    /** What the page says. {@code certificate} chooses the certificate layout. */
    public record Content(
            String language,
            boolean certificate,
            List<String> issuerLines,
            String nation,
            String motto,
            String presenter,
            String title,
            String recipientLabel,
            String recipient,
            List<String> body,
            String placeAndDate,
            List<String> signature) {}

    private LetterPdf() {}

    public static byte[] render(Content c) {
        StringBuilder html = new StringBuilder();
        html.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"")
                .append(escape(c.language()))
                .append("\"><head><meta charset=\"UTF-8\"/><title>")
                .append(escape(c.title()))
                .append("</title><style>")
                .append(
                        c.certificate()
                                ? "@page { size: A4 landscape; margin: 12mm; }"
                                : "@page { size: A4; margin: 20mm 15mm 20mm 30mm; }")
                .append("""
                        body { font-family: serif; font-size: 14pt; line-height: 1.35; color: #000; }
                        .frame { border: 3pt double #8b0000; padding: 8mm 12mm; height: 150mm; }
                        table.head { width: 100%; border-collapse: collapse; }
                        table.head td { vertical-align: top; text-align: center; font-size: 12.5pt; padding: 0; }
                        .strong { font-weight: bold; }
                        .date { font-style: italic; }
                        .presenter { text-align: center; font-weight: bold; margin-top: 12mm; font-size: 14pt; }
                        .title { text-align: center; font-weight: bold; color: #b00000; margin: 4mm 0; }
                        .cert .title { font-size: 36pt; letter-spacing: 2pt; margin: 8mm 0 6mm 0; }
                        .letter .title { font-size: 18pt; margin-top: 10mm; }
                        .recipient { text-align: center; font-size: 22pt; font-weight: bold; margin: 3mm 0 8mm 0; }
                        .letter .recipient { text-align: left; font-size: 14pt; font-weight: normal; }
                        p.body { text-align: justify; text-indent: 10mm; margin: 0 0 3mm 0; }
                        .cert p.body { text-align: center; text-indent: 0; }
                        table.sign { width: 100%; margin-top: 12mm; }
                        table.sign td { width: 50%; text-align: center; vertical-align: top; }
                        """)
                .append("</style></head><body class=\"")
                .append(c.certificate() ? "cert" : "letter")
                .append("\">");
        if (c.certificate()) {
            html.append("<div class=\"frame\">");
        }
        html.append("<table class=\"head\"><tr><td style=\"width: 42%\">");
        for (int i = 0; i < c.issuerLines().size(); i++) {
            html.append("<div")
                    .append(i == c.issuerLines().size() - 1 ? " class=\"strong\"" : "")
                    .append(">")
                    .append(escape(c.issuerLines().get(i)))
                    .append("</div>");
        }
        html.append("</td><td><div class=\"strong\">")
                .append(escape(c.nation()))
                .append("</div><div class=\"strong\">")
                .append(escape(c.motto()))
                .append("</div></td></tr></table>");
        if (c.presenter() != null && !c.presenter().isBlank()) {
            html.append("<div class=\"presenter\">")
                    .append(escape(c.presenter()))
                    .append("</div>");
        }
        html.append("<div class=\"title\">").append(escape(c.title())).append("</div>");
        html.append("<div class=\"recipient\">");
        if (c.recipientLabel() != null && !c.recipientLabel().isBlank()) {
            html.append(escape(c.recipientLabel())).append(" ");
        }
        html.append(escape(c.recipient())).append("</div>");
        for (String paragraph : c.body()) {
            html.append("<p class=\"body\">").append(escape(paragraph)).append("</p>");
        }
        html.append("<table class=\"sign\"><tr><td></td><td><div class=\"date\">")
                .append(escape(c.placeAndDate()))
                .append("</div>");
        for (String line : c.signature()) {
            html.append("<div class=\"strong\">").append(escape(line)).append("</div>");
        }
        html.append("</td></tr></table>");
        if (c.certificate()) {
            html.append("</div>");
        }
        html.append("</body></html>");
        return PdfDocuments.render(html.toString());
    }
}
