package vn.chungtay.supervision;

/** A file of evidence as uploaded (PDF, JPEG or PNG, checked by its first bytes, at most 10 MB). */
public record Evidence(String filename, byte[] content) {

    public boolean isEmpty() {
        return content == null || content.length == 0;
    }
}
