package vn.chungtay.outreach;

/** A photo as uploaded: the name the phone gave it and its bytes (checked by the service). */
public record PhotoUpload(String filename, byte[] content) {

    public boolean isEmpty() {
        return content == null || content.length == 0;
    }
}
