package vn.chungtay.donation;

import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import vn.chungtay.campaign.BankAccount;
import vn.chungtay.campaign.Campaign;
import vn.chungtay.campaign.CampaignId;
import vn.chungtay.campaign.CampaignManagement;
import vn.chungtay.donation.internal.VietQr;
import vn.chungtay.need.NeedId;
import vn.chungtay.need.NeedManagement;
import vn.chungtay.need.NeedStatus;
import vn.chungtay.need.NeedView;
import vn.chungtay.organisation.OrganisationManagement;

/**
 * VietQR codes donors scan: for a campaign's account (purpose {@code CT1001}) and for a published
 * need (purpose {@code CT24640N123}, paid into the account of a campaign receiving for its commune).
 * Public: they carry only what a bank transfer shows anyway.
 */
@Service
public class VietQrCodes {

    /** What a QR code pays into and with which purpose. */
    public record Target(String bankBin, String bankName, String accountNumber, String accountName, String purpose) {}

    private final CampaignManagement campaigns;
    private final NeedManagement needs;
    private final OrganisationManagement organisation;

    VietQrCodes(CampaignManagement campaigns, NeedManagement needs, OrganisationManagement organisation) {
        this.campaigns = campaigns;
        this.needs = needs;
        this.organisation = organisation;
    }

    /** The payment code of a need: {@code CT}, its commune, {@code N}, its id. */
    public static String needCode(String communeCode, long needId) {
        return "CT" + communeCode + "N" + needId;
    }

    /** The target of a campaign's account (the first one when {@code account} is out of range). */
    public Optional<Target> campaign(long campaignId, int account) {
        if (campaignId <= 0) {
            return Optional.empty();
        }
        return campaigns.find(new CampaignId(campaignId)).flatMap(c -> target(c, account, c.code()));
    }

    /** The target of a published need still open for funding: an account of a campaign receiving for its commune today. */
    public Optional<Target> need(long needId) {
        if (needId <= 0) {
            return Optional.empty();
        }
        NeedView need = needs.lookup(new NeedId(needId)).orElse(null);
        if (need == null || (need.status() != NeedStatus.PUBLISHED && need.status() != NeedStatus.PARTLY_FUNDED)) {
            return Optional.empty();
        }
        List<Campaign> receiving = campaigns.receivingFor(need.communeCode(), organisation.today());
        String purpose = needCode(need.communeCode(), needId);
        return receiving.stream()
                .filter(c -> !c.accounts().isEmpty())
                .findFirst()
                .flatMap(c -> target(c, 0, purpose));
    }

    /** The PNG of a target, with an optional amount in đồng. */
    public byte[] png(Target target, Long amount, int size) {
        return VietQr.png(VietQr.payload(target.bankBin(), target.accountNumber(), amount, target.purpose()), size);
    }

    /** The payload text of a target (for tests and for banking apps that take text). */
    public String payload(Target target, Long amount) {
        return VietQr.payload(target.bankBin(), target.accountNumber(), amount, target.purpose());
    }

    private static Optional<Target> target(Campaign campaign, int account, String purpose) {
        if (campaign.accounts().isEmpty()) {
            return Optional.empty();
        }
        BankAccount a = campaign.accounts()
                .get(account >= 0 && account < campaign.accounts().size() ? account : 0);
        return Optional.of(new Target(a.bankBin(), a.bankName(), a.accountNumber(), a.accountName(), purpose));
    }
}
