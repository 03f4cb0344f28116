package vn.chungtay.child.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import vn.chungtay.child.ChildStatus;
import vn.chungtay.child.ConsentMethod;
import vn.chungtay.child.ConsentPurpose;
import vn.chungtay.child.HouseholdPoverty;
import vn.chungtay.child.Schooling;
import vn.chungtay.child.Sex;
import vn.chungtay.shared.text.VietnameseText;

/**
 * A child's record with the rules of its consent: a record is used only while the guardian's
 * consent to processing stands and, from age 7, the child's own; withdrawal stops use at once;
 * erasure keeps only what anonymous counts need.
 */
public class Child {

    /** From this age the child's own consent is needed as well as the guardian's. */
    public static final int AGE_OF_OWN_CONSENT = 7;
    /** A child is under 16 (Law on Children 2016); records are flagged this many days before. */
    public static final int CHILD_AGE_LIMIT = 16;

    public static final int TURNING_16_NOTICE_DAYS = 90;

    private Long id;
    private String publicCode;
    private ChildStatus status;
    private ChildData data;
    private int birthYear;
    private String guardianConsentBy;
    private LocalDate guardianConsentDate;
    private ConsentMethod guardianConsentMethod;
    private Set<ConsentPurpose> consentPurposes = EnumSet.noneOf(ConsentPurpose.class);
    private String childConsentBy;
    private LocalDate childConsentDate;
    private OffsetDateTime consentWithdrawnAt;
    private String createdBy;
    private long version;

    Child() {}

    /** A new record: ACTIVE when the required consent is there, otherwise a DRAFT. */
    public static Child register(
            String publicCode, ChildData data, Consent consent, String createdBy, LocalDate today) {
        Child child = new Child();
        child.publicCode = publicCode;
        child.data = data;
        child.birthYear = data.dateOfBirth().getYear();
        child.createdBy = createdBy;
        child.applyConsent(consent);
        child.status = child.consentComplete(today) ? ChildStatus.ACTIVE : ChildStatus.DRAFT;
        return child;
    }

    static Child restore(
            long id,
            String publicCode,
            ChildStatus status,
            ChildData data,
            int birthYear,
            Consent consent,
            OffsetDateTime consentWithdrawnAt,
            String createdBy,
            long version) {
        Child child = new Child();
        child.id = id;
        child.publicCode = publicCode;
        child.status = status;
        child.data = data;
        child.birthYear = birthYear;
        child.applyConsent(consent);
        child.consentWithdrawnAt = consentWithdrawnAt;
        child.createdBy = createdBy;
        child.version = version;
        return child;
    }

    /** Replaces the record's fields; answers the names of the fields that changed. */
    public List<String> update(ChildData next, LocalDate today) {
        requireNotErased();
        List<String> changed = new ArrayList<>();
        compare(changed, "fullName", data.fullName(), next.fullName());
        compare(changed, "dateOfBirth", data.dateOfBirth(), next.dateOfBirth());
        compare(changed, "sex", data.sex(), next.sex());
        compare(changed, "ethnicGroupCode", data.ethnicGroupCode(), next.ethnicGroupCode());
        compare(changed, "villageCode", data.villageCode(), next.villageCode());
        compare(changed, "guardianName", data.guardianName(), next.guardianName());
        compare(changed, "guardianRelationship", data.guardianRelationship(), next.guardianRelationship());
        compare(changed, "guardianPhone", data.guardianPhone(), next.guardianPhone());
        compare(changed, "householdPoverty", data.householdPoverty(), next.householdPoverty());
        compare(changed, "povertyCertificate", data.povertyCertificate(), next.povertyCertificate());
        compare(changed, "schooling", data.schooling(), next.schooling());
        compare(changed, "schoolName", data.schoolName(), next.schoolName());
        compare(changed, "circumstances", data.circumstances(), next.circumstances());
        compare(changed, "disability", data.disability(), next.disability());
        compare(changed, "healthNotes", data.healthNotes(), next.healthNotes());
        compare(changed, "nutritionNotes", data.nutritionNotes(), next.nutritionNotes());
        data = next;
        birthYear = next.dateOfBirth().getYear();
        if (status == ChildStatus.ACTIVE && !consentComplete(today)) {
            status = ChildStatus.DRAFT;
        }
        return changed;
    }

    /** Records (or renews) consents; the record becomes ACTIVE once the required consent is complete. */
    public void recordConsent(Consent consent, LocalDate today) {
        requireNotErased();
        applyConsent(consent);
        consentWithdrawnAt = null;
        status = consentComplete(today) ? ChildStatus.ACTIVE : ChildStatus.DRAFT;
    }

    /** Every consent is withdrawn: the record is kept for the commune but used for nothing. */
    public void withdrawConsent(OffsetDateTime now) {
        requireNotErased();
        consentPurposes = EnumSet.noneOf(ConsentPurpose.class);
        consentWithdrawnAt = now;
        status = ChildStatus.WITHDRAWN;
    }

