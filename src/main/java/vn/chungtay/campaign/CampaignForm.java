package vn.chungtay.campaign;

import java.time.LocalDate;
import java.util.List;

/** What an officer enters to open a campaign; the target in whole đồng. */
public record CampaignForm(
        String name,
        String unitCode,
        LocalDate receivingFrom,
        LocalDate receivingTo,
        Long targetDong,
        Integer planYear,
        List<BankAccount> accounts,
        List<Long> needIds) {

    public CampaignForm {
        accounts = accounts == null ? List.of() : List.copyOf(accounts);
        needIds = needIds == null ? List.of() : List.copyOf(needIds);
    }
}
