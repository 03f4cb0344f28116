package vn.chungtay.need.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import vn.chungtay.need.InvalidNeedInput;
import vn.chungtay.need.NeedRuleViolated;
import vn.chungtay.need.PlanStatus;
import vn.chungtay.shared.text.VietnameseText;

/** A commune's plan (kế hoạch) for a year: its needs of that year, submitted to and decided by the province. */
@Entity
@Table(name = "need_plan")
public class Plan {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String communeCode;
    private String provinceCode;

    @Column(name = "year")
    private int year;

    @Enumerated(EnumType.STRING)
    private PlanStatus status;

    private String comment;
    private String submittedBy;
    private Instant submittedAt;
    private String decidedBy;
    private Instant decidedAt;
    private String createdBy;
    private Instant createdAt;

    @Version
    private long version;

    protected Plan() {}

    public static Plan open(String communeCode, String provinceCode, int year, String createdBy, Instant now) {
        Plan plan = new Plan();
        plan.communeCode = communeCode;
        plan.provinceCode = provinceCode;
        plan.year = year;
        plan.status = PlanStatus.DRAFT;
        plan.createdBy = createdBy;
        plan.createdAt = now;
        return plan;
    }

    /** The commune sends the plan up ({@code onlyDraftOrReturnedPlansAreSubmitted}). */
    public void submit(String by, Instant now) {
        if (status != PlanStatus.DRAFT && status != PlanStatus.RETURNED) {
            throw new NeedRuleViolated(
                    "onlyDraftOrReturnedPlansAreSubmitted", "plan.rule.onlyDraftOrReturnedPlansAreSubmitted");
        }
        status = PlanStatus.SUBMITTED;
        submittedBy = by;
        submittedAt = now;
    }

    /** The province approves a submitted plan ({@code onlySubmittedPlansAreDecided}); a comment is optional. */
    public void approve(String by, String comment, Instant now) {
        requireSubmitted();
        status = PlanStatus.APPROVED;
        String cleaned = VietnameseText.clean(comment);
        this.comment = cleaned == null || cleaned.isEmpty() ? null : limited(cleaned);
        decidedBy = by;
        decidedAt = now;
    }

    /** The province returns a submitted plan with comments, which are required. */
    public void returnWith(String by, String comment, Instant now) {
        String cleaned = VietnameseText.clean(comment);
        if (cleaned == null || cleaned.isEmpty()) {
            throw InvalidNeedInput.of("comment", "plan.return.commentRequired");
        }
        requireSubmitted();
        status = PlanStatus.RETURNED;
        this.comment = limited(cleaned);
        decidedBy = by;
        decidedAt = now;
    }

    private static String limited(String comment) {
        if (comment.length() > 2000) {
            throw InvalidNeedInput.of("comment", "need.field.tooLong", 2000);
        }
        return comment;
    }

    private void requireSubmitted() {
        if (status != PlanStatus.SUBMITTED) {
            throw new NeedRuleViolated("onlySubmittedPlansAreDecided", "plan.rule.onlySubmittedPlansAreDecided");
        }
    }

    public Map<String, Object> auditState() {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("communeCode", communeCode);
        state.put("year", year);
        state.put("status", status.name());
        state.put("comment", comment);
        return state;
    }

    public Long getId() {
        return id;
    }

    public String getCommuneCode() {
        return communeCode;
    }

    public String getProvinceCode() {
        return provinceCode;
    }

    public int getYear() {
        return year;
    }

    public PlanStatus getStatus() {
        return status;
    }

    public String getComment() {
        return comment;
    }

    public String getSubmittedBy() {
        return submittedBy;
    }

    public Instant getSubmittedAt() {
        return submittedAt;
    }

    public String getDecidedBy() {
        return decidedBy;
    }

    public Instant getDecidedAt() {
        return decidedAt;
    }
}
