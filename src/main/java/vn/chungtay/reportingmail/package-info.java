/**
 * The e-mails of reporting, handed to the stored outbox: a submitted report (DOCX and PDF) to the
 * level above, and the reminders before and after the due date. A module of its own because
 * reporting cannot depend on notification (notification uses needs, needs provide figures to
 * reporting): this one depends on both, nothing depends on it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Reporting e-mail")
package vn.chungtay.reportingmail;
