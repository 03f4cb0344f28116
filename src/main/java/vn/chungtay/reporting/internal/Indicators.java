package vn.chungtay.reporting.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import vn.chungtay.reporting.FigureScope;
import vn.chungtay.reporting.FigureView;
import vn.chungtay.reporting.IndicatorDefinition;
import vn.chungtay.reporting.IndicatorProvider;
import vn.chungtay.reporting.IndicatorUnit;
import vn.chungtay.reporting.TemplateView;

/**
 * Every {@link IndicatorProvider} bean of the application: their indicators in report order (by
 * group, then the provider's order) and their figures for a scope. An indicator a template names
 * that no module provides yet is shown as "no data yet"; a provider that fails is logged and its
 * indicators are shown the same way, so one module's fault never blocks a report.
 */
@Component
public class Indicators {

    /** The groups in the order reports show them; providers use these message keys. */
    public static final List<String> GROUPS = List.of(
            "reporting.group.mobilised",
            "reporting.group.donors",
            "reporting.group.children",
            "reporting.group.needs",
            "reporting.group.outreach",
            "reporting.group.supervision",
            "reporting.group.commendation",
            "reporting.group.other");

    static final String NO_PROVIDER_LABEL = "reporting.indicator.noProvider";
    private static final Logger log = LoggerFactory.getLogger(Indicators.class);

    private final ObjectProvider<IndicatorProvider> providers;

    Indicators(ObjectProvider<IndicatorProvider> providers) {
        this.providers = providers;
    }

    /** Every indicator provided, in report order. */
    public List<IndicatorDefinition> all() {
        Map<String, IndicatorDefinition> found = new LinkedHashMap<>();
        providers.orderedStream().forEach(p -> p.indicators().forEach(d -> found.putIfAbsent(d.code(), d)));
        List<IndicatorDefinition> list = new ArrayList<>(found.values());
        list.sort(ORDER);
        return list;
    }

    /** A template's indicators: those it names, in its order, or every indicator provided. */
    public List<IndicatorDefinition> of(TemplateView template) {
        if (template.indicatorCodes().isEmpty()) {
            return all();
        }
        Map<String, IndicatorDefinition> known = new LinkedHashMap<>();
        all().forEach(d -> known.put(d.code(), d));
        List<IndicatorDefinition> list = new ArrayList<>();
        int order = 0;
        for (String code : template.indicatorCodes()) {
            IndicatorDefinition d = known.get(code);
            list.add(d != null ? d : unknown(code, ++order));
        }
        return list;
    }

    public boolean isProvided(String code) {
        return all().stream().anyMatch(d -> d.code().equals(code));
    }

    /** The template's figures for a scope, straight from the records. */
    public List<FigureView> compute(TemplateView template, FigureScope scope) {
        List<IndicatorDefinition> wanted = of(template);
        Set<String> codes = new java.util.HashSet<>();
        wanted.forEach(d -> codes.add(d.code()));
        Map<String, Long> values = new java.util.HashMap<>();
        Set<String> provided = new java.util.HashSet<>();
        providers.orderedStream().forEach(provider -> {
            List<String> mine = provider.indicators().stream()
                    .map(IndicatorDefinition::code)
                    .filter(codes::contains)
                    .filter(c -> !provided.contains(c))
                    .toList();
            if (mine.isEmpty()) {
                return;
            }
            try {
                Map<String, Long> figures = provider.figures(scope);
                for (String code : mine) {
                    Long value = figures.get(code);
                    values.put(code, value == null ? 0L : Math.max(0L, value));
                    provided.add(code);
                }
            } catch (RuntimeException e) {
                log.error(
                        "Indicator provider {} failed for {}: {}",
                        provider.getClass().getSimpleName(),
                        scope.unitCode(),
                        e.toString());
            }
        });
        return wanted.stream()
                .map(d -> new FigureView(d, values.getOrDefault(d.code(), 0L), null, null, provided.contains(d.code())))
                .toList();
    }

    static IndicatorDefinition unknown(String code, int order) {
        return new IndicatorDefinition(
                code, NO_PROVIDER_LABEL, IndicatorUnit.COUNT, GROUPS.get(GROUPS.size() - 1), order, true);
    }

    static final Comparator<IndicatorDefinition> ORDER = Comparator.comparingInt((IndicatorDefinition d) ->
                    GROUPS.contains(d.groupKey()) ? GROUPS.indexOf(d.groupKey()) : GROUPS.size())
            .thenComparing(IndicatorDefinition::groupKey)
            .thenComparingInt(IndicatorDefinition::order)
            .thenComparing(IndicatorDefinition::code);
}
