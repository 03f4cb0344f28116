package vn.chungtay.reporting;

import java.util.Optional;
import vn.chungtay.organisation.OrgUnitView;
import vn.chungtay.organisation.UnitTypes;

/**
 * A reporting level, from the unit's type (level numbers changed with the 2025 reform: a commune
 * was level 3 under a district, it is level 2 under the province now).
 */
public enum ReportLevel {
    COMMUNE,
    DISTRICT,
    PROVINCE;

    public static Optional<ReportLevel> of(OrgUnitView unit) {
        if (UnitTypes.isCommuneType(unit.type())) {
            return Optional.of(COMMUNE);
        }
        if (UnitTypes.DISTRICT_TYPES.contains(unit.type())) {
            return Optional.of(DISTRICT);
        }
        if (UnitTypes.PROVINCE_TYPES.contains(unit.type())) {
            return Optional.of(PROVINCE);
        }
        return Optional.empty();
    }
}
