package vn.chungtay.need.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import vn.chungtay.need.InvalidNeedInput;
import vn.chungtay.need.NeedId;
import vn.chungtay.need.NeedRuleViolated;
import vn.chungtay.need.NeedStatus;
import vn.chungtay.need.NeedTarget;
import vn.chungtay.need.NeedView;
import vn.chungtay.need.Priority;
import vn.chungtay.shared.money.Vnd;
import vn.chungtay.shared.text.VietnameseText;

/**
 * A need and its lifecycle. Every state change is a named method that checks its rule and fails
 * with {@link NeedRuleViolated} naming it; the service publishes the matching event.
 */
@Entity
@Table(name = "need")
public class Need {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Enumerated(EnumType.STRING)
    private NeedTarget target;

    private Long childId;
    private boolean childDetailsWithdrawn;
    private String unitCode;
    private String communeCode;
    private String provinceCode;
    private String schoolName;
    private String categoryCode;
    private String description;
    private int quantity;
    private String unit;
    private long unitCostDong;
    private long totalDong;
    private long fundedDong;
    private int year;
    private String season;
    private String seasonFolded;
    private LocalDate neededBy;

    @Enumerated(EnumType.STRING)
    private Priority priority;

    private int childrenServed;

    @Enumerated(EnumType.STRING)
    private NeedStatus status;

    private boolean submitted;
    private String cancelReason;
    private String descriptionFolded;
    private String schoolFolded;
    private String villageFolded;
    private String communeFolded;
    private String createdBy;
    private Instant createdAt;
    private Instant publishedAt;

    @Version
    private long version;

    protected Need() {}

    public static Need draft(NeedDetails details, String createdBy, Instant now) {
        Need need = new Need();
        need.status = NeedStatus.DRAFT;
        need.createdBy = createdBy;
        need.createdAt = now;
        need.apply(details);
        return need;
    }

    /** Edits the content: only while the need is a draft not yet submitted (rule {@code onlyDraftsAreEdited}). */
    public void edit(NeedDetails details) {
        if (status != NeedStatus.DRAFT) {
            throw new NeedRuleViolated("onlyDraftsAreEdited", "need.rule.onlyDraftsAreEdited");
        }
        apply(details);
    }

    private void apply(NeedDetails d) {
        this.target = d.target();
        this.childId = d.childId();
        this.unitCode = d.unitCode();
        this.communeCode = d.communeCode();
        this.provinceCode = d.provinceCode();
        this.schoolName = d.schoolName();
        this.categoryCode = d.categoryCode();
        this.description = d.description();
        this.quantity = d.quantity();
        this.unit = d.unit();
        this.unitCostDong = d.unitCost().dong();
        this.totalDong = d.unitCost().times(d.quantity()).dong();
        this.year = d.year();
        this.season = d.season();
        this.seasonFolded = VietnameseText.fold(d.season());
        this.neededBy = d.neededBy();
        this.priority = d.priority();
        this.childrenServed = d.childrenServed();
        this.descriptionFolded = VietnameseText.fold(d.description());
        this.schoolFolded = VietnameseText.fold(d.schoolName());
        this.villageFolded = d.villageFolded();
        this.communeFolded = d.communeFolded();
    }

    /** The commune sends a draft to the province ({@code onlyDraftsAreSubmitted}). */
    public void submit() {
        if (status != NeedStatus.DRAFT || submitted) {
            throw new NeedRuleViolated("onlyDraftsAreSubmitted", "need.rule.onlyDraftsAreSubmitted");
        }
        submitted = true;
    }

    /** The province returned the plan: submitted drafts go back to the commune. */
    public void returnToCommune() {
        if (status == NeedStatus.DRAFT) {
            submitted = false;
        }
    }

    /** The province approves a submitted draft ({@code onlySubmittedDraftsAreApproved}). */
    public void approve() {
        if (status != NeedStatus.DRAFT || !submitted) {
            throw new NeedRuleViolated("onlySubmittedDraftsAreApproved", "need.rule.onlySubmittedDraftsAreApproved");
        }
        status = NeedStatus.APPROVED;
    }

    /** Donors and the public see the need from now on ({@code onlyApprovedNeedsArePublished}). */
    public void publish(Instant now) {
        if (status != NeedStatus.APPROVED) {
            throw new NeedRuleViolated("onlyApprovedNeedsArePublished", "need.rule.onlyApprovedNeedsArePublished");
        }
        status = NeedStatus.PUBLISHED;
        publishedAt = now;
    }

    /**
     * Money received for the need ({@code fundingOnlyWhilePublished}): partly funded until the
     * total is reached, then funded. Whole đồng; a positive amount.
     */
    public void recordFunding(Vnd amount) {
        if (amount == null || amount.isZero()) {
            throw InvalidNeedInput.of("amount", "need.funding.amountPositive");
        }
        if (status != NeedStatus.PUBLISHED && status != NeedStatus.PARTLY_FUNDED) {
            throw new NeedRuleViolated("fundingOnlyWhilePublished", "need.rule.fundingOnlyWhilePublished");
        }
        Vnd funded = new Vnd(fundedDong).plus(amount);
        fundedDong = funded.dong();
        status = funded.isAtLeast(new Vnd(totalDong)) ? NeedStatus.FUNDED : NeedStatus.PARTLY_FUNDED;
    }

