package vn.chungtay.donorportal;

import java.util.List;
import vn.chungtay.shared.money.Vnd;

/** A donor's gifts of one year (reversed gifts left out) with the totals received, allocated and delivered. */
public record YearStatement(
        int year, String donorName, String donorEmail, List<MyGift> gifts, Vnd received, Vnd allocated, Vnd delivered) {

    public YearStatement {
        gifts = List.copyOf(gifts);
    }

    public int childrenCount() {
        return gifts.stream().mapToInt(MyGift::childrenCount).sum();
    }
}
