package vn.chungtay.reporting;

import java.util.List;
import java.util.Map;

/**
 * A module's contribution to the annual report, as a Spring bean in that module: the indicators
 * it knows and their values for a scope, computed from its own records (read-only, no personal
 * data). Reporting calls every provider when it fills a draft; values are snapshotted on submit.
 */
public interface IndicatorProvider {

    List<IndicatorDefinition> indicators();

    /** Value per indicator code; indicators left out count as zero. */
    Map<String, Long> figures(FigureScope scope);
}
