package vn.chungtay.donation.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.chungtay.campaign.BankAccount;
import vn.chungtay.campaign.Campaign;
import vn.chungtay.campaign.CampaignForm;
import vn.chungtay.campaign.CampaignManagement;
import vn.chungtay.donation.Channel;
import vn.chungtay.donation.DonationManagement;
import vn.chungtay.donation.GiftForm;
import vn.chungtay.need.NeedId;
import vn.chungtay.need.NeedManagement;
import vn.chungtay.need.NeedQuery;
import vn.chungtay.need.NeedStatus;
import vn.chungtay.need.NeedView;
import vn.chungtay.organisation.OrganisationManagement;
import vn.chungtay.shared.demo.DemoData;
import vn.chungtay.shared.security.Actor;
import vn.chungtay.shared.security.CurrentActor;

/**
 * About 300 demo gifts for the demo communes Cư Jút (24640) and Nam Dong (24649): cash, bank
 * transfers, goods in kind and a few others, from individuals, businesses, funds and one foreign
 * organisation, some earmarked for the communes' open needs (never more than a third of what a need
 * still lacks, so the demo statement's codes find open needs). Runs after the demo campaigns (60)
 * and donors (70); opens a campaign with a bank account for a commune that has none. Once only:
 * nothing happens when the communes already have gifts.
 */
