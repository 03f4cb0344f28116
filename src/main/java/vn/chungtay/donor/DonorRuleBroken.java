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
        // a null argument (an empty field named in the message) must not turn a refusal into a server error
        this.arguments = java.util.Arrays.stream(arguments)
                .map(a -> a == null ? (Object) "" : a)
                .toList();
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] arguments() {
        return arguments.toArray();
    }
}
