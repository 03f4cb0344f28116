package vn.chungtay.donor;

import java.util.List;

/** A merge, unmerge or edit that the donor's state does not allow (answered 409), with a message key. */
@org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.CONFLICT)
public class DonorRuleBroken extends RuntimeException {

    private final String messageKey;
    private final List<Object> arguments;

    public DonorRuleBroken(String messageKey, Object... arguments) {
        super(messageKey);
        this.messageKey = messageKey;
        this.arguments = List.of(arguments);
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] arguments() {
        return arguments.toArray();
    }
}
