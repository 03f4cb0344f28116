package vn.chungtay.campaign;

import java.time.LocalDate;
import java.util.List;
import vn.chungtay.shared.money.Vnd;

/**
 * A campaign as other modules see it. {@code code} is the payment code donors write in a transfer
 * ({@code CT1001}); a need's code adds the commune and the need ({@code CT24640N123}).
 */
public record Campaign(
        CampaignId id,
        String code,
        String name,
        String unitCode,
        LocalDate receivingFrom,
        LocalDate receivingTo,
        Vnd target,
        List<BankAccount> accounts,
        Integer planYear,
        List<Long> needIds) {

    public Campaign {
        accounts = List.copyOf(accounts);
        needIds = List.copyOf(needIds);
    }

    /** Whether gifts dated on this day belong to the receiving window. */
    public boolean receivesOn(LocalDate day) {
        return !day.isBefore(receivingFrom) && !day.isAfter(receivingTo);
    }

    public static String codeOf(CampaignId id) {
        return "CT" + id.value();
    }
}
