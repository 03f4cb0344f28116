package vn.chungtay.ledger;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * A posting that would break a ledger invariant (allocating more than was received, delivering
 * more than was allocated, a pool below zero, reversing twice …); nothing was written. {@code rule}
 * names the invariant, {@code messageKey} explains it to a person.
 */
@ResponseStatus(HttpStatus.UNPROCESSABLE_CONTENT)
public class LedgerRuleBroken extends RuntimeException {

    private final String rule;
    private final String messageKey;
    private final transient Object[] arguments;

    public LedgerRuleBroken(String rule, String messageKey, Object... arguments) {
        super(rule);
        this.rule = rule;
        this.messageKey = messageKey;
        this.arguments = arguments.clone();
    }

    public String rule() {
        return rule;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] arguments() {
        return arguments.clone();
    }
}
