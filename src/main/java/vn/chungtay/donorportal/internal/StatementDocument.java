package vn.chungtay.donorportal.internal;

import static vn.chungtay.shared.document.PdfDocuments.escape;

import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import vn.chungtay.donorportal.MyGift;
import vn.chungtay.donorportal.YearStatement;
import vn.chungtay.shared.document.PdfDocuments;

/**
 * A donor's yearly statement (bảng kê) as an A4 PDF in Vietnamese: every gift of the year with its
 * receipt number and where it went (place, category, amounts, children counted), and the totals.
 */
@Component
public class StatementDocument {

    private static final Locale VI = Locale.forLanguageTag("vi");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final MessageSource messages;

    StatementDocument(MessageSource messages) {
        this.messages = messages;
    }

    public byte[] render(YearStatement statement) {
        return PdfDocuments.render(xhtml(statement));
    }

    String xhtml(YearStatement s) {
        StringBuilder html = new StringBuilder();
        html.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\"><head>")
                .append("<meta charset=\"UTF-8\"/><title>")
                .append(escape(m("donor.portal.statement.title", String.valueOf(s.year()))))
                .append("</title><style>")
                .append("@page { size: A4; margin: 16mm 14mm; }")
                .append("body { font-family: 'Times New Roman', serif; font-size: 11pt; line-height: 1.3; }")
                .append("h1 { text-align: center; font-size: 15pt; margin: 0 0 4pt 0; }")
                .append("p.center { text-align: center; margin: 0 0 8pt 0; }")
                .append(
                        "table { width: 100%; border-collapse: collapse; font-size: 9.5pt; } td.nowrap { white-space: nowrap; }")
                .append("th, td { border: 0.5pt solid #000; padding: 2pt 3pt; vertical-align: top; }")
                .append("td.num { text-align: right; white-space: nowrap; } .totals td { font-weight: bold; }")
                .append("</style></head><body>");
        html.append("<h1>")
                .append(escape(m("donor.portal.statement.heading", String.valueOf(s.year()))))
                .append("</h1><p class=\"center\">")
                .append(escape(m("donor.portal.statement.donor", s.donorName())))
                .append("</p>");
        html.append("<table><thead><tr>");
        for (String key : new String[] {
            "donor.portal.col.date",
            "donor.portal.col.receipt",
            "donor.portal.col.campaign",
            "donor.portal.col.amount",
            "donor.portal.col.went",
            "donor.portal.col.delivered"
        }) {
            html.append("<th>").append(escape(m(key))).append("</th>");
        }
        html.append("</tr></thead><tbody>");
        if (s.gifts().isEmpty()) {
            html.append("<tr><td colspan=\"6\">")
                    .append(escape(m("donor.portal.statement.none")))
                    .append("</td></tr>");
        }
        for (MyGift g : s.gifts()) {
            html.append("<tr><td class=\"nowrap\">")
                    .append(escape(g.receivedOn().format(DAY)))
                    .append("</td><td>")
                    .append(escape(g.receiptNumber()))
                    .append("</td><td>")
                    .append(escape(g.campaignName()))
                    .append("</td><td class=\"num\">")
                    .append(escape(g.amount().formatted().replace(" ₫", " đồng")));
            for (String item : g.items()) {
                html.append("<br/>").append(escape(item));
            }
            html.append("</td><td>");
            if (g.went().isEmpty()) {
                html.append(escape(m("donor.portal.went.pool")));
            }
            for (MyGift.Went w : g.went()) {
                html.append("<div>").append(escape(where(w))).append(": ");
                html.append(escape(w.allocated().formatted().replace(" ₫", " đồng")))
                        .append("</div>");
            }
            html.append("</td><td class=\"num\">")
                    .append(escape(g.delivered().formatted().replace(" ₫", " đồng")))
                    .append("<br/>")
                    .append(escape(m("donor.portal.children", g.childrenCount())))
                    .append("</td></tr>");
        }
        html.append("</tbody></table>");
        html.append("<table style=\"margin-top: 10pt; width: 60%;\" class=\"totals\">")
                .append(row(
                        "donor.portal.total.received", s.received().formatted().replace(" ₫", " đồng")))
                .append(row(
                        "donor.portal.total.allocated",
                        s.allocated().formatted().replace(" ₫", " đồng")))
                .append(row(
                        "donor.portal.total.delivered",
                        s.delivered().formatted().replace(" ₫", " đồng")))
                .append(row("donor.portal.total.children", Integer.toString(s.childrenCount())))
                .append("</table>");
        html.append("<p style=\"margin-top: 12pt; font-style: italic;\">")
                .append(escape(m("donor.portal.statement.note")))
                .append("</p></body></html>");
        return html.toString();
    }

    private String row(String key, String value) {
        return "<tr><td>" + escape(m(key)) + "</td><td class=\"num\">" + escape(value) + "</td></tr>";
    }

    private String where(MyGift.Went w) {
        StringBuilder out = new StringBuilder();
        if (w.villageName() != null) {
            out.append(w.villageName()).append(", ");
        }
        if (w.communeName() != null) {
            out.append(w.communeName());
        }
        if (w.categoryName() != null) {
            if (!out.isEmpty()) {
                out.append(" — ");
            }
            out.append(w.categoryName());
        }
        return out.toString();
    }

    private String m(String key, Object... args) {
        return messages.getMessage(key, args, key, VI);
    }
}
