package vn.chungtay.campaign;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** No campaign with this id or code. */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class CampaignNotFound extends RuntimeException {
    public CampaignNotFound(String idOrCode) {
        super("No campaign " + idOrCode);
    }
}
