package vn.chungtay.donorportal.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.chungtay.donorportal.DonorPortal;

/** The signed-in donor's gifts as JSON. */
@RestController
@Tag(name = "Donor portal")
class MyGiftsApiController {

    private final DonorPortal portal;

    MyGiftsApiController(DonorPortal portal) {
        this.portal = portal;
    }

    record WentJson(
            LocalDate date,
            String commune,
            String village,
            String category,
            long allocated,
            long delivered,
            int childrenCount) {}

    record GiftJson(
            long id,
            LocalDate receivedOn,
            String campaign,
            String channel,
            long amount,
            List<String> items,
            String receiptNumber,
            boolean reversed,
            long allocated,
            long delivered,
            int childrenCount,
            List<WentJson> went) {}

    @GetMapping("/api/v1/my/gifts")
    @Operation(
            summary = "The signed-in donor's gifts (every identity merged into their record), newest first, with"
                    + " where each went: commune, village, category, amounts allocated and delivered (whole VND)"
                    + " and how many children — never a child's identity. 403 for accounts without a donor record.")
    List<GiftJson> gifts(Locale locale) {
        return portal.myGifts(locale).stream()
                .map(g -> new GiftJson(
                        g.id(),
                        g.receivedOn(),
                        g.campaignName(),
                        g.channel(),
                        g.amount().dong(),
                        g.items(),
                        g.receiptNumber(),
                        g.reversed(),
                        g.allocated().dong(),
                        g.delivered().dong(),
                        g.childrenCount(),
                        g.went().stream()
                                .map(w -> new WentJson(
                                        w.date(),
                                        w.communeName(),
                                        w.villageName(),
                                        w.categoryName(),
                                        w.allocated().dong(),
                                        w.delivered().dong(),
                                        w.childrenCount()))
                                .toList()))
                .toList();
    }
}
