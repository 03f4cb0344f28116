package vn.chungtay.delivery;

import java.util.List;

/**
 * What an officer enters for a distribution (page and API). Numbers are text as typed ({@code
 * 1.500.000}); {@code amount} is money handed over, {@code items} goods with their value (when left
 * out, quantity times the need's unit cost if the unit is the need's). {@code childIds} and the
 * public codes in {@code childCodes} name the children who received it; {@code childrenCount} is the
 * group's size (at least the children named; by default their number, or the need's children
 * served). {@code campaignId} may be left out when one campaign allocated to the need.
 */
public record DeliveryForm(
        Long needId,
        Long campaignId,
        String date,
        String amount,
        List<ItemLine> items,
        String childrenCount,
        List<Long> childIds,
        String childCodes,
        String handedOverBy,
        String note,
        Boolean confirmDuplicate) {

    /** Goods handed over: text as typed. */
    public record ItemLine(String name, String unit, String quantity, String value) {
        /** A line with no name, quantity or value is left out (the form offers the need's unit in advance). */
        public boolean blank() {
            return isBlank(name) && isBlank(quantity) && isBlank(value);
        }
    }

    public DeliveryForm {
        // blank rows of the page's goods table stay (the page binds items[i].name onto them);
        // filledItems() is what counts
        items = items == null
                ? List.of()
                : items.stream().filter(i -> i != null).toList();
        childIds = childIds == null
                ? List.of()
                : childIds.stream().filter(java.util.Objects::nonNull).toList();
    }

    /** The goods lines with a name, quantity or value. */
    public List<ItemLine> filledItems() {
        return items.stream().filter(i -> !i.blank()).toList();
    }

    public boolean duplicateConfirmed() {
        return Boolean.TRUE.equals(confirmDuplicate);
    }

    public static DeliveryForm empty(long needId, Long campaignId, String date, String handedOverBy) {
        return new DeliveryForm(needId, campaignId, date, "", List.of(), "", List.of(), "", handedOverBy, "", false);
    }

    static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
