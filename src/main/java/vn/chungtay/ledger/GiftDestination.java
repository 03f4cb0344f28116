package vn.chungtay.ledger;

import java.time.LocalDate;
import vn.chungtay.shared.money.Vnd;

/**
 * Where part of one gift went (the ledger follows money first in, first out): allocated to a
 * commune / village / category / need, and how much of it was delivered, to how many children.
 */
public record GiftDestination(
        LocalDate date,
        String communeCode,
        String villageCode,
        String categoryCode,
        Long needId,
        Vnd allocated,
        Vnd delivered,
        int childrenCount) {}
