package vn.chungtay.child.web;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;
import vn.chungtay.child.ChildForm;
import vn.chungtay.child.ChildManagement;
import vn.chungtay.child.ChildSummary;
import vn.chungtay.child.ChildView;
import vn.chungtay.child.CodeName;
import vn.chungtay.child.ConsentForm;
import vn.chungtay.child.ConsentMethod;
import vn.chungtay.child.ConsentPurpose;
import vn.chungtay.child.DuplicatesFound;
import vn.chungtay.child.HouseholdPoverty;
import vn.chungtay.child.ImportRejected;
import vn.chungtay.child.ImportResult;
import vn.chungtay.child.InvalidChildData;
import vn.chungtay.child.ReasonRequired;
import vn.chungtay.child.Schooling;
import vn.chungtay.child.Sex;
import vn.chungtay.shared.paging.Page;
import vn.chungtay.shared.security.Actor;
import vn.chungtay.shared.security.CurrentActor;
import vn.chungtay.shared.security.Role;

/** The children pages: list and search, register and correct, the record with its consents, workbooks. */
@Controller
class ChildPageController {

    private static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final ChildManagement management;
    private final MessageSource messages;

    ChildPageController(ChildManagement management, MessageSource messages) {
        this.management = management;
        this.messages = messages;
    }

    @GetMapping("/children")
    String list(
            @RequestParam(defaultValue = "") String village,
            @RequestParam(defaultValue = "") String q,
            @RequestParam(defaultValue = "0") int page,
            HttpServletRequest request,
            Model model) {
        Actor actor = CurrentActor.get();
        Page<ChildSummary> results = management.list(village, q, page, 25);
        model.addAttribute("page", results);
        model.addAttribute("village", village);
        model.addAttribute("q", q);
        model.addAttribute("villages", management.listedVillages());
        model.addAttribute("canRegister", actor.canManage() || actor.has(Role.VILLAGE_COLLABORATOR));
        model.addAttribute("showNames", !actor.has(Role.SUPERVISOR));
        model.addAttribute(
                "pageUrl",
                "/children?village=" + UriUtils.encodeQueryParam(village, StandardCharsets.UTF_8) + "&q="
                        + UriUtils.encodeQueryParam(q, StandardCharsets.UTF_8) + "&");
        if ("true".equals(request.getHeader("HX-Request"))) {
            return "child/list :: results";
        }
        return "child/list";
    }

    @GetMapping("/children/new")
    String newChild(Model model) {
        List<CodeName> villages = management.registrableVillages();
        return form(
                ChildForm.blank(villages.size() == 1 ? villages.get(0).code() : ""), null, Map.of(), List.of(), model);
    }

    @PostMapping("/children")
    String create(
            @ModelAttribute("form") ChildForm form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect,
            Locale locale) {
        if (binding.hasErrors()) {
            return form(form, null, bindingErrors(binding, locale), List.of(), model);
        }
        try {
            ChildView child = management.register(form);
            redirect.addFlashAttribute(
                    "flashSuccess",
                    messages.getMessage(
                            child.draft() ? "child.flash.draftCreated" : "child.flash.created",
                            new Object[] {child.publicCode()},
                            locale));
            return "redirect:/children/" + child.id();
        } catch (InvalidChildData e) {
            return form(form, null, errors(e, locale), List.of(), model);
        } catch (DuplicatesFound e) {
            return form(form, null, Map.of(), e.duplicates(), model);
        }
    }

    @GetMapping("/children/{id:\\d+}/edit")
    String edit(@PathVariable long id, Model model) {
        ChildView child = management.read(id, null);
        return form(child.toForm(), child, Map.of(), List.of(), model);
    }

