package vn.chungtay.organisation.web;

import java.io.IOException;
import java.time.LocalDate;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import vn.chungtay.organisation.ImportReport;
import vn.chungtay.organisation.InvalidInput;
import vn.chungtay.organisation.OrganisationManagement;
import vn.chungtay.organisation.UnitListRejected;
import vn.chungtay.shared.security.CurrentActor;
import vn.chungtay.shared.security.OutsideScope;
import vn.chungtay.shared.security.Role;

/** Administrators load a change list of administrative units (new units and mergers) effective on a date. */
@Controller
class ImportPageController {

    private final OrganisationManagement organisation;
    private final MessageSource messages;

    ImportPageController(OrganisationManagement organisation, MessageSource messages) {
        this.organisation = organisation;
        this.messages = messages;
    }

    @GetMapping("/admin/org-units/import")
    String form(Model model) {
        requireAdmin();
        model.addAttribute("runs", organisation.importRuns());
        return "organisation/import";
    }

    @PostMapping("/admin/org-units/import")
    String upload(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate effectiveDate,
            @RequestParam(required = false) MultipartFile units,
            @RequestParam(required = false) MultipartFile mergers,
            Model model,
            Locale locale)
            throws IOException {
        requireAdmin();
        byte[] unitBytes = units == null || units.isEmpty() ? null : units.getBytes();
        byte[] mergerBytes = mergers == null || mergers.isEmpty() ? null : mergers.getBytes();
        try {
            if (effectiveDate == null) {
                throw new InvalidInput("effectiveDate", "organisation.import.dateRequired");
            }
            String dataset = "change-" + effectiveDate;
            ImportReport report = organisation.importChangeList(
                    dataset,
                    effectiveDate,
                    units == null ? null : units.getOriginalFilename(),
                    unitBytes,
                    mergers == null ? null : mergers.getOriginalFilename(),
                    mergerBytes);
            model.addAttribute("report", report);
        } catch (UnitListRejected e) {
            model.addAttribute("report", e.report());
        } catch (InvalidInput e) {
            model.addAttribute(
                    "flashError", messages.getMessage(e.messageKey(), e.arguments(), e.messageKey(), locale));
        }
        model.addAttribute("runs", organisation.importRuns());
        return "organisation/import";
    }

    private static void requireAdmin() {
        if (!CurrentActor.get().has(Role.ADMIN)) {
            throw new OutsideScope("Only administrators import unit lists");
        }
    }
}
