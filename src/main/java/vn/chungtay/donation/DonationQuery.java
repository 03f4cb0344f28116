package vn.chungtay.donation;

import java.time.LocalDate;

/** Filters of the gift list; blank or null values do not filter. {@code text} ignores diacritics. */
public record DonationQuery(
        Long campaignId, String unitCode, Channel channel, LocalDate from, LocalDate to, String text, Long needId) {

    public static DonationQuery all() {
        return new DonationQuery(null, null, null, null, null, null, null);
    }
}
