package vn.chungtay.commendation;

import vn.chungtay.shared.money.Vnd;

/**
 * A rule of a year: donors of a group and origin whose value (delivered or received) in the
 * proposal's period reaches the threshold are proposed for the form, by units of the level. A rule
 * belongs to a unit (a province's own rules, which apply to it and the units under it) or is
 * national ({@code unitCode} null) for units whose province set none.
 */
public record CommendationRule(
        long id,
        String unitCode,
        int year,
        ProposingLevel level,
        CommendationForm form,
        DonorGroup donorGroup,
        DonorOrigin origin,
        Vnd threshold,
        ValueBasis basis,
        boolean active) {}
