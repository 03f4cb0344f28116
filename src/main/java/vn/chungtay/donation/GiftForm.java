package vn.chungtay.donation;

import java.time.LocalDate;
import java.util.List;

/**
 * What an officer (or the API) enters for a gift: the campaign; an existing donor's id or the
 * donor's name, kind, domestic or not, contact, whether they give anonymously and consent to be listed by name; the channel; the amount in whole đồng or, for
 * goods, the items; the day received; an optional earmark (a need, or a commune with an optional
 * category, or a category); the message; who received it (the officer when blank).
 */
public record GiftForm(
        Long campaignId,
        Long donorId,
        String donorName,
        String donorKind,
        Boolean donorDomestic,
        String donorCountry,
        String donorPhone,
        String donorEmail,
        Boolean donorAnonymous,
        Boolean donorListConsent,
        String channel,
        Long amount,
        LocalDate receivedOn,
        Long needId,
        String communeCode,
        String categoryCode,
        String message,
        String receivedBy,
        List<ItemForm> items) {

    /** One kind of goods: name, quantity, unit, estimated value of the whole line in đồng, condition or expiry. */
    public record ItemForm(String name, Long quantity, String unit, Long value, String condition, LocalDate expiresOn) {

        public boolean blank() {
            return (name == null || name.isBlank())
                    && quantity == null
                    && (unit == null || unit.isBlank())
                    && value == null;
        }
    }

    public GiftForm {
        // blank rows of the page's item table are kept here (the page binds items[0..2] onto them)
        // and left out by withoutBlankItems() before the gift is checked
        items = items == null
                ? List.of()
                : items.stream().filter(i -> i != null).toList();
    }

    /** The same form without the empty item rows a page sends. */
    public GiftForm withoutBlankItems() {
        return new GiftForm(
                campaignId,
                donorId,
                donorName,
                donorKind,
                donorDomestic,
                donorCountry,
                donorPhone,
                donorEmail,
                donorAnonymous,
                donorListConsent,
                channel,
                amount,
                receivedOn,
                needId,
                communeCode,
                categoryCode,
                message,
                receivedBy,
                items.stream().filter(i -> !i.blank()).toList());
    }

    /** An empty form for a day, with three empty item rows. */
    public static GiftForm empty(Long campaignId, LocalDate day) {
        return new GiftForm(
                campaignId,
                null,
                "",
                "INDIVIDUAL",
                true,
                "",
                "",
                "",
                false,
                true,
                Channel.CASH.name(),
                null,
                day,
                null,
                "",
                "",
                "",
                "",
                List.of());
    }
}
