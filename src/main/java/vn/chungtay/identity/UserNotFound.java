package vn.chungtay.identity;

/** No user account with this id. Answered 404. */
public class UserNotFound extends RuntimeException {
    public UserNotFound(long id) {
        super("No user " + id);
    }
}
