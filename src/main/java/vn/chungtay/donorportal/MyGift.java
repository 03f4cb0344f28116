package vn.chungtay.donorportal;

import java.time.LocalDate;
import java.util.List;
import vn.chungtay.shared.money.Vnd;

/**
 * One of the signed-in donor's gifts as they see it: when, for which campaign, the amount (and the
 * goods of a gift in kind), the receipt number, whether it was reversed, and where it went — place
 * and category names, amounts allocated and delivered and how many children; never who they are.
 */
public record MyGift(
        long id,
        LocalDate receivedOn,
        String campaignName,
        String channel,
        Vnd amount,
        List<String> items,
        String receiptNumber,
        boolean reversed,
        String reverseReason,
        List<Went> went) {

    /** Part of the gift allocated to a place and category, and how much of it was delivered. */
    public record Went(
            LocalDate date,
            String communeName,
            String villageName,
            String categoryName,
            Vnd allocated,
            Vnd delivered,
            int childrenCount) {}

    public MyGift {
        items = List.copyOf(items);
        went = List.copyOf(went);
    }

    public Vnd allocated() {
        return went.stream().map(Went::allocated).reduce(Vnd.ZERO, Vnd::plus);
    }

    public Vnd delivered() {
        return went.stream().map(Went::delivered).reduce(Vnd.ZERO, Vnd::plus);
    }

    public int childrenCount() {
        return went.stream().mapToInt(Went::childrenCount).sum();
    }
}
