package vn.chungtay.campaign;

/** The identity of a campaign; its payment code is {@code CT} followed by this number. */
public record CampaignId(long value) {
    public CampaignId {
        if (value <= 0) {
            throw new IllegalArgumentException("A campaign id is positive: " + value);
        }
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