    @PostMapping("/children/{id:\\d+}")
    String update(
            @PathVariable long id,
            @ModelAttribute("form") ChildForm form,
            BindingResult binding,
            Model model,
            RedirectAttributes redirect,
            Locale locale) {
        if (binding.hasErrors()) {
            return form(form, management.read(id, null), bindingErrors(binding, locale), List.of(), model);
        }
        try {
            ChildView child = management.update(id, form);
            redirect.addFlashAttribute(
                    "flashSuccess",
                    messages.getMessage("child.flash.updated", new Object[] {child.publicCode()}, locale));
            return "redirect:/children/" + id;
        } catch (InvalidChildData e) {
            return form(form, management.read(id, null), errors(e, locale), List.of(), model);
        }
    }

    @GetMapping("/children/{id:\\d+}")
    String detail(@PathVariable long id, Model model) {
        try {
            return detail(management.read(id, null), model);
        } catch (ReasonRequired e) {
            model.addAttribute("childId", id);
            return "child/reason";
        }
    }

    /** Supervisors state why they read a record; the reason goes into the audit entry of the read. */
    @PostMapping("/children/{id:\\d+}/read")
    String detailWithReason(@PathVariable long id, @RequestParam(defaultValue = "") String reason, Model model) {
        try {
            return detail(management.read(id, reason), model);
        } catch (ReasonRequired e) {
            model.addAttribute("childId", id);
            model.addAttribute("reasonMissing", true);
            return "child/reason";
        }
    }

    @PostMapping("/children/{id:\\d+}/consent")
    String consent(
            @PathVariable long id,
            @ModelAttribute ConsentForm form,
            BindingResult binding,
            RedirectAttributes redirect,
            Locale locale) {
        if (binding.hasErrors()) {
            redirect.addFlashAttribute(
                    "flashError",
                    String.join(" ", bindingErrors(binding, locale).values()));
            return "redirect:/children/" + id + "#consent";
        }
        try {
            ChildView child = management.recordConsent(id, form);
            redirect.addFlashAttribute(
                    "flashSuccess",
                    messages.getMessage(
                            child.usable() ? "child.flash.consentRecorded" : "child.flash.consentIncomplete",
                            null,
                            locale));
        } catch (InvalidChildData e) {
            redirect.addFlashAttribute(
                    "flashError", String.join(" ", errors(e, locale).values()));
        }
        return "redirect:/children/" + id + "#consent";
    }

    @PostMapping("/children/{id:\\d+}/withdraw")
    String withdraw(
            @PathVariable long id,
            @RequestParam(required = false) ConsentPurpose purpose,
            @RequestParam(defaultValue = "false") boolean confirm,
            RedirectAttributes redirect,
            Locale locale) {
        if (!confirm) {
            redirect.addFlashAttribute("flashError", messages.getMessage("child.flash.confirmNeeded", null, locale));
            return "redirect:/children/" + id + "#consent";
        }
        management.withdrawConsent(id, purpose);
        redirect.addFlashAttribute(
                "flashSuccess",
                messages.getMessage(
                        purpose == null ? "child.flash.withdrawnAll" : "child.flash.withdrawnMention", null, locale));
        return "redirect:/children/" + id + "#consent";
    }

    @PostMapping("/children/{id:\\d+}/erase")
    String erase(
            @PathVariable long id,
            @RequestParam(defaultValue = "false") boolean confirm,
            RedirectAttributes redirect,
            Locale locale) {
        if (!confirm) {
            redirect.addFlashAttribute("flashError", messages.getMessage("child.flash.confirmNeeded", null, locale));
            return "redirect:/children/" + id + "#erase";
        }
        management.erase(id);
        redirect.addFlashAttribute("flashSuccess", messages.getMessage("child.flash.erased", null, locale));
        return "redirect:/children/" + id;
    }

    @GetMapping("/children/template.xlsx")
    ResponseEntity<byte[]> template() {
        return xlsx(management.template(), "mau-danh-sach-tre-em.xlsx");
    }

    @GetMapping("/children/export.xlsx")
    ResponseEntity<byte[]> export(@RequestParam(defaultValue = "") String village) {
        return xlsx(management.export(village), "danh-sach-tre-em.xlsx");
    }

