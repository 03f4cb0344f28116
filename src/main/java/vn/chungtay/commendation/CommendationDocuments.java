package vn.chungtay.commendation;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.chungtay.commendation.internal.LetterPdf;
import vn.chungtay.commendation.internal.ProposalDocx;
import vn.chungtay.organisation.OrgUnitView;
import vn.chungtay.organisation.OrganisationManagement;

/**
 * The documents of a proposal: the tờ trình with its list (DOCX, Decree 30/2020 layout, in
 * Vietnamese) and, for each approved candidate, a letter of thanks or a certificate (PDF, in
 * Vietnamese, in English for foreign donors), issued by the level that decided.
 */
@Service
@Transactional(readOnly = true)
public class CommendationDocuments {

    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");
    private static final DateTimeFormatter ENGLISH_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

    private final CommendationManagement commendations;
    private final OrganisationManagement organisation;
    private final MessageSource messages;

    CommendationDocuments(
            CommendationManagement commendations, OrganisationManagement organisation, MessageSource messages) {
        this.commendations = commendations;
        this.organisation = organisation;
        this.messages = messages;
    }

    /** A file to download. */
    public record Document(String fileName, String contentType, byte[] content) {}

    public Document proposal(long proposalId) {
        Proposal proposal = commendations.get(proposalId);
        Locale vi = VIETNAMESE;
        OrgUnitView unit = unit(proposal.unitCode());
        LocalDate date = proposal.submittedOn() != null ? proposal.submittedOn() : organisation.today();
        String addressee = proposal.level() == ProposingLevel.COMMUNE
                ? text(vi, "commendation.doc.standingOf", unitPhrase(parent(unit), vi))
                : text(vi, "commendation.doc.central");
        List<List<String>> rows = new ArrayList<>();
        int n = 1;
        for (Candidate c : proposal.proposed()) {
            String name = c.domestic() || c.country() == null || c.country().isBlank()
                    ? c.donorName()
                    : c.donorName() + " (" + c.country() + ")";
            rows.add(List.of(
                    Integer.toString(n++),
                    name,
                    text(vi, "commendation.group." + c.donorGroup().name())
                            + (c.domestic() ? "" : " " + text(vi, "commendation.doc.abroad")),
                    digits(c.value()),
                    text(vi, "commendation.form." + c.form().name()),
                    c.achievements()));
        }
        ProposalDocx.Content content = new ProposalDocx.Content(
                List.of(
                        text(vi, "commendation.doc.parentBody"),
                        unit.fullName().toUpperCase(vi),
                        text(vi, "commendation.doc.standing")),
                proposal.number() == null
                        ? text(vi, "commendation.doc.numberBlank")
                        : text(vi, "commendation.doc.number", proposal.documentNumber()),
                text(vi, "commendation.doc.nation"),
                text(vi, "commendation.doc.motto"),
                placeAndDate(unit.name(), date, vi),
                text(vi, "commendation.doc.type"),
                text(vi, "commendation.doc.summary", Integer.toString(proposal.year())),
                text(vi, "commendation.doc.to", addressee),
                List.of(
                        text(
                                vi,
                                "commendation.doc.basis",
                                dmy(proposal.periodFrom()),
                                dmy(proposal.periodTo()),
                                Integer.toString(proposal.year())),
                        text(
                                vi,
                                "commendation.doc.request",
                                unitPhrase(unit, vi),
                                addressee,
                                Long.toString(proposal.collectives()),
                                Long.toString(proposal.individuals()))),
                text(vi, "commendation.doc.listHeading"),
                List.of(
                        text(vi, "commendation.doc.col.no"),
                        text(vi, "commendation.doc.col.name"),
                        text(vi, "commendation.doc.col.kind"),
                        text(vi, "commendation.doc.col.value"),
                        text(vi, "commendation.doc.col.form"),
                        text(vi, "commendation.doc.col.achievements")),
                rows,
                text(vi, "commendation.doc.closing", addressee),
                List.of(text(vi, "commendation.doc.signFor"), text(vi, "commendation.doc.signTitle")),
                text(vi, "commendation.doc.recipients"),
                List.of(text(vi, "commendation.doc.asAbove"), text(vi, "commendation.doc.archive")));
        return new Document(
                "to-trinh-khen-thuong-" + proposal.unitCode() + "-" + proposal.year() + ".docx",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                ProposalDocx.render(content));
    }

