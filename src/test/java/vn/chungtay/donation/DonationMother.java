package vn.chungtay.donation;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;
import vn.chungtay.campaign.BankAccount;
import vn.chungtay.campaign.Campaign;
import vn.chungtay.campaign.CampaignForm;
import vn.chungtay.campaign.CampaignManagement;
import vn.chungtay.shared.security.Actor;
import vn.chungtay.shared.security.CurrentActor;

/** Campaigns, gifts and statement files for the donation tests, each with unique names and accounts. */
final class DonationMother {

    private DonationMother() {}

    /** A fresh campaign of a unit receiving from {@code from} to {@code to}, with its own bank account. */
    static Campaign campaign(CampaignManagement campaigns, String unitCode, LocalDate from, LocalDate to) {
        String account =
                "9" + String.format("%012d", ThreadLocalRandom.current().nextLong(1_000_000_000_000L));
        AtomicReference<Campaign> created = new AtomicReference<>();
        CurrentActor.runAs(
                Actor.SYSTEM,
                () -> created.set(campaigns.create(new CampaignForm(
                        "Chiến dịch thử " + UUID.randomUUID().toString().substring(0, 8),
                        unitCode,
                        from,
                        to,
                        100_000_000L,
                        from.getYear(),
                        List.of(new BankAccount("970405", "Agribank", account, "UBMTTQ THU")),
                        List.of()))));
        return created.get();
    }

    static GiftForm cash(long campaignId, String donorName, long amount, LocalDate day) {
        return new GiftForm(
                campaignId,
                null,
                donorName,
                "INDIVIDUAL",
                true,
                null,
                null,
                null,
                false,
                true,
                "CASH",
                amount,
                day,
                null,
                null,
                null,
                "Ủng hộ các cháu",
                null,
                List.of());
    }

    static GiftForm forNeed(long campaignId, String donorName, long amount, LocalDate day, long needId) {
        return new GiftForm(
                campaignId,
                null,
                donorName,
                "INDIVIDUAL",
                true,
                null,
                null,
                null,
                false,
                true,
                "BANK_TRANSFER",
                amount,
                day,
                needId,
                null,
                null,
                null,
                null,
                List.of());
    }

    static String json(long campaignId, String donorName, String channel, long amount, LocalDate day) {
        return """
                {"campaignId": %d, "donor": {"name": "%s", "kind": "INDIVIDUAL", "domestic": true},
                 "channel": "%s", "amount": %d, "receivedOn": "%s"}""".formatted(campaignId, donorName, channel, amount, day);
    }

    static String header() {
        return "PageId,Date,Time,DocumentNumber,ReferenceNumber,TransactionDetails,DebitAmount,CreditAmount,Balance,OffsetAccount\r\n";
    }

    /** One layout-B credit line. */
    static String credit(LocalDate day, String reference, String message, long amount, String sender) {
        return "1,%02d/%02d/%d,10:00:00,,%s,\"%s\",,\"%s\",,%s – A/C\r\n"
                .formatted(
                        day.getDayOfMonth(),
                        day.getMonthValue(),
                        day.getYear(),
                        reference,
                        message,
                        commas(amount),
                        sender);
    }

    /** One layout-B debit line. */
    static String debit(LocalDate day, String reference, String message, long amount) {
        return "1,%02d/%02d/%d,10:00:00,,%s,\"%s\",\"%s\",,,\r\n"
                .formatted(day.getDayOfMonth(), day.getMonthValue(), day.getYear(), reference, message, commas(amount));
    }

    static String commas(long amount) {
        return java.text.NumberFormat.getIntegerInstance(java.util.Locale.US).format(amount);
    }

    static String unique() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }
}
