package vn.chungtay.ledger;

import vn.chungtay.shared.money.Vnd;

/**
 * What one account of a campaign holds: money when {@code itemName} is null, else goods of one
 * kind (quantity in their unit, {@code amount} their estimated value). Accounts: {@code POOL:<unit>},
 * {@code NEED:<id>}, {@code COMMUNE:<code>[:<category>]}, {@code VILLAGE:<code>[:<category>]},
 * {@code CATEGORY:<unit>:<category>}, {@code DELIVERED:<allocation account>}.
 */
public record LedgerBalance(String account, String itemName, String itemUnit, Vnd amount, long quantity) {

    public boolean isMoney() {
        return itemName == null;
    }
}
