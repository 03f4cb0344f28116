package vn.chungtay.organisation;

import java.util.List;

/** A unit on a date with where it came from and what it became (following chains to today). */
public record OrgUnitDetails(
        OrgUnitView unit, List<OrgUnitView> ancestors, List<Succession> predecessors, List<Succession> successors) {}
