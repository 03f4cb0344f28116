package vn.chungtay.supervision;

import java.util.List;

/**
 * A supervision plan as typed: the subject (what), the supervising unit and its members (who),
 * the supervised units (where: units within the supervising one, codes separated by commas) and
 * the planned dates (when, {@code YYYY-MM-DD}).
 */
public record PlanForm(
        String subject,
        String supervisingUnit,
        List<String> supervisedUnits,
        String plannedFrom,
        String plannedTo,
        String members,
        String notes) {

    public PlanForm {
        supervisedUnits = supervisedUnits == null
                ? List.of()
                : supervisedUnits.stream()
                        .filter(u -> u != null)
                        .flatMap(u -> java.util.Arrays.stream(u.split("[,;\\s]+")))
                        .filter(u -> !u.isBlank())
                        .toList();
    }

    public static PlanForm empty(String supervisingUnit) {
        return new PlanForm("", supervisingUnit, List.of(), "", "", "", "");
    }
}
