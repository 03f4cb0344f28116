package vn.chungtay.notification;

import java.util.List;

/**
 * One e-mail to write to the outbox: a single recipient, a subject, the HTML and plain-text bodies
 * and any attachments (a receipt PDF, a report's DOCX and PDF).
 */
public record OutgoingMail(String recipient, String subject, String html, String text, List<Attachment> attachments) {

    /** A file sent with the mail. */
    public record Attachment(String filename, String contentType, byte[] content) {
        public Attachment {
            if (filename == null || filename.isBlank() || filename.length() > 200) {
                throw new IllegalArgumentException("attachment file name required (at most 200 characters)");
            }
            if (contentType == null || contentType.isBlank() || content == null) {
                throw new IllegalArgumentException("attachment content type and content required");
            }
        }
    }

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
        // a header is one line: a line break typed into a campaign or period name must not start another header
        subject = subject.replaceAll("[\\r\\n\\t\\u0000-\\u001F\\u007F\\u2028\\u2029]+", " ")
                .strip();
        subject = subject.length() > 300 ? subject.substring(0, 300) : subject;
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    public OutgoingMail(String recipient, String subject, String html, String text) {
        this(recipient, subject, html, text, List.of());
    }
}
