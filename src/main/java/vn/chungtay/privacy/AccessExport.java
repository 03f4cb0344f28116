package vn.chungtay.privacy;

/** The copy of a child's record handed to the guardian: file name, content type and bytes. */
public record AccessExport(String fileName, String contentType, byte[] content) {}
