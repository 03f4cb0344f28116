package vn.chungtay.notification;

/** Where an outbox row stands: waiting (maybe after failed attempts), delivered to the SMTP server, or given up. */
public enum MailStatus {
    PENDING,
    SENT,
    FAILED
}
