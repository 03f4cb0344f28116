package vn.chungtay.shared.security;

/** Implemented by the signed-in principal so modules can learn who acts without knowing identity. */
public interface ActorAware {
    Actor actor();
}
