package vn.chungtay.reporting;

/**
 * One figure of a report: what the records give ({@code computed}) and, if the officer changed it,
 * the value reported instead with the note that explains it. {@code provided} is false when no
 * module provides the indicator yet ("chưa có dữ liệu").
 */
public record FigureView(IndicatorDefinition definition, long computed, Long adjusted, String note, boolean provided) {

    /** The value the report states. */
    public long value() {
        return adjusted == null ? computed : adjusted;
    }

    public boolean isAdjusted() {
        return adjusted != null;
    }

    public String code() {
        return definition.code();
    }
}
