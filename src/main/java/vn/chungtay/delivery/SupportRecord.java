package vn.chungtay.delivery;

import java.time.LocalDate;
import vn.chungtay.shared.money.Vnd;

/**
 * One support a child received: the delivery, its need's category, season and year, the day, the
 * campaign it came from, the commune that handed it over and what the child received.
 */
public record SupportRecord(
        long deliveryId,
        long childId,
        long needId,
        String categoryCode,
        int year,
        String season,
        LocalDate date,
        long campaignId,
        String communeCode,
        String received,
        Vnd amount) {}