    /**
     * Money recorded for the need was taken back (a reversed allocation in the ledger;
     * {@code fundingWithdrawnOnlyBeforeDelivery}): the need is published again when nothing is
     * left, partly funded below the total, funded at or above it.
     */
    public void withdrawFunding(Vnd amount) {
        if (amount == null || amount.isZero()) {
            throw InvalidNeedInput.of("amount", "need.funding.amountPositive");
        }
        if (status != NeedStatus.PARTLY_FUNDED && status != NeedStatus.FUNDED) {
            throw new NeedRuleViolated(
                    "fundingWithdrawnOnlyBeforeDelivery", "need.rule.fundingWithdrawnOnlyBeforeDelivery");
        }
        Vnd funded = new Vnd(fundedDong).remainingAfter(amount);
        fundedDong = funded.dong();
        if (funded.isZero()) {
            status = NeedStatus.PUBLISHED;
        } else {
            status = funded.isAtLeast(new Vnd(totalDong)) ? NeedStatus.FUNDED : NeedStatus.PARTLY_FUNDED;
        }
    }

    /** The support reached the children ({@code onlyFundedNeedsAreDelivered}). */
    public void markDelivered() {
        if (status != NeedStatus.FUNDED) {
            throw new NeedRuleViolated("onlyFundedNeedsAreDelivered", "need.rule.onlyFundedNeedsAreDelivered");
        }
        status = NeedStatus.DELIVERED;
    }

    /** Ends a delivered need ({@code onlyDeliveredNeedsAreClosed}). */
    public void close() {
        if (status != NeedStatus.DELIVERED) {
            throw new NeedRuleViolated("onlyDeliveredNeedsAreClosed", "need.rule.onlyDeliveredNeedsAreClosed");
        }
        status = NeedStatus.CLOSED;
    }

    /**
     * Cancels a need that has received no money ({@code cancelOnlyBeforeFunding}); the reason is
     * required and shown to officers.
     */
    public void cancel(String reason) {
        String cleaned = VietnameseText.clean(reason);
        if (cleaned == null || cleaned.isEmpty()) {
            throw InvalidNeedInput.of("reason", "need.cancel.reasonRequired");
        }
        if (cleaned.length() > 500) {
            throw InvalidNeedInput.of("reason", "need.field.tooLong", 500);
        }
        if (status != NeedStatus.DRAFT && status != NeedStatus.APPROVED && status != NeedStatus.PUBLISHED) {
            throw new NeedRuleViolated("cancelOnlyBeforeFunding", "need.rule.cancelOnlyBeforeFunding");
        }
        status = NeedStatus.CANCELLED;
        cancelReason = cleaned;
    }

    /** The child's data may no longer be used; after an erasure the link itself is dropped. */
    public void withdrawChildDetails(boolean erased) {
        childDetailsWithdrawn = true;
        if (erased) {
            childId = null;
        }
    }

    public void villageRenamed(String folded) {
        this.villageFolded = folded;
    }

    /** The state the audit trail keeps: content and status, never the child's identity. */
    public Map<String, Object> auditState() {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("status", status.name());
        state.put("submitted", submitted);
        state.put("target", target.name());
        state.put("unitCode", unitCode);
        state.put("schoolName", schoolName);
        state.put("category", categoryCode);
        state.put("description", description);
        state.put("quantity", quantity);
        state.put("unit", unit);
        state.put("unitCostDong", unitCostDong);
        state.put("totalDong", totalDong);
        state.put("fundedDong", fundedDong);
        state.put("year", year);
        state.put("season", season);
        state.put("neededBy", neededBy == null ? null : neededBy.toString());
        state.put("priority", priority.name());
        state.put("childrenServed", childrenServed);
        state.put("cancelReason", cancelReason);
        return state;
    }

    public NeedView view() {
        return new NeedView(
                new NeedId(id),
                target,
                childId,
                childDetailsWithdrawn,
                unitCode,
                communeCode,
                provinceCode,
                schoolName,
                categoryCode,
                description,
                quantity,
                unit,
                new Vnd(unitCostDong),
                new Vnd(totalDong),
                new Vnd(fundedDong),
                year,
                season,
                neededBy,
                priority,
                childrenServed,
                status,
                submitted,
                cancelReason,
                createdBy,
                createdAt);
    }

    public Long getId() {
        return id;
    }

    public Vnd total() {
        return new Vnd(totalDong);
    }

    public Vnd funded() {
        return new Vnd(fundedDong);
    }

    public boolean isChildDetailsWithdrawn() {
        return childDetailsWithdrawn;
    }

    public String getCancelReason() {
        return cancelReason;
    }

    public NeedStatus getStatus() {
        return status;
    }

    public String getCommuneCode() {
        return communeCode;
    }

    public int getYear() {
        return year;
    }

    public boolean isSubmitted() {
        return submitted;
    }
}
