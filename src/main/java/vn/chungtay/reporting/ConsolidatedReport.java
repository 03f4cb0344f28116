package vn.chungtay.reporting;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the level above sees for a period: every summable indicator summed over the ACCEPTED
 * reports of the units below, a row per unit (per province for the whole country), completeness
 * and timeliness, and the units' narratives. When the period's units are not today's ({@code
 * acrossReform}), each row also names the unit it belongs to today ({@code placeCode}); an old
 * unit split over several of today's units is {@code partial}: shown under each, counted once,
 * under the first.
 */
public record ConsolidatedReport(
        PeriodView period,
        String unitCode,
        String unitName,
        boolean acrossReform,
        List<IndicatorDefinition> indicators,
        Map<String, Long> totals,
        List<Row> rows,
        Completeness completeness,
        List<Narrative> narratives,
        LocalDate asOf) {

    public ConsolidatedReport {
        indicators = List.copyOf(indicators);
        totals = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(totals));
        rows = List.copyOf(rows);
        narratives = List.copyOf(narratives);
    }

    /** A unit below (or, nationally, a province with its own completeness and totals). */
    public record Row(
            String code,
            String name,
            String placeCode,
            String placeName,
            List<Place> places,
            ReportId reportId,
            ReportStatus status,
            Timeliness timeliness,
            Instant submittedAt,
            Map<String, Long> figures,
            boolean counted,
            boolean partial,
            Completeness completeness) {

        public Row {
            places = List.copyOf(places);
            figures = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(figures));
        }

        public boolean hasFigures() {
            return !figures.isEmpty();
        }
    }

    /** One of today's units an old unit went to. */
    public record Place(String code, String name) {}

    /** How many units were expected, submitted (on time or late), accepted, and have not submitted yet. */
    public record Completeness(int expected, int submitted, int accepted, int onTime, int late, int notYet) {

        public static final Completeness NONE = new Completeness(0, 0, 0, 0, 0, 0);

        public static Completeness of(Timeliness timeliness, boolean accepted) {
            return new Completeness(
                    1,
                    timeliness == Timeliness.NOT_YET ? 0 : 1,
                    accepted ? 1 : 0,
                    timeliness == Timeliness.ON_TIME ? 1 : 0,
                    timeliness == Timeliness.LATE ? 1 : 0,
                    timeliness == Timeliness.NOT_YET ? 1 : 0);
        }

        public Completeness plus(Completeness other) {
            return new Completeness(
                    expected + other.expected,
                    submitted + other.submitted,
                    accepted + other.accepted,
                    onTime + other.onTime,
                    late + other.late,
                    notYet + other.notYet);
        }

        /** Whole percent of the expected units that submitted. */
        public int percentSubmitted() {
            return expected == 0 ? 0 : (int) (100L * submitted / expected);
        }
    }

    /** A narrative section of one unit's report. */
    public record Narrative(String unitCode, String unitName, String section, String text) {}

    /** Today's unit with the period's units that are shown under it, and their accepted sum. */
    public record PlaceGroup(String code, String name, List<Row> rows, Map<String, Long> totals) {}

    /** The rows under today's units (for a period before a reorganisation); a split unit appears under each. */
    public List<PlaceGroup> byPlace() {
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, List<Row>> groups = new LinkedHashMap<>();
        for (Row row : rows) {
            List<Place> places =
                    row.places().isEmpty() ? List.of(new Place(row.placeCode(), row.placeName())) : row.places();
            for (Place place : places) {
                names.putIfAbsent(place.code(), place.name());
                groups.computeIfAbsent(place.code(), k -> new ArrayList<>()).add(row);
            }
        }
        List<PlaceGroup> result = new ArrayList<>();
        groups.forEach((code, list) -> {
            Map<String, Long> sums = new LinkedHashMap<>();
            for (Row row : list) {
                if (row.counted() && code.equals(row.placeCode())) {
                    row.figures().forEach((k, v) -> sums.merge(k, v, Long::sum));
                }
            }
            Map<String, Long> summable = new LinkedHashMap<>();
            for (IndicatorDefinition d : indicators) {
                if (d.summable()) {
                    summable.put(d.code(), sums.getOrDefault(d.code(), 0L));
                }
            }
            result.add(new PlaceGroup(code, names.get(code), list, summable));
        });
        result.sort(java.util.Comparator.comparing(
                PlaceGroup::name, java.text.Collator.getInstance(java.util.Locale.forLanguageTag("vi"))));
        return result;
    }

    public boolean isNational() {
        return unitCode == null;
    }
}
