package vn.chungtay.supervision;

import java.time.Instant;
import java.time.LocalDate;

/** A visit of a plan to one supervised unit, with its findings. */
public record VisitView(
        long id,
        PlanId planId,
        String unitCode,
        LocalDate date,
        String members,
        String findings,
        String recordedBy,
        Instant recordedAt) {}
