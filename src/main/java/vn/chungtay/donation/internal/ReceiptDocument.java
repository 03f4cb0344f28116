package vn.chungtay.donation.internal;

import static vn.chungtay.shared.document.PdfDocuments.escape;

import java.time.LocalDate;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import vn.chungtay.donation.GiftView;
import vn.chungtay.organisation.OrgUnitView;
import vn.chungtay.organisation.OrganisationManagement;
import vn.chungtay.shared.document.PdfDocuments;
import vn.chungtay.shared.money.VndInWords;

/**
 * A gift's receipt (biên nhận) as an A5 PDF in Vietnamese, shaped like an administrative document:
 * the issuing committee and the national motto at the top, the number, place and date, the donor,
 * the amount in figures and in words, goods in kind, the earmark and the signatures.
 */
@Component
public class ReceiptDocument {

    private static final Locale VI = Locale.forLanguageTag("vi");

    private final MessageSource messages;
    private final OrganisationManagement organisation;

    ReceiptDocument(MessageSource messages, OrganisationManagement organisation) {
        this.messages = messages;
        this.organisation = organisation;
    }

    public byte[] render(GiftView gift, String campaignName) {
        return PdfDocuments.render(xhtml(gift, campaignName));
    }

    String xhtml(GiftView gift, String campaignName) {
        OrgUnitView unit = organisation
                .find(gift.receivingUnitCode(), gift.receivedOn())
                .or(() -> organisation.find(gift.receivingUnitCode(), organisation.today()))
                .orElse(null);
        String unitName = unit == null ? gift.receivingUnitCode() : unit.fullName();
        String place = unit == null ? "" : unit.name();
        StringBuilder html = new StringBuilder();
        html.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\"><head>")
                .append("<meta charset=\"UTF-8\"/><title>")
                .append(escape(m("donation.receipt.title")))
                .append("</title><style>")
                .append("@page { size: A5; margin: 14mm 12mm 14mm 18mm; }")
                .append("body { font-family: 'Times New Roman', serif; font-size: 11.5pt; line-height: 1.35; }")
                .append("table.head { width: 100%; border-collapse: collapse; }")
                .append("table.head td { vertical-align: top; text-align: center; font-size: 10pt; }")
                .append(
                        ".upper { text-transform: uppercase; } .bold { font-weight: bold; } .italic { font-style: italic; }")
                .append("h1 { text-align: center; font-size: 14pt; margin: 10pt 0 2pt 0; }")
                .append("p.center { text-align: center; margin: 0; }")
                .append("table.fields { width: 100%; margin-top: 8pt; border-collapse: collapse; }")
                .append("table.fields td { padding: 2pt 0; vertical-align: top; }")
                .append("table.fields td.label { width: 34%; }")
                .append("table.items { width: 100%; border-collapse: collapse; margin-top: 4pt; font-size: 10pt; }")
                .append("table.items th, table.items td { border: 0.5pt solid #000; padding: 2pt 3pt; }")
                .append("table.sign { width: 100%; margin-top: 16pt; text-align: center; }")
                .append(
                        ".void { color: #a00; font-weight: bold; text-align: center; border: 1pt solid #a00; padding: 3pt; }")
                .append("</style></head><body>");
        html.append("<table class=\"head\"><tr><td style=\"width: 45%;\"><div class=\"upper\">")
                .append(escape(m("donation.receipt.committee")))
                .append("</div><div class=\"upper bold\">")
                .append(escape(unitName))
                .append("</div><div>")
                .append(escape(m("donation.receipt.number", gift.receiptNumber())))
                .append("</div></td><td><div class=\"upper bold\">")
                .append(escape(m("donation.receipt.republic")))
                .append("</div><div class=\"bold\">")
                .append(escape(m("donation.receipt.motto")))
                .append("</div><div class=\"italic\">")
                .append(escape(placeAndDate(place, gift.receivedOn())))
                .append("</div></td></tr></table>");
        html.append("<h1 class=\"upper\">")
                .append(escape(m("donation.receipt.heading")))
                .append("</h1>");
        html.append("<p class=\"center italic\">")
                .append(escape(m("donation.receipt.campaign", campaignName)))
                .append("</p>");
        if (gift.reversed()) {
            html.append("<p class=\"void\">")
                    .append(escape(m("donation.receipt.reversed", gift.reverseReason())))
                    .append("</p>");
        }
        html.append("<table class=\"fields\">");
        row(html, m("donation.receipt.donor"), gift.donorName());
        row(
                html,
                m("donation.receipt.donorKind"),
                m("donation.donorKind." + gift.donorKind()) + ", "
                        + m(gift.donorDomestic() ? "donation.domestic" : "donation.foreign"));
        row(
                html,
                m("donation.receipt.channel"),
                m("donation.channel." + gift.channel().name()));
        row(
                html,
                m("donation.receipt.date"),
                gift.receivedOn().format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")));
        String figures = m("donation.receipt.dong", gift.amount().formatted().replace(" ₫", ""));
        row(html, m(gift.channel().inKind() ? "donation.receipt.value" : "donation.receipt.amount"), figures);
        row(html, m("donation.receipt.inWords"), VndInWords.of(gift.amount()));
        if (gift.needId() != null) {
            row(html, m("donation.receipt.earmark"), m("donation.receipt.earmarkNeed", Long.toString(gift.needId())));
        } else if (gift.earmarkCommuneCode() != null || gift.earmarkCategoryCode() != null) {
            String commune = gift.earmarkCommuneCode() == null
                    ? ""
                    : organisation
                            .find(gift.earmarkCommuneCode(), organisation.today())
                            .map(OrgUnitView::fullName)
                            .orElse(gift.earmarkCommuneCode());
            String category = gift.earmarkCategoryCode() == null ? "" : gift.earmarkCategoryCode();
            row(html, m("donation.receipt.earmark"), (commune + " " + category).strip());
        }
        if (gift.message() != null) {
            row(html, m("donation.receipt.message"), gift.message());
        }
        html.append("</table>");
        if (!gift.items().isEmpty()) {
            html.append("<table class=\"items\"><tr><th>")
                    .append(escape(m("donation.item.name")))
                    .append("</th><th>")
                    .append(escape(m("donation.item.quantity")))
                    .append("</th><th>")
                    .append(escape(m("donation.item.unit")))
                    .append("</th><th>")
                    .append(escape(m("donation.item.value")))
                    .append("</th><th>")
                    .append(escape(m("donation.item.condition")))
                    .append("</th></tr>");
            for (GiftView.Item item : gift.items()) {
                String condition = item.condition() == null ? "" : item.condition();
                if (item.expiresOn() != null) {
                    condition = (condition + " "
                                    + m(
                                            "donation.receipt.expires",
                                            item.expiresOn()
                                                    .format(java.time.format.DateTimeFormatter.ofPattern(
                                                            "dd/MM/yyyy"))))
                            .strip();
                }
                html.append("<tr><td>")
                        .append(escape(item.name()))
                        .append("</td><td style=\"text-align: right;\">")
                        .append(item.quantity())
                        .append("</td><td>")
                        .append(escape(item.unit()))
                        .append("</td><td style=\"text-align: right;\">")
                        .append(escape(item.value().formatted().replace(" ₫", "")))
                        .append("</td><td>")
                        .append(escape(condition))
                        .append("</td></tr>");
            }
            html.append("</table>");
        }
        html.append("<table class=\"sign\"><tr><td class=\"bold\">")
                .append(escape(m("donation.receipt.giver")))
                .append("</td><td class=\"bold\">")
                .append(escape(m("donation.receipt.receiver")))
                .append("</td></tr><tr><td class=\"italic\">")
                .append(escape(m("donation.receipt.signHint")))
                .append("</td><td class=\"italic\">")
                .append(escape(m("donation.receipt.signHint")))
                .append("</td></tr><tr><td style=\"padding-top: 36pt;\">")
                .append(escape(gift.donorName()))
                .append("</td><td style=\"padding-top: 36pt;\">")
                .append(escape(gift.receivedBy()))
                .append("</td></tr></table>");
        html.append("</body></html>");
        return html.toString();
    }

    private void row(StringBuilder html, String label, String value) {
        html.append("<tr><td class=\"label\">")
                .append(escape(label))
                .append("</td><td class=\"bold\">")
                .append(escape(value))
                .append("</td></tr>");
    }

    private String placeAndDate(String place, LocalDate day) {
        String date = m(
                "donation.receipt.dateLine",
                String.format("%02d", day.getDayOfMonth()),
                String.format("%02d", day.getMonthValue()),
                Integer.toString(day.getYear()));
        return place.isEmpty() ? date : place + ", " + date;
    }

    private String m(String key, Object... args) {
        return messages.getMessage(key, args, key, VI);
    }
}
