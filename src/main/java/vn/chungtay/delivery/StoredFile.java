package vn.chungtay.delivery;

/** A delivery file's bytes for someone allowed to see them, with the type sniffed when it was stored. */
public record StoredFile(long id, String contentType, String sha256, byte[] content) {}
