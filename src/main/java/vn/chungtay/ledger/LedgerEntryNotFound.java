package vn.chungtay.ledger;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** No ledger entry with this id. */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class LedgerEntryNotFound extends RuntimeException {
    public LedgerEntryNotFound(LedgerEntryId id) {
        super("No ledger entry " + id);
    }

    public LedgerEntryNotFound(long id) {
        super("No ledger entry " + id);
    }
}
