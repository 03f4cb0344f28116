package vn.chungtay.notification;

/** What a visitor enters to subscribe: an e-mail address and a commune code and/or a support-category code. */
public record SubscriptionForm(String email, String commune, String category) {

    public static SubscriptionForm empty() {
        return new SubscriptionForm("", "", "");
    }
}
