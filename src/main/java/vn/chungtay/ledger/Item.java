package vn.chungtay.ledger;

/** Goods given in kind: what, in which unit, how many (whole units). */
public record Item(String name, String unit, long quantity) {
    public Item {
        name = name == null ? "" : name.strip();
        unit = unit == null ? "" : unit.strip();
        if (name.isEmpty() || name.length() > 200) {
            throw new IllegalArgumentException("An item has a name of at most 200 characters");
        }
        if (unit.isEmpty() || unit.length() > 40) {
            throw new IllegalArgumentException("An item has a unit of at most 40 characters");
        }
        if (quantity <= 0) {
            throw new IllegalArgumentException("An item quantity is positive: " + quantity);
        }
    }
}
