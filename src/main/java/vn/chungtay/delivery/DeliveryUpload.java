package vn.chungtay.delivery;

/** A file as uploaded: the name the person's device gave it (may be null) and its bytes. */
public record DeliveryUpload(String originalName, byte[] content) {
    public DeliveryUpload {
        content = content == null ? new byte[0] : content;
    }

    public boolean empty() {
        return content.length == 0;
    }
}
