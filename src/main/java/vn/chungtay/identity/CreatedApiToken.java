package vn.chungtay.identity;

/** A token just created, with the secret that is shown this once and never again. */
public record CreatedApiToken(ApiTokenView token, String secret) {}
