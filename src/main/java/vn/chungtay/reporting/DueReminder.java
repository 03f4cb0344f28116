package vn.chungtay.reporting;

/** A reminder due to a unit that has not submitted: which period, unit and kind, and the letter to send. */
public record DueReminder(PeriodId periodId, String unitCode, ReminderKind kind, ReportLetter letter) {}
