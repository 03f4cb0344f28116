package vn.chungtay.reporting;

/**
 * One figure of the report: a stable code ({@code donation.cash}), the message key of its label
 * (vi and en), what it counts, the group it is shown under ({@code reporting.group.mobilised}) and
 * its order in the report. {@code summable} is false for figures that cannot be added across units.
 */
public record IndicatorDefinition(
        String code, String labelKey, IndicatorUnit unit, String groupKey, int order, boolean summable) {

    public IndicatorDefinition {
        if (code == null || !code.matches("[a-z][a-z0-9_]*(\\.[a-z0-9_]+)+")) {
            throw new IllegalArgumentException("An indicator code is dotted lower case: " + code);
        }
    }
}
