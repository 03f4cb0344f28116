package vn.chungtay.notification;

/** What a subscription is about, with names for people: a commune, a support category, or both. */
public record SubscriptionTopic(String communeCode, String communeName, String categoryCode, String categoryName) {}
