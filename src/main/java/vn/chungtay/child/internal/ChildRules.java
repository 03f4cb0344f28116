package vn.chungtay.child.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import vn.chungtay.child.ChildForm;
import vn.chungtay.child.ConsentForm;
import vn.chungtay.child.ConsentMethod;
import vn.chungtay.child.ConsentPurpose;
import vn.chungtay.child.HouseholdPoverty;
import vn.chungtay.child.InvalidChildData;
import vn.chungtay.child.InvalidChildData.Problem;
import vn.chungtay.organisation.OrgUnitView;
import vn.chungtay.shared.text.VietnameseText;

/**
 * The rules a child's record must meet, all checked at once so a person sees every problem: the
 * fields, the village (valid today), and the consents — the guardian's with processing, and the
 * child's own from age 7.
 */
@Component
public class ChildRules {

    static final int NAME_MAX = 150;
    static final int SHORT_MAX = 60;
    static final int NOTE_MAX = 1000;
    private static final Pattern PERSON_NAME = Pattern.compile("[\\p{L}\\p{M}][\\p{L}\\p{M} '’.\\-]*");
    private static final Pattern PHONE = Pattern.compile("(\\+84|0)\\d{9,10}");

    private final ReferenceLists lists;

    ChildRules(ReferenceLists lists) {
        this.lists = lists;
    }

    /** Whether a form's consent must be complete, is checked only when given, or is not part of the change. */
    public enum ConsentCheck {
        REQUIRED,
        IF_GIVEN,
        IGNORED
    }

    /** A valid record with its consent. */
    public record Valid(ChildData data, Consent consent) {}

    /**
     * Checks a form. REQUIRED: the guardian's consent (and from age 7 the child's) must be
     * complete; IF_GIVEN: a consent is checked only if any part of it is given.
     */
    public Valid check(
            ChildForm form, LocalDate today, Function<String, Optional<OrgUnitView>> villages, ConsentCheck mode) {
        List<Problem> problems = new ArrayList<>();
        ChildData data = checkData(form, today, villages, problems);
        Consent consent = Consent.NONE;
        boolean anyConsent = form.hasGuardianConsent() || form.hasChildConsent();
        if (mode == ConsentCheck.REQUIRED || (mode == ConsentCheck.IF_GIVEN && anyConsent)) {
            consent = checkConsent(form.consent(), form.dateOfBirth(), today, problems);
        }
        if (!problems.isEmpty()) {
            throw new InvalidChildData(problems);
        }
        return new Valid(data, consent);
    }

    /** Checks a consent recorded on its own, for a child born on the date (null once erased). */
    public Consent checkConsent(ConsentForm form, LocalDate dateOfBirth, LocalDate today) {
        List<Problem> problems = new ArrayList<>();
        Consent consent = checkConsent(form, dateOfBirth, today, problems);
        if (!problems.isEmpty()) {
            throw new InvalidChildData(problems);
        }
        return consent;
    }

