package vn.chungtay.publicportal.web;

import java.nio.charset.StandardCharsets;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriUtils;
import vn.chungtay.need.NeedManagement;
import vn.chungtay.need.PublicNeed;
import vn.chungtay.need.PublicNeedQuery;
import vn.chungtay.need.PublicNeeds;
import vn.chungtay.organisation.OrganisationManagement;
import vn.chungtay.shared.paging.Page;

/**
 * The public needs portal, without sign-in: published needs by province, commune and village with
 * a category filter and diacritics-insensitive search, and a page per commune with its approved
 * plan and what has been funded. Plain links and forms; htmx only enhances.
 */
@Controller
class PublicNeedsController {

    static final int PAGE_SIZE = 20;

    private final PublicNeeds publicNeeds;
    private final NeedManagement needs;
    private final OrganisationManagement organisation;

    PublicNeedsController(PublicNeeds publicNeeds, NeedManagement needs, OrganisationManagement organisation) {
        this.organisation = organisation;
        this.publicNeeds = publicNeeds;
        this.needs = needs;
    }

    @GetMapping("/public/needs")
    String needs(
            @RequestParam(defaultValue = "") String province,
            @RequestParam(defaultValue = "") String category,
            @RequestParam(defaultValue = "") String q,
            @RequestParam(defaultValue = "false") boolean open,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        Page<PublicNeed> found = publicNeeds.published(
                new PublicNeedQuery(blankToNull(province), null, category, q, open), page, PAGE_SIZE);
        model.addAttribute("provinces", organisation.provinces(organisation.today()));
        model.addAttribute("province", province);
        model.addAttribute("page", found);
        model.addAttribute("groups", NeedGroups.of(found.items()));
        model.addAttribute("categories", needs.categories());
        model.addAttribute("category", category);
        model.addAttribute("q", q);
        model.addAttribute("open", open);
        model.addAttribute("minCount", publicNeeds.minCount());
        model.addAttribute(
                "pageUrl",
                "/public/needs?province=" + encode(province) + "&category=" + encode(category) + "&q=" + encode(q)
                        + (open ? "&open=true" : "") + "&");
        return "publicportal/needs";
    }

    @GetMapping("/public/communes/{code}")
    String commune(@PathVariable String code, @RequestParam(defaultValue = "0") int page, Model model) {
        var commune = publicNeeds.commune(code);
        Page<PublicNeed> found = publicNeeds.published(
                new PublicNeedQuery(null, commune.communeCode(), null, null, false), page, PAGE_SIZE);
        model.addAttribute("commune", commune);
        model.addAttribute("page", found);
        model.addAttribute("groups", NeedGroups.of(found.items()));
        model.addAttribute("minCount", publicNeeds.minCount());
        model.addAttribute("pageUrl", "/public/communes/" + encode(commune.communeCode()) + "?");
        return "publicportal/commune";
    }

    private static String encode(String value) {
        return UriUtils.encodeQueryParam(value == null ? "" : value, StandardCharsets.UTF_8);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
