package vn.chungtay.supervision;

/** A supervision visit as typed: the supervised unit visited, the date ({@code YYYY-MM-DD}), who went and the findings. */
public record VisitForm(String unitCode, String date, String members, String findings) {}
