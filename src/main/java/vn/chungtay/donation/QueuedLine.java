package vn.chungtay.donation;

import java.time.LocalDate;
import vn.chungtay.shared.money.Vnd;

/** A statement line waiting for an officer: no payment code, or one that named nothing receivable. */
public record QueuedLine(
        long id,
        long importId,
        long campaignId,
        String unitCode,
        String accountNumber,
        LocalDate bookedOn,
        String bookedTime,
        Vnd amount,
        String reference,
        String message,
        String counterparty,
        String note) {}
