package vn.chungtay.supervision;

/**
 * A recommendation as typed: the visit it came from (optional), the responsible unit (a supervised
 * unit of the plan or a village of one), what must be done and by when ({@code YYYY-MM-DD}).
 */
public record RecommendationForm(String visitId, String responsibleUnit, String content, String dueDate) {}
