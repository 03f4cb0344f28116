package vn.chungtay.child;

/** A workbook imported whole: how many children, how many of them drafts (no consent in the row). */
public record ImportResult(int imported, int drafts) {}
