package vn.chungtay.need.internal;

import java.time.LocalDate;
import vn.chungtay.need.NeedTarget;
import vn.chungtay.need.Priority;
import vn.chungtay.shared.money.Vnd;

/**
 * A need's checked content, as the service assembled it from a form: where it lies (unit, commune,
 * province and their folded names for search) and what it asks for.
 */
public record NeedDetails(
        NeedTarget target,
        Long childId,
        String unitCode,
        String communeCode,
        String provinceCode,
        String schoolName,
        String categoryCode,
        String description,
        int quantity,
        String unit,
        Vnd unitCost,
        int year,
        String season,
        LocalDate neededBy,
        Priority priority,
        int childrenServed,
        String villageFolded,
        String communeFolded) {}
