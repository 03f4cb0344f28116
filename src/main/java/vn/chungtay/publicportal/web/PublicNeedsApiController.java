package vn.chungtay.publicportal.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.chungtay.need.PublicNeed;
import vn.chungtay.need.PublicNeedQuery;
import vn.chungtay.need.PublicNeeds;
import vn.chungtay.shared.paging.Page;

/** The published needs for partners, as JSON: the same anonymous data as the public pages. */
@RestController
@Tag(name = "Public needs", description = "Published needs for partners; no sign-in, no child identity")
class PublicNeedsApiController {

    private final PublicNeeds publicNeeds;

    PublicNeedsApiController(PublicNeeds publicNeeds) {
        this.publicNeeds = publicNeeds;
    }

    @Schema(description = "A unit of the hierarchy: GSO code and full name")
    record Place(String code, String name) {}

    @Schema(description = "What may be said of the child of a one-child need, with consent: never a name or birth date")
    record Child(
            int ageYears,
            @Schema(allowableValues = {"MALE", "FEMALE"}) String sex,
            String ethnicGroup) {}

    @Schema(description = "A category of support")
    record Category(String code, String nameVi, String nameEn) {}

    @Schema(
            description = "A published need; `village` and `schoolName` are null when it concerns fewer children than"
                    + " `minCount` (then it is given at commune level)")
    record NeedJson(
            long id,
            Category category,
            String description,
            int quantity,
            String unit,
            @Schema(description = "whole đồng") long total,
            @Schema(description = "whole đồng") long funded,
            int percentFunded,
            int childrenServed,
            Place province,
            Place commune,
            Place village,
            String schoolName,
            int year,
            String season,
            LocalDate neededBy,

            @Schema(allowableValues = {"PUBLISHED", "PARTLY_FUNDED", "FUNDED", "DELIVERED"})
            String status,

            Child child) {

        static NeedJson of(PublicNeed n) {
            return new NeedJson(
                    n.id(),
                    new Category(n.categoryCode(), n.categoryNameVi(), n.categoryNameEn()),
                    n.description(),
                    n.quantity(),
                    n.unit(),
                    n.total().dong(),
                    n.funded().dong(),
                    n.percentFunded(),
                    n.childrenServed(),
                    new Place(n.provinceCode(), n.provinceName()),
                    new Place(n.communeCode(), n.communeName()),
                    n.villageCode() == null ? null : new Place(n.villageCode(), n.villageName()),
                    n.schoolName(),
                    n.year(),
                    n.season(),
                    n.neededBy(),
                    n.status().name(),
                    n.child() == null
                            ? null
                            : new Child(
                                    n.child().ageYears(),
                                    n.child().sex(),
                                    n.child().ethnicGroupName()));
        }
    }

    @Schema(description = "One page of published needs")
    record NeedPage(List<NeedJson> content, int page, int size, long totalElements, int totalPages, int minCount) {}

    @GetMapping(value = "/public/needs.json", produces = "application/json")
    @Operation(
            summary = "Published needs, ordered by province, commune and village",
            description = "Anonymous: a need for one child gives at most the child's age, sex and ethnic group;"
                    + " figures about fewer than `minCount` children in a village are given at commune level.")
    @ApiResponse(responseCode = "200", description = "A page of published needs")
    ResponseEntity<NeedPage> needs(
            @Parameter(description = "Province code, e.g. 68") @RequestParam(required = false) String province,
            @Parameter(description = "Commune code, e.g. 24640") @RequestParam(required = false) String commune,
            @Parameter(description = "Support category code, e.g. DO_AM") @RequestParam(required = false)
                    String category,
            @Parameter(description = "Text to find, diacritics ignored (\"buon buor\" finds Buôn Buôr)")
                    @RequestParam(required = false)
                    String q,
            @Parameter(description = "Only needs still missing money") @RequestParam(defaultValue = "false")
                    boolean open,
            @Parameter(description = "0-based page number") @RequestParam(defaultValue = "0") int page,
            @Parameter(description = "Page size, at most 100") @RequestParam(defaultValue = "50") int size) {
        Page<PublicNeed> found =
                publicNeeds.published(new PublicNeedQuery(province, commune, category, q, open), page, size);
        return ResponseEntity.ok()
                .cacheControl(
                        CacheControl.maxAge(java.time.Duration.ofMinutes(5)).cachePublic())
                .body(new NeedPage(
                        found.items().stream().map(NeedJson::of).toList(),
                        found.number(),
                        found.size(),
                        found.totalItems(),
                        found.totalPages(),
                        publicNeeds.minCount()));
    }
}