@Component
@Order(80)
class DemoDonations implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoDonations.class);
    static final List<String> COMMUNES = List.of("24640", "24649");
    private static final int GIFTS = 300;
    private static final int CHUNK = 50;

    private record Donor(String name, String kind, boolean domestic, String country, String phone) {}

    private static final List<Donor> DONORS = List.of(
            new Donor("Nguyễn Văn Hùng", "INDIVIDUAL", true, null, "0912345007"),
            new Donor("Trần Thị Mai", "INDIVIDUAL", true, null, "0912345014"),
            new Donor("Lê Hoàng Nam", "INDIVIDUAL", true, null, "0912345021"),
            new Donor("Phạm Thị Lan", "INDIVIDUAL", true, null, "0912345028"),
            new Donor("Hoàng Văn Đức", "INDIVIDUAL", true, null, "0912345035"),
            new Donor("Y Bhim Niê", "INDIVIDUAL", true, null, "0912345042"),
            new Donor("H'Hen Mlô", "INDIVIDUAL", true, null, "0912345049"),
            new Donor("Đỗ Minh Tuấn", "INDIVIDUAL", true, null, "0912345056"),
            new Donor("Vũ Thị Hạnh", "INDIVIDUAL", true, null, "0912345063"),
            new Donor("Bùi Quang Vinh", "INDIVIDUAL", true, null, "0912345070"),
            new Donor("Ngô Thị Thu", "INDIVIDUAL", true, null, "0912345077"),
            new Donor("Đặng Văn Lâm", "INDIVIDUAL", true, null, "0912345084"),
            new Donor("Công ty TNHH Cà phê Cư Jút", "BUSINESS", true, null, "0912345091"),
            new Donor("Công ty CP Thủy điện Đắk Nông", "BUSINESS", true, null, "0912345098"),
            new Donor("Hợp tác xã Nông nghiệp Trúc Sơn", "BUSINESS", true, null, "0912345105"),
            new Donor("Ngân hàng Nông nghiệp chi nhánh Cư Jút", "BUSINESS", true, null, "0912345112"),
            new Donor("Hội Doanh nhân trẻ Lâm Đồng", "ORGANISATION", true, null, "0912345119"),
            new Donor("Quỹ Khuyến học tỉnh Lâm Đồng", "FUND", true, null, "0912345126"),
            new Donor("Hội Chữ thập đỏ huyện cũ Cư Jút", "ORGANISATION", true, null, "0912345133"),
            new Donor("Sakura Children Fund", "ORGANISATION", false, "JP", "0912345140"));

    private static final String[] MESSAGES = {
        "Ủng hộ các cháu vùng khó khăn",
        "Chúc các cháu học giỏi",
        "Góp áo ấm mùa đông",
        "Ủng hộ bữa ăn bán trú",
        null,
        "Nhân ngày vì người nghèo 17/10",
        null,
        "Gia đình chúc các cháu khỏe mạnh",
    };

    private record Goods(String name, String unit, long unitValue, String condition) {}

    private static final List<Goods> GOODS = List.of(
            new Goods("Áo ấm trẻ em", "cái", 150_000, "Mới"),
            new Goods("Chăn bông", "chiếc", 250_000, "Mới"),
            new Goods("Sách giáo khoa lớp 1-5", "bộ", 120_000, "Mới"),
            new Goods("Vở học sinh", "quyển", 10_000, "Mới"),
            new Goods("Sữa hộp", "thùng", 320_000, null),
            new Goods("Gạo", "kg", 18_000, null),
            new Goods("Xe đạp", "chiếc", 1_500_000, "Đã qua sử dụng, còn tốt"));

    private final DonationManagement donations;
    private final CampaignManagement campaigns;
    private final NeedManagement needs;
    private final OrganisationManagement organisation;
    private final JdbcClient jdbc;
    private final Environment environment;
    private final TransactionTemplate transaction;

    DemoDonations(
            DonationManagement donations,
            CampaignManagement campaigns,
            NeedManagement needs,
            OrganisationManagement organisation,
            JdbcClient jdbc,
            Environment environment,
            PlatformTransactionManager transactions) {
        this.donations = donations;
        this.campaigns = campaigns;
        this.needs = needs;
        this.organisation = organisation;
        this.jdbc = jdbc;
        this.environment = environment;
        this.transaction = new TransactionTemplate(transactions);
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!DemoData.enabled(environment)) {
            return;
        }
        long existing = jdbc.sql("select count(*) from donation where receiving_unit_code in ('24640', '24649')")
                .query(Long.class)
                .single();
        if (existing > 0) {
            return;
        }
        CurrentActor.runAs(Actor.SYSTEM, this::create);
    }

    private void create() {
        LocalDate today = organisation.today();
        List<Campaign> communeCampaigns = new ArrayList<>();
        for (String commune : COMMUNES) {
            if (organisation.find(commune, today).isEmpty()) {
                continue;
            }
            communeCampaigns.add(campaignFor(commune, today));
        }
        if (communeCampaigns.isEmpty()) {
            return;
        }
        Random random = new Random(2026);
        int recorded = 0;
        for (int chunk = 0; chunk < GIFTS; chunk += CHUNK) {
            int first = chunk;
            try {
                Integer done = transaction.execute(status -> gifts(communeCampaigns, random, today, first));
                recorded += done == null ? 0 : done;
            } catch (RuntimeException e) {
                log.warn("Demo gifts {} to {} not recorded: {}", first, first + CHUNK - 1, e.getMessage());
            }
        }
        log.info("Demo gifts recorded: {}", recorded);
    }

    /** One chunk of gifts in one transaction (a commit per gift would cost an fsync each). */
    private int gifts(List<Campaign> communeCampaigns, Random random, LocalDate today, int first) {
        int recorded = 0;
        for (int i = first; i < first + CHUNK && i < GIFTS; i++) {
            Campaign campaign = communeCampaigns.get(i % communeCampaigns.size());
            LocalDate from = campaign.receivingFrom().isAfter(today.minusDays(120))
                    ? campaign.receivingFrom()
                    : today.minusDays(120);
            long span = Math.max(0, today.toEpochDay() - from.toEpochDay());
            LocalDate day = from.plusDays(span == 0 ? 0 : random.nextLong(span + 1));
            Donor donor = DONORS.get(random.nextInt(DONORS.size()));
            int roll = random.nextInt(100);
            Channel channel = roll < 50
                    ? Channel.BANK_TRANSFER
                    : roll < 85 ? Channel.CASH : roll < 95 ? Channel.IN_KIND : Channel.OTHER;
            long amount = amount(random, donor);
            List<GiftForm.ItemForm> items = List.of();
            if (channel == Channel.IN_KIND) {
                Goods goods = GOODS.get(random.nextInt(GOODS.size()));
                long quantity = 5 + random.nextInt(40);
                items = List.of(new GiftForm.ItemForm(
                        goods.name(),
                        quantity,
                        goods.unit(),
                        goods.unitValue() * quantity,
                        goods.condition(),
                        goods.name().equals("Sữa hộp") ? today.plusMonths(8) : null));
            }
            Long needId = null;
            String category = null;
            int earmark = random.nextInt(100);
            if (channel != Channel.IN_KIND && earmark < 25) {
                NeedView need = openNeed(campaign.unitCode(), random);
                if (need != null) {
                    long lacking = need.total().dong() - need.funded().dong();
                    amount = Math.max(10_000, Math.min(amount, lacking / 3 / 10_000 * 10_000));
                    if (amount * 3 <= lacking) {
                        needId = need.id().value();
                    }
                }
            } else if (earmark < 35) {
                category = List.of("DO_AM", "HOC_TAP", "DINH_DUONG").get(random.nextInt(3));
            }
            donations.record(new GiftForm(
                    campaign.id().value(),
                    null,
                    donor.name(),
                    donor.kind(),
                    donor.domestic(),
                    donor.country(),
                    donor.phone(),
                    null,
                    random.nextInt(10) == 0,
                    random.nextInt(3) > 0,
                    channel.name(),
                    channel == Channel.IN_KIND ? null : amount,
                    day,
                    needId,
                    category == null ? null : campaign.unitCode(),
                    category,
                    MESSAGES[random.nextInt(MESSAGES.length)],
                    random.nextBoolean() ? "Cán bộ Mặt trận xã" : null,
                    items));
            recorded++;
        }
        return recorded;
    }

    private static long amount(Random random, Donor donor) {
        if (donor.kind().equals("INDIVIDUAL")) {
            long[] usual = {50_000, 100_000, 200_000, 300_000, 500_000, 1_000_000, 2_000_000};
            return usual[random.nextInt(usual.length)];
        }
        return (5 + random.nextInt(46)) * 1_000_000L;
    }

    /** A published need of the commune that still lacks money, if any. */
    private NeedView openNeed(String communeCode, Random random) {
        List<NeedView> open = new ArrayList<>();
        for (NeedStatus status : List.of(NeedStatus.PUBLISHED, NeedStatus.PARTLY_FUNDED)) {
            open.addAll(needs.find(new NeedQuery(communeCode, status, null, null, null), 0, 50)
                    .items());
        }
        if (open.isEmpty()) {
            return null;
        }
        NeedView chosen = open.get(random.nextInt(open.size()));
        return needs.lookup(new NeedId(chosen.id().value())).orElse(null);
    }

    /** A campaign receiving for the commune today with a bank account, opened when there is none. */
    private Campaign campaignFor(String commune, LocalDate today) {
        for (Campaign c : campaigns.receivingFor(commune, today)) {
            if (c.unitCode().equals(commune) && !c.accounts().isEmpty()) {
                return c;
            }
        }
        LocalDate yearStart = LocalDate.of(today.getYear(), 1, 1);
        LocalDate from = yearStart.isBefore(LocalDate.of(2026, 9, 1)) ? yearStart : LocalDate.of(2026, 9, 1);
        String name = commune.equals("24640")
                ? "Chung tay vì trẻ em xã Cư Jút năm " + today.getYear()
                : "Áo ấm cho em – xã Nam Dong năm " + today.getYear();
        String account = commune.equals("24640") ? "5300205126888" : "5300205127999";
        return campaigns.create(new CampaignForm(
                name,
                commune,
                from,
                LocalDate.of(today.getYear(), 12, 31),
                commune.equals("24640") ? 500_000_000L : 300_000_000L,
                today.getYear(),
                List.of(new BankAccount("970405", "Agribank", account, "UBMTTQ VN " + commune)),
                List.of()));
    }
}
