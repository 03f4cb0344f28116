package vn.chungtay.reporting;

import java.time.Instant;

/** Where a unit receives reports and reminders by e-mail. */
public record UnitAddress(String unitCode, String unitName, String email, String updatedBy, Instant updatedAt) {}
