package vn.chungtay.outreach;

/** A photo's bytes, served only to those who may read its activity. */
public record PhotoContent(String filename, String contentType, String sha256, byte[] content) {}
