package vn.chungtay.ledger.web;

import java.util.Comparator;
import java.util.List;
import org.springframework.ui.Model;
import vn.chungtay.ledger.LedgerBalance;
import vn.chungtay.shared.money.Vnd;

/**
 * The balances a ledger page lists: the accounts that hold something, the largest first, at most
 * {@link #SHOWN}; the others are counted with their total ({@code balancesMore},
 * {@code balancesMoreDong}). A province's campaign has thousands of need accounts (8,650 for Đắk
 * Lắk's in the synthetic country); every entry stays in the CSV.
 */
final class BalanceSummary {

    static final int SHOWN = 50;

    private BalanceSummary() {}

    /** Puts the summary into the model and returns the balances shown (for their labels). */
    static List<LedgerBalance> addTo(Model model, List<LedgerBalance> all) {
        List<LedgerBalance> holding = all.stream()
                .filter(b -> b.amount().dong() != 0 || b.quantity() != 0)
                .sorted(Comparator.comparingLong(
                        (LedgerBalance b) -> -b.amount().dong()))
                .toList();
        List<LedgerBalance> shown = holding.stream().limit(SHOWN).toList();
        model.addAttribute("balances", shown);
        model.addAttribute("balancesMore", holding.size() - shown.size());
        model.addAttribute(
                "balancesMoreDong",
                Vnd.of(holding.stream()
                                .skip(SHOWN)
                                .mapToLong(b -> b.amount().dong())
                                .sum())
                        .formatted());
        return shown;
    }
}
