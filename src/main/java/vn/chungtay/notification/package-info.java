/**
 * E-mail to donors: subscriptions to a commune or a support category with double opt-in, the
 * weekly digest of needs published since, and the stored outbox through which every e-mail of the
 * application is sent with retries ({@link vn.chungtay.notification.MailOutbox}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notifications")
package vn.chungtay.notification;
