package vn.chungtay.commendation;

/** A rule as an officer enters it (text values as posted; checked by {@link CommendationManagement}). */
public record RuleForm(
        String unitCode,
        Integer year,
        String level,
        String form,
        String donorGroup,
        String origin,
        Long thresholdDong,
        String basis) {}
