package vn.chungtay.supervision;

/** A stored evidence file, served only to those who may read its recommendation. */
public record EvidenceContent(String filename, String contentType, String sha256, byte[] content) {}
