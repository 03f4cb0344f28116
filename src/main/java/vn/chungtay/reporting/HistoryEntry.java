package vn.chungtay.reporting;

import java.time.Instant;

/** One step of a report's history: opened, submitted, returned (with the comment), accepted, reopened. */
public record HistoryEntry(Instant at, String actor, String action, String comment) {}
