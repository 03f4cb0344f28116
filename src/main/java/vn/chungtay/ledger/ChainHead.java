package vn.chungtay.ledger;

import java.time.LocalDate;

/** The head of a campaign's hash chain on a day: how many entries, and the last entry's hash (64 hex digits). */
public record ChainHead(long campaignId, LocalDate date, long count, String headHash) {}
