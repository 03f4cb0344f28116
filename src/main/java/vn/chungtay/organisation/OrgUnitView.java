package vn.chungtay.organisation;

import java.time.LocalDate;

/** An org unit as it was on some date: one version of a code. */
public record OrgUnitView(
        long id,
        String code,
        String name,
        String fullName,
        String type,
        int level,
        String parentCode,
        LocalDate validFrom,
        LocalDate validTo) {

    public boolean isValidOn(LocalDate date) {
        return (validFrom == null || !validFrom.isAfter(date)) && (validTo == null || !validTo.isBefore(date));
    }

    public boolean isVillage() {
        return UnitTypes.isVillageType(type);
    }

    public boolean isCommune() {
        return UnitTypes.isCommuneType(type);
    }
}
