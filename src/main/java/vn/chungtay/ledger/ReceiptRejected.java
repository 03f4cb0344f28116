package vn.chungtay.ledger;

/**
 * One posting of a batch ({@link Ledger#postReceipts}) broke a ledger rule; nothing of the batch was
 * written. {@code index} is the posting's place in the batch (from 0), so the caller can name the
 * line it came from; rule, message key and arguments are those of the single posting's refusal.
 */
public class ReceiptRejected extends LedgerRuleBroken {

    private final int index;

    public ReceiptRejected(int index, LedgerRuleBroken cause) {
        super(cause.rule(), cause.messageKey(), cause.arguments());
        this.index = index;
        initCause(cause);
    }

    public int index() {
        return index;
    }
}
