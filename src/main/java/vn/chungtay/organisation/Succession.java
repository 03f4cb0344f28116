package vn.chungtay.organisation;

import java.time.LocalDate;

/**
 * A link in the history: for a predecessor, {@code date} is the last day it was valid; for a
 * successor, the first day. {@code partial} when only part of the old unit went to the new one.
 */
public record Succession(String code, String name, LocalDate date, boolean partial) {}
