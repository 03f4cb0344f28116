package vn.chungtay.notification;

import java.util.Locale;
import java.util.UUID;
import vn.chungtay.need.NeedForm;

/** Test data for subscriptions: fresh addresses, and needs to publish in a village. */
final class SubscriptionMother {

    /** Xã Cư Jút, with demo villages. */
    static final String COMMUNE = "24640";

    private SubscriptionMother() {}

    /** A new address each time, in mixed case: it is stored lower-cased. */
    static String newAddress() {
        return "Donor." + UUID.randomUUID().toString().substring(0, 8) + "@Example.ORG";
    }

    static String stored(String address) {
        return address.toLowerCase(Locale.ROOT);
    }

    static NeedForm villageNeed(String villageCode, String category, int year) {
        return new NeedForm(
                "VILLAGE",
                null,
                villageCode,
                null,
                category,
                "Nhu cầu cho bản tin (kiểm thử)",
                "10",
                "bộ",
                "250000",
                Integer.toString(year),
                "Đợt " + UUID.randomUUID(),
                null,
                "HIGH",
                "12",
                true);
    }
}