    @GetMapping("/children/import")
    String importForm() {
        return "child/import";
    }

    @PostMapping("/children/import")
    String importWorkbook(
            @RequestParam(required = false) MultipartFile file,
            @RequestParam(defaultValue = "false") boolean confirmDuplicates,
            Model model,
            Locale locale)
            throws IOException {
        try {
            if (file == null || file.isEmpty()) {
                throw InvalidChildData.of("file", "child.import.empty");
            }
            String name = file.getOriginalFilename() == null
                    ? ""
                    : file.getOriginalFilename().toLowerCase(Locale.ROOT);
            if (!name.endsWith(".xlsx")) {
                throw InvalidChildData.of("file", "child.import.notXlsx");
            }
            if (file.getSize() > vn.chungtay.child.internal.ChildWorkbooks.MAX_BYTES) {
                throw InvalidChildData.of(
                        "file",
                        "child.import.tooLarge",
                        vn.chungtay.child.internal.ChildWorkbooks.MAX_BYTES / (1024 * 1024));
            }
            ImportResult result = management.importWorkbook(file.getBytes(), confirmDuplicates);
            model.addAttribute(
                    "flashSuccess",
                    messages.getMessage(
                            "child.import.done", new Object[] {result.imported(), result.drafts()}, locale));
        } catch (ImportRejected e) {
            model.addAttribute("problems", e.problems());
            model.addAttribute("rejectedRows", e.rows().size());
            model.addAttribute(
                    "hasDuplicates",
                    e.problems().stream().allMatch(p -> p.messageKey().startsWith("child.import.duplicate")));
        } catch (InvalidChildData e) {
            model.addAttribute("flashError", String.join(" ", errors(e, locale).values()));
        }
        return "child/import";
    }

    private String detail(ChildView child, Model model) {
        Actor actor = CurrentActor.get();
        model.addAttribute("child", child);
        model.addAttribute("canWrite", management.canWrite(actor, child));
        model.addAttribute("canErase", management.canErase(actor, child));
        model.addAttribute("methods", ConsentMethod.values());
        model.addAttribute("purposes", ConsentPurpose.values());
        model.addAttribute("today", management.today());
        return "child/detail";
    }

    private String form(
            ChildForm form,
            ChildView existing,
            Map<String, String> errors,
            List<vn.chungtay.child.LikelyDuplicate> duplicates,
            Model model) {
        model.addAttribute("form", form);
        model.addAttribute("existing", existing);
        model.addAttribute("errors", errors);
        model.addAttribute("duplicates", duplicates);
        model.addAttribute("villages", management.registrableVillages());
        model.addAttribute("ethnicGroups", management.ethnicGroups());
        model.addAttribute("circumstanceList", management.circumstances());
        model.addAttribute("sexes", Sex.values());
        model.addAttribute("schoolings", Schooling.values());
        model.addAttribute("povertyLevels", HouseholdPoverty.values());
        model.addAttribute("methods", ConsentMethod.values());
        model.addAttribute("purposes", ConsentPurpose.values());
        model.addAttribute("today", management.today());
        return "child/form";
    }

    private Map<String, String> errors(InvalidChildData e, Locale locale) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (InvalidChildData.Problem p : e.problems()) {
            errors.merge(
                    p.field(),
                    messages.getMessage(p.messageKey(), p.args(), p.messageKey(), locale),
                    (a, b) -> a + " " + b);
        }
        return errors;
    }

    private Map<String, String> bindingErrors(BindingResult binding, Locale locale) {
        Map<String, String> errors = new LinkedHashMap<>();
        binding.getFieldErrors()
                .forEach(error -> errors.putIfAbsent(
                        error.getField(), messages.getMessage("child.error.badValue", null, locale)));
        return errors;
    }

    private static ResponseEntity<byte[]> xlsx(byte[] content, String filename) {
        return ResponseEntity.ok()
                .contentType(XLSX)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(filename)
                                .build()
                                .toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(content);
    }
}
