package vn.chungtay.delivery;

/** No delivery (or delivery file) has this id. Answered 404. */
@org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.NOT_FOUND)
public class DeliveryNotFound extends RuntimeException {
    public DeliveryNotFound(Object id) {
        super("No delivery " + id);
    }
}