    /** Only one purpose is withdrawn (e.g. anonymous mention to donors); withdrawing processing withdraws all. */
    public void withdrawPurpose(ConsentPurpose purpose, OffsetDateTime now) {
        if (purpose == ConsentPurpose.PROCESSING) {
            withdrawConsent(now);
            return;
        }
        requireNotErased();
        Set<ConsentPurpose> left = EnumSet.noneOf(ConsentPurpose.class);
        left.addAll(consentPurposes);
        left.remove(purpose);
        consentPurposes = left;
    }

    /** A deletion request: personal fields go, the anonymous counting fields stay. */
    public void erase() {
        data = new ChildData(
                null,
                null,
                data.sex(),
                data.ethnicGroupCode(),
                data.villageCode(),
                data.communeCode(),
                null,
                null,
                null,
                data.householdPoverty(),
                null,
                data.schooling(),
                null,
                data.circumstances(),
                null,
                null,
                null);
        guardianConsentBy = null;
        childConsentBy = null;
        consentPurposes = EnumSet.noneOf(ConsentPurpose.class);
        status = ChildStatus.ERASED;
    }

    public boolean consentComplete(LocalDate today) {
        boolean guardian = guardianConsentBy != null
                && guardianConsentDate != null
                && consentPurposes.contains(ConsentPurpose.PROCESSING);
        return guardian && (!childConsentRequired(today) || (childConsentBy != null && childConsentDate != null));
    }

    public boolean childConsentRequired(LocalDate today) {
        return data.dateOfBirth() != null && ageYears(today) >= AGE_OF_OWN_CONSENT;
    }

    /** Whether the record may be used at all today: active with its required consent complete. */
    public boolean usable(LocalDate today) {
        return status == ChildStatus.ACTIVE && consentComplete(today);
    }

    public boolean mentionAllowed(LocalDate today) {
        return usable(today) && consentPurposes.contains(ConsentPurpose.ANONYMOUS_MENTION);
    }

    public int ageYears(LocalDate today) {
        return ageOn(data.dateOfBirth(), birthYear, today);
    }

    public boolean turning16(LocalDate today) {
        return turning16(data.dateOfBirth(), today);
    }

    public static int ageOn(LocalDate dateOfBirth, int birthYear, LocalDate today) {
        if (dateOfBirth == null) {
            return Math.max(0, today.getYear() - birthYear);
        }
        return Math.max(0, Period.between(dateOfBirth, today).getYears());
    }

    public static boolean turning16(LocalDate dateOfBirth, LocalDate today) {
        return dateOfBirth != null
                && !dateOfBirth.plusYears(CHILD_AGE_LIMIT).isAfter(today.plusDays(TURNING_16_NOTICE_DAYS));
    }

    private void applyConsent(Consent consent) {
        guardianConsentBy = consent.guardianBy();
        guardianConsentDate = consent.guardianDate();
        guardianConsentMethod = consent.method();
        Set<ConsentPurpose> purposes = EnumSet.noneOf(ConsentPurpose.class);
        purposes.addAll(consent.purposes());
        consentPurposes = purposes;
        childConsentBy = consent.childBy();
        childConsentDate = consent.childDate();
    }

    private void requireNotErased() {
        if (status == ChildStatus.ERASED) {
            throw new IllegalStateException("An erased record cannot change");
        }
    }

    private static void compare(List<String> changed, String field, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            changed.add(field);
        }
    }

    void assignId(long id) {
        this.id = id;
    }

    void nextVersion() {
        version++;
    }

    public Long id() {
        return id;
    }

    public String publicCode() {
        return publicCode;
    }

    public ChildStatus status() {
        return status;
    }

    public ChildData data() {
        return data;
    }

    public int birthYear() {
        return birthYear;
    }

    public String nameFolded() {
        return data.fullName() == null ? null : VietnameseText.fold(data.fullName());
    }

    public String guardianFolded() {
        return data.guardianName() == null ? null : VietnameseText.fold(data.guardianName());
    }

    public Consent consent() {
        return new Consent(
                guardianConsentBy,
                guardianConsentDate,
                guardianConsentMethod,
                new LinkedHashSet<>(consentPurposes),
                childConsentBy,
                childConsentDate);
    }

    public Set<ConsentPurpose> consentPurposes() {
        return Set.copyOf(consentPurposes);
    }

    public OffsetDateTime consentWithdrawnAt() {
        return consentWithdrawnAt;
    }

    public String createdBy() {
        return createdBy;
    }

    public long version() {
        return version;
    }

    public String communeCode() {
        return data.communeCode();
    }

    public String villageCode() {
        return data.villageCode();
    }

    public Sex sex() {
        return data.sex();
    }

    public HouseholdPoverty householdPoverty() {
        return data.householdPoverty();
    }

    public Schooling schooling() {
        return data.schooling();
    }
}
