package vn.chungtay.delivery;

import java.util.List;

/**
 * A rule forbids recording the delivery and nothing was written: {@code deliveryRequiresProof},
 * {@code onlyFundedNeedsAreDelivered}, or a ledger invariant such as delivering more than was
 * allocated ({@code rule} is then the ledger's). Answered 422; the message key explains it.
 */
public class DeliveryRefused extends RuntimeException {
    private final String rule;
    private final String messageKey;
    private final List<Object> arguments;

    public DeliveryRefused(String rule, String messageKey, Object... arguments) {
        super(rule);
        this.rule = rule;
        this.messageKey = messageKey;
        // a null argument (an empty field named in the message) must not turn a refusal into a server error
        this.arguments = java.util.Arrays.stream(arguments)
                .map(a -> a == null ? (Object) "" : a)
                .toList();
    }

    public String rule() {
        return rule;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] arguments() {
        return arguments.toArray();
    }
}