    private ChildData checkData(
            ChildForm form, LocalDate today, Function<String, Optional<OrgUnitView>> villages, List<Problem> problems) {
        String fullName = personName("fullName", form.fullName(), true, problems);
        LocalDate born = form.dateOfBirth();
        if (born == null) {
            problems.add(Problem.of("dateOfBirth", "child.error.dateOfBirthRequired"));
        } else if (born.isAfter(today)) {
            problems.add(Problem.of("dateOfBirth", "child.error.dateOfBirthFuture"));
        } else if (Child.ageOn(born, born.getYear(), today) >= Child.CHILD_AGE_LIMIT) {
            problems.add(Problem.of("dateOfBirth", "child.error.tooOld", Child.CHILD_AGE_LIMIT));
        }
        if (form.sex() == null) {
            problems.add(Problem.of("sex", "child.error.sexRequired"));
        }
        Optional<String> ethnic = lists.ethnicGroupCode(form.ethnicGroupCode());
        if (ethnic.isEmpty()) {
            problems.add(Problem.of(
                    "ethnicGroupCode", "child.error.ethnicGroupInvalid", nullToEmpty(form.ethnicGroupCode())));
        }
        String villageCode = VietnameseText.clean(form.villageCode());
        String communeCode = null;
        if (villageCode == null || villageCode.isEmpty()) {
            problems.add(Problem.of("villageCode", "child.error.villageRequired"));
        } else {
            Optional<OrgUnitView> village = vn.chungtay.organisation.OrgUnitCode.isValid(villageCode)
                    ? villages.apply(villageCode)
                    : Optional.empty();
            if (village.isEmpty()
                    || !village.get().isVillage()
                    || !village.get().isValidOn(today)) {
                problems.add(Problem.of("villageCode", "child.error.villageInvalid", villageCode));
            } else {
                communeCode = village.get().parentCode();
            }
        }
        String guardianName = personName("guardianName", form.guardianName(), true, problems);
        String relationship = text("guardianRelationship", form.guardianRelationship(), SHORT_MAX, problems);
        String phone = VietnameseText.clean(form.guardianPhone());
        if (phone != null && !phone.isEmpty()) {
            phone = phone.replaceAll("[\\s.\\-()]", "");
            if (!PHONE.matcher(phone).matches()) {
                problems.add(Problem.of("guardianPhone", "child.error.phoneInvalid"));
            }
        } else {
            phone = null;
        }
        HouseholdPoverty poverty = form.householdPoverty() == null ? HouseholdPoverty.NONE : form.householdPoverty();
        String certificate = text("povertyCertificate", form.povertyCertificate(), SHORT_MAX, problems);
        String schoolName = text("schoolName", form.schoolName(), NAME_MAX, problems);
        TreeSet<String> circumstances = new TreeSet<>();
        for (String code : form.circumstances()) {
            String c = code == null ? "" : code.trim().toUpperCase(java.util.Locale.ROOT);
            if (c.isEmpty()) {
                continue;
            }
            if (!lists.isCircumstance(c)) {
                problems.add(Problem.of("circumstances", "child.error.circumstanceInvalid", c));
            } else {
                circumstances.add(c);
            }
        }
        String disability = text("disability", form.disability(), NOTE_MAX, problems);
        String health = text("healthNotes", form.healthNotes(), NOTE_MAX, problems);
        String nutrition = text("nutritionNotes", form.nutritionNotes(), NOTE_MAX, problems);
        return new ChildData(
                fullName,
                born,
                form.sex(),
                ethnic.orElse(null),
                villageCode,
                communeCode,
                guardianName,
                relationship,
                phone,
                poverty,
                certificate,
                form.schooling(),
                schoolName,
                List.copyOf(circumstances),
                disability,
                health,
                nutrition);
    }

    private Consent checkConsent(ConsentForm form, LocalDate born, LocalDate today, List<Problem> problems) {
        String guardianBy = personName("guardianConsentBy", form.guardianConsentBy(), true, problems);
        LocalDate guardianDate = consentDate("guardianConsentDate", form.guardianConsentDate(), born, today, problems);
        ConsentMethod method =
                form.guardianConsentMethod() == null ? ConsentMethod.WRITTEN : form.guardianConsentMethod();
        if (!form.consentPurposes().contains(ConsentPurpose.PROCESSING)) {
            problems.add(Problem.of("consentPurposes", "child.error.processingRequired"));
        }
        boolean childNeeded = born != null && Child.ageOn(born, born.getYear(), today) >= Child.AGE_OF_OWN_CONSENT;
        String childBy = null;
        LocalDate childDate = null;
        boolean childGiven =
                (form.childConsentBy() != null && !form.childConsentBy().isBlank()) || form.childConsentDate() != null;
        if (childNeeded && !childGiven) {
            problems.add(Problem.of("childConsentBy", "child.error.childConsentRequired", Child.AGE_OF_OWN_CONSENT));
        } else if (childGiven) {
            childBy = personName("childConsentBy", form.childConsentBy(), true, problems);
            childDate = consentDate("childConsentDate", form.childConsentDate(), born, today, problems);
        }
        return new Consent(guardianBy, guardianDate, method, form.consentPurposes(), childBy, childDate);
    }

    private static LocalDate consentDate(
            String field, LocalDate date, LocalDate born, LocalDate today, List<Problem> problems) {
        if (date == null) {
            problems.add(Problem.of(field, "child.error.consentDateRequired"));
        } else if (date.isAfter(today)) {
            problems.add(Problem.of(field, "child.error.consentDateFuture"));
        } else if (born != null && date.isBefore(born)) {
            problems.add(Problem.of(field, "child.error.consentDateBeforeBirth"));
        }
        return date;
    }

    private static String personName(String field, String raw, boolean required, List<Problem> problems) {
        String name = VietnameseText.clean(raw);
        if (name == null || name.isEmpty()) {
            if (required) {
                problems.add(Problem.of(field, "child.error.required." + field));
            }
            return null;
        }
        if (name.length() > NAME_MAX) {
            problems.add(Problem.of(field, "child.error.tooLong", NAME_MAX));
        } else if (!PERSON_NAME.matcher(name).matches()) {
            problems.add(Problem.of(field, "child.error.nameCharacters"));
        }
        return name;
    }

    private static String text(String field, String raw, int max, List<Problem> problems) {
        String text = VietnameseText.clean(raw);
        if (text == null || text.isEmpty()) {
            return null;
        }
        if (text.length() > max) {
            problems.add(Problem.of(field, "child.error.tooLong", max));
        }
        return text;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
