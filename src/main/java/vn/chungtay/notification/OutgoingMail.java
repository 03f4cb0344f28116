package vn.chungtay.notification;

/** One e-mail to write to the outbox: a single recipient, a subject, and the HTML and plain-text bodies. */
public record OutgoingMail(String recipient, String subject, String html, String text) {

    public OutgoingMail {
        if (recipient == null || recipient.isBlank() || recipient.length() > 254) {
            throw new IllegalArgumentException("recipient required (at most 254 characters)");
        }
        if (subject == null || subject.isBlank()) {
            throw new IllegalArgumentException("subject required");
        }
        if (html == null || text == null) {
            throw new IllegalArgumentException("both bodies required");
        }
        recipient = recipient.trim();
        subject = subject.length() > 300 ? subject.substring(0, 300) : subject;
    }
}
