package vn.chungtay.child;

import java.time.LocalDate;
import java.util.Set;
import org.springframework.format.annotation.DateTimeFormat;

/** The guardian's consent (who, when, how, for what) and the child's own (from age 7). */
public record ConsentForm(
        String guardianConsentBy,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate guardianConsentDate,
        ConsentMethod guardianConsentMethod,
        Set<ConsentPurpose> consentPurposes,
        String childConsentBy,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate childConsentDate) {

    public ConsentForm {
        consentPurposes = consentPurposes == null ? Set.of() : Set.copyOf(consentPurposes);
    }

    /** Never prints the child's name, birth date or family: records end up in logs (Spring MVC at DEBUG). */
    @Override
    public String toString() {
        return "ConsentForm[personal data withheld]";
    }
}
