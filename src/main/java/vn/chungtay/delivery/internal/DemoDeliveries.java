package vn.chungtay.delivery.internal;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.chungtay.delivery.CampaignChoice;
import vn.chungtay.delivery.DeliveryForm;
import vn.chungtay.delivery.DeliveryManagement;
import vn.chungtay.delivery.DeliveryUpload;
import vn.chungtay.delivery.ProofKind;
import vn.chungtay.need.NeedId;
import vn.chungtay.need.NeedManagement;
import vn.chungtay.need.NeedView;
import vn.chungtay.shared.demo.DemoData;
import vn.chungtay.shared.security.Actor;
import vn.chungtay.shared.security.CurrentActor;

/**
 * Deliveries for about half of the demo needs that received allocations (after the donation demo
 * data), each with a small generated picture as the signed list: goods given in kind as goods,
 * else goods bought with the money when it divides into the need's unit, else money. Runs once: nothing happens when the demo communes already
 * have deliveries, and nothing but one line in the log when no need has an allocation.
 */
@Component
@Order(90)
class DemoDeliveries implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoDeliveries.class);
    private static final List<String> COMMUNES = List.of("24640", "24649", "24646");

    private final DeliveryManagement deliveries;
    private final NeedAllocations allocations;
    private final NeedManagement needs;
    private final JdbcClient jdbc;
    private final Environment environment;

    DemoDeliveries(
            DeliveryManagement deliveries,
            NeedAllocations allocations,
            NeedManagement needs,
            JdbcClient jdbc,
            Environment environment) {
        this.deliveries = deliveries;
        this.allocations = allocations;
        this.needs = needs;
        this.jdbc = jdbc;
        this.environment = environment;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!DemoData.enabled(environment)) {
            return;
        }
        long existing = jdbc.sql("select count(*) from delivery where commune_code = any(:communes)")
                .param("communes", COMMUNES.toArray(String[]::new))
                .query(Long.class)
                .single();
        if (existing > 0) {
            return;
        }
        CurrentActor.runAs(Actor.SYSTEM, this::create);
    }

    private void create() {
        Map<Long, Long> candidates = allocations.undeliveredNeeds(60);
        if (candidates.isEmpty()) {
            log.info("Demo deliveries skipped: no need has an allocation (donation demo data absent)");
            return;
        }
        byte[] proof = signedListPicture();
        int index = 0;
        int created = 0;
        for (Map.Entry<Long, Long> candidate : candidates.entrySet()) {
            if (index++ % 2 == 1) {
                continue;
            }
            NeedView need = needs.get(new NeedId(candidate.getKey()));
            if (!COMMUNES.contains(need.communeCode())) {
                continue;
            }
            CampaignChoice choice = deliveries.campaignsFor(need.id()).stream()
                    .filter(c -> c.campaignId() == candidate.getValue())
                    .findFirst()
                    .orElse(null);
            if (choice == null || (choice.remaining().isZero() && choice.goods().isEmpty())) {
                continue;
            }
            List<DeliveryForm.ItemLine> goodsInKind = choice.goods().stream()
                    .filter(g -> g.remaining() > 0)
                    .map(g -> new DeliveryForm.ItemLine(g.name(), g.unit(), Long.toString(g.remaining()), ""))
                    .toList();
            long left = choice.remaining().dong();
            long unitCost = need.unitCost().dong();
            boolean bought = goodsInKind.isEmpty() && unitCost > 0 && left % unitCost == 0 && index % 4 != 1;
            String name = need.description().length() > 120 ? need.description().substring(0, 120) : need.description();
            List<DeliveryForm.ItemLine> items = !goodsInKind.isEmpty()
                    ? goodsInKind
                    : bought
                            ? List.of(new DeliveryForm.ItemLine(name, need.unit(), Long.toString(left / unitCost), ""))
                            : List.of();
            DeliveryForm form = new DeliveryForm(
                    need.id().value(),
                    choice.campaignId(),
                    null,
                    items.isEmpty() ? Long.toString(left) : "",
                    items,
                    "",
                    List.of(),
                    "",
                    "Ban Công tác Mặt trận thôn",
                    null,
                    true);
            try {
                deliveries.record(
                        form, new DeliveryUpload("danh-sach-ky-nhan.png", proof), ProofKind.SIGNED_LIST, List.of());
                created++;
            } catch (RuntimeException e) {
                log.info("Demo delivery for need {} skipped: {}", need.id(), e.getMessage());
            }
        }
        log.info("Demo deliveries created: {}", created);
    }

    /** A small picture standing for the photo of the signed list: a sheet with ruled lines and signatures. */
    static byte[] signedListPicture() {
        BufferedImage image = new BufferedImage(160, 220, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, 160, 220);
            g.setColor(new Color(0x1F3A93));
            g.fillRect(10, 10, 140, 14);
            g.setColor(Color.GRAY);
            for (int y = 40; y < 200; y += 16) {
                g.drawLine(10, y, 150, y);
                g.drawLine(110, y - 10, 140, y - 4);
            }
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
