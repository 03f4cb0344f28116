package vn.chungtay.reporting;

import java.util.List;

/**
 * An e-mail reporting wants sent (a submitted report to the level above, a reminder), ready for
 * the mail outbox: one recipient, both bodies, the attached files.
 */
public record ReportLetter(String to, String subject, String html, String text, List<File> files) {

    public ReportLetter {
        files = files == null ? List.of() : List.copyOf(files);
    }

    /** An attached document. */
    public record File(String name, String contentType, byte[] content) {}
}
