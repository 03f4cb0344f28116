package vn.chungtay.donation.internal;

import static vn.chungtay.shared.document.PdfDocuments.escape;

import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import vn.chungtay.donation.GiftView;
import vn.chungtay.notification.MailOutbox;
import vn.chungtay.notification.OutgoingMail;

/** Thank-you mails and receipts, written to the stored outbox in the gift's transaction (Vietnamese). */
@Component
public class DonationMails {

    private static final Locale VI = Locale.forLanguageTag("vi");

    private final MailOutbox outbox;
    private final MessageSource messages;

    DonationMails(MailOutbox outbox, MessageSource messages) {
        this.outbox = outbox;
        this.messages = messages;
    }

    /** Thanks a donor for a gift. */
    public long thankYou(GiftView gift, String campaignName) {
        String subject = m("donation.mail.thanks.subject", campaignName);
        String text = m("donation.mail.thanks.greeting", gift.donorName()) + "\n\n"
                + m("donation.mail.thanks.body", gift.amount().formatted(), campaignName, gift.receiptNumber()) + "\n\n"
                + m("donation.mail.signature");
        return outbox.enqueue(new OutgoingMail(gift.donorEmail(), subject, html(text), text));
    }

    /** Sends a gift's receipt as a PDF attachment. */
    public long receipt(GiftView gift, String campaignName, String to, byte[] pdf) {
        String subject = m("donation.mail.receipt.subject", gift.receiptNumber());
        String text = m("donation.mail.thanks.greeting", gift.donorName()) + "\n\n"
                + m("donation.mail.receipt.body", gift.receiptNumber(), campaignName) + "\n\n"
                + m("donation.mail.signature");
        String file = "bien-nhan-" + gift.receiptNumber().replaceAll("[^A-Za-z0-9]+", "-") + ".pdf";
        return outbox.enqueue(new OutgoingMail(
                to, subject, html(text), text, List.of(new OutgoingMail.Attachment(file, "application/pdf", pdf))));
    }

    private static String html(String text) {
        StringBuilder out =
                new StringBuilder("<!DOCTYPE html><html lang=\"vi\"><body style=\"font-family: sans-serif\">");
        for (String paragraph : text.split("\n\n")) {
            out.append("<p>").append(escape(paragraph).replace("\n", "<br>")).append("</p>");
        }
        return out.append("</body></html>").toString();
    }

    private String m(String key, Object... args) {
        return messages.getMessage(key, args, key, VI);
    }
}