    /** The approved candidate's letter or certificate, issued by the level that decided. */
    public Document letter(long candidateId) {
        Candidate candidate = commendations.candidate(candidateId);
        Proposal proposal = commendations.get(candidate.proposalId());
        if (candidate.excluded() || candidate.decision() != Decision.APPROVED) {
            throw new CommendationStepRefused("commendation.error.notApproved");
        }
        Locale locale = candidate.domestic() ? VIETNAMESE : Locale.ENGLISH;
        OrgUnitView proposing = unit(proposal.unitCode());
        OrgUnitView issuer = proposal.level() == ProposingLevel.COMMUNE ? parent(proposing) : null;
        LocalDate date = proposal.decidedOn() != null ? proposal.decidedOn() : organisation.today();
        List<String> issuerLines = issuer == null
                ? List.of(text(locale, "commendation.doc.centralBody"), text(locale, "commendation.doc.standing"))
                : List.of(
                        text(locale, "commendation.doc.parentBody"),
                        locale == VIETNAMESE
                                ? issuer.fullName().toUpperCase(locale)
                                : text(
                                        locale,
                                        "commendation.doc.ofUnit",
                                        unitPhrase(issuer, locale).toUpperCase(locale)),
                        text(locale, "commendation.doc.standing"));
        String issuerPhrase =
                issuer == null ? text(locale, "commendation.doc.centralName") : unitPhrase(issuer, locale);
        String place = issuer == null ? text(locale, "commendation.doc.centralPlace") : issuer.name();
        boolean certificate = candidate.form() != CommendationForm.THU_CAM_ON;
        List<String> body = new ArrayList<>();
        String presenter = null;
        String recipientLabel = null;
        if (certificate) {
            presenter = text(locale, "commendation.letter.presents", issuerPhrase.toUpperCase(locale));
            body.add(text(locale, "commendation.letter.achieved", candidate.achievements()));
        } else {
            recipientLabel = text(locale, "commendation.letter.to");
            body.add(text(
                    locale,
                    "commendation.letter.thanks",
                    issuerPhrase,
                    candidate.donorName(),
                    Integer.toString(proposal.year())));
            body.add(candidate.achievements());
            body.add(text(locale, "commendation.letter.wish"));
        }
        LetterPdf.Content content = new LetterPdf.Content(
                locale.getLanguage(),
                certificate,
                issuerLines,
                text(locale, "commendation.doc.nation"),
                text(locale, "commendation.doc.motto"),
                presenter,
                text(locale, "commendation.letter.title." + candidate.form().name()),
                recipientLabel,
                candidate.donorName(),
                body,
                placeAndDate(place, date, locale),
                List.of(text(locale, "commendation.doc.signFor"), text(locale, "commendation.doc.signTitle")));
        return new Document(
                (certificate ? "khen-thuong-" : "thu-cam-on-") + candidateId + ".pdf",
                "application/pdf",
                LetterPdf.render(content));
    }

    // ---- texts -----------------------------------------------------------------------------

    private OrgUnitView unit(String code) {
        LocalDate today = organisation.today();
        return organisation.find(code, today).orElseGet(() -> {
            List<OrgUnitView> versions = organisation.versions(code);
            return versions.get(versions.size() - 1);
        });
    }

    private OrgUnitView parent(OrgUnitView unit) {
        return unit.parentCode() == null ? unit : unit(unit.parentCode());
    }

    /** "tỉnh Lâm Đồng", "xã Cư Jút" (vi) or "Lâm Đồng Province", "Cư Jút Commune" (en). */
    private String unitPhrase(OrgUnitView unit, Locale locale) {
        String kind = switch (unit.type()) {
            case "Tỉnh" -> "province";
            case "Thành phố trực thuộc trung ương" -> "city";
            case "Xã" -> "commune";
            case "Phường" -> "ward";
            case "Thị trấn" -> "town";
            case "Đặc khu" -> "zone";
            default -> "other";
        };
        return text(locale, "commendation.unit." + kind, unit.name(), unit.fullName());
    }

    /** Decree 30: "Cư Jút, ngày 05 tháng 7 năm 2026" (a zero before days below 10 and months 1 and 2). */
    private String placeAndDate(String place, LocalDate date, Locale locale) {
        String day = String.format("%02d", date.getDayOfMonth());
        String month = date.getMonthValue() <= 2
                ? String.format("%02d", date.getMonthValue())
                : Integer.toString(date.getMonthValue());
        return text(
                locale,
                "commendation.doc.placeDate",
                place,
                day,
                month,
                Integer.toString(date.getYear()),
                ENGLISH_DATE.format(date));
    }

    private static String dmy(LocalDate date) {
        return DateTimeFormatter.ofPattern("dd/MM/yyyy").format(date);
    }

    private static String digits(vn.chungtay.shared.money.Vnd value) {
        String formatted = value.formatted();
        return formatted.substring(0, formatted.length() - 2);
    }

    private String text(Locale locale, String key, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
