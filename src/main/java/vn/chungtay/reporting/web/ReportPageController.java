package vn.chungtay.reporting.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.json.JsonMapper;
import vn.chungtay.reporting.ConsolidatedReport;
import vn.chungtay.reporting.FigureView;
import vn.chungtay.reporting.InvalidReportInput;
import vn.chungtay.reporting.PeriodId;
import vn.chungtay.reporting.PeriodView;
import vn.chungtay.reporting.ReportConsolidation;
import vn.chungtay.reporting.ReportDocuments;
import vn.chungtay.reporting.ReportId;
import vn.chungtay.reporting.ReportNotFound;
import vn.chungtay.reporting.ReportRuleViolated;
import vn.chungtay.reporting.ReportView;
import vn.chungtay.reporting.ReportingManagement;
import vn.chungtay.reporting.ReportingSetup;
import vn.chungtay.shared.security.Actor;
import vn.chungtay.shared.security.CurrentActor;
import vn.chungtay.shared.security.Role;

/**
 * The reporting pages: my unit's reports, one report (figures computed beside adjusted, the
 * narrative, submit, decisions, history), the inbox of the level above with bulk accept, the
 * consolidated report, the completeness dashboard, the units' addresses, and the downloads.
 */
@Controller
class ReportPageController {

    private final ReportingManagement reports;
    private final ReportingSetup setup;
    private final ReportConsolidation consolidation;
    private final ReportDocuments documents;
    private final MessageSource messages;
    private final JsonMapper json;

    ReportPageController(
            ReportingManagement reports,
            ReportingSetup setup,
            ReportConsolidation consolidation,
            ReportDocuments documents,
            MessageSource messages,
            JsonMapper json) {
        this.reports = reports;
        this.setup = setup;
        this.consolidation = consolidation;
        this.documents = documents;
        this.messages = messages;
        this.json = json;
    }

    @org.springframework.web.bind.annotation.ModelAttribute("fmt")
    ReportFormat format() {
        return new ReportFormat();
    }

    @GetMapping("/reports")
    String list(Model model) {
        Actor actor = CurrentActor.get();
        model.addAttribute("reports", reports.mine());
        model.addAttribute("decides", actor.has(Role.ADMIN) || actor.has(Role.PROVINCE_OFFICER));
        model.addAttribute("canOpen", actor.canManage());
        return "reporting/list";
    }

    @PostMapping("/reports/open")
    String open(@RequestParam String unit, @RequestParam long period, RedirectAttributes redirect, Locale locale) {
        try {
            ReportView report = reports.open(unit, new PeriodId(period));
            return "redirect:/reports/" + report.id();
        } catch (InvalidReportInput e) {
            redirect.addFlashAttribute("flashError", messages.getMessage(e.messageKey(), e.arguments(), locale));
            return "redirect:/reports";
        }
    }

    @GetMapping("/reports/{id:\\d+}")
    String detail(@PathVariable long id, Model model) {
        Actor actor = CurrentActor.get();
        ReportView report = reports.get(new ReportId(id));
        Map<String, List<FigureView>> groups = new LinkedHashMap<>();
        report.figures()
                .forEach(f -> groups.computeIfAbsent(f.definition().groupKey(), k -> new ArrayList<>())
                        .add(f));
        model.addAttribute("report", report);
        model.addAttribute("groups", groups);
        model.addAttribute("history", reports.history(report.id()));
        model.addAttribute("canWrite", reports.canWrite(actor, report));
        model.addAttribute("canDecide", reports.canDecide(actor, report));
        return "reporting/detail";
    }

    @PostMapping("/reports/{id:\\d+}/narrative")
    String narrative(
            @PathVariable long id, @RequestParam Map<String, String> form, RedirectAttributes redirect, Locale locale) {
        Map<String, String> sections = new LinkedHashMap<>();
        form.forEach((key, value) -> {
            if (key.startsWith("section.")) {
                sections.put(key.substring("section.".length()), value);
            }
        });
        run(() -> reports.write(new ReportId(id), sections, form.get("number")), "reporting.saved", redirect, locale);
        return "redirect:/reports/" + id;
    }

    @PostMapping("/reports/{id:\\d+}/figures")
    String adjust(
            @PathVariable long id,
            @RequestParam String code,
            @RequestParam(required = false) String value,
            @RequestParam(required = false) String note,
            @RequestParam(defaultValue = "adjust") String action,
            RedirectAttributes redirect,
            Locale locale) {
        ReportId reportId = new ReportId(id);
        run(
                () -> action.equals("clear")
                        ? reports.clearAdjustment(reportId, code)
                        : reports.adjust(reportId, code, value, note),
                action.equals("clear") ? "reporting.adjust.cleared" : "reporting.adjust.saved",
                redirect,
                locale);
        return "redirect:/reports/" + id + "#figures";
    }

    @PostMapping("/reports/{id:\\d+}/{step:submit|accept|return|reopen}")
    String step(
            @PathVariable long id,
            @PathVariable String step,
            @RequestParam(required = false) String comment,
            RedirectAttributes redirect,
            Locale locale) {
        ReportId reportId = new ReportId(id);
        run(
                () -> switch (step) {
                    case "submit" -> reports.submit(reportId);
                    case "accept" -> reports.accept(reportId);
                    case "return" -> reports.returnToUnit(reportId, comment);
                    default -> reports.reopen(reportId, comment);
                },
                "reporting.step.done." + step,
                redirect,
                locale);
        return "redirect:/reports/" + id;
    }

    @GetMapping("/reports/inbox")
    String inbox(Model model) {
        model.addAttribute("reports", reports.inbox());
        return "reporting/inbox";
    }

    @PostMapping("/reports/inbox/accept")
    String acceptAll(
            @RequestParam(name = "ids", required = false) List<Long> ids, RedirectAttributes redirect, Locale locale) {
        if (ids == null || ids.isEmpty()) {
            redirect.addFlashAttribute("flashError", messages.getMessage("reporting.bulk.none", null, locale));
            return "redirect:/reports/inbox";
        }
        int accepted = reports.acceptAll(ids.stream().map(ReportId::new).toList());
        redirect.addFlashAttribute(
                "flashSuccess", messages.getMessage("reporting.bulk.accepted", new Object[] {accepted}, locale));
        return "redirect:/reports/inbox";
    }

    @GetMapping("/reports/consolidated")
    String consolidated(
            @RequestParam(required = false) String unit,
            @RequestParam(required = false) String period,
            @RequestParam(required = false) String programme,
            Model model) {
        Actor actor = CurrentActor.get();
        PeriodView p = period(programme, period);
        String code = unit == null || unit.isBlank() ? actor.scopeCode() : unit.strip();
        ConsolidatedReport report = consolidation.consolidated(code, p);
        model.addAttribute("report", report);
        model.addAttribute("periods", setup.periods());
        model.addAttribute("period", p);
        return "reporting/consolidated";
    }

    @GetMapping("/reports/dashboard")
    String dashboard(
            @RequestParam(required = false) String province,
            @RequestParam(required = false) String period,
            @RequestParam(required = false) String programme,
            Model model,
            Locale locale) {
        Actor actor = CurrentActor.get();
        PeriodView p = period(programme, period);
        String code = province == null || province.isBlank() ? actor.scopeCode() : province.strip();
        ConsolidatedReport report = consolidation.consolidated(code, p);
        model.addAttribute("report", report);
        model.addAttribute("periods", setup.periods());
        model.addAttribute("period", p);
        model.addAttribute("chart", chart(report, locale));
        return "reporting/dashboard";
    }

    @GetMapping("/reports/{id:\\d+}.{format:docx|xlsx|pdf}")
    ResponseEntity<byte[]> download(@PathVariable long id, @PathVariable String format) {
        ReportView report = reports.get(new ReportId(id));
        byte[] content = switch (format) {
            case "docx" -> documents.docx(report);
            case "xlsx" -> documents.xlsx(report);
            default -> documents.pdf(report);
        };
        return file(content, documents.fileName(report, format), format);
    }

    @GetMapping("/reports/consolidated.{format:docx|xlsx|pdf}")
    ResponseEntity<byte[]> downloadConsolidated(
            @PathVariable String format,
            @RequestParam(required = false) String unit,
            @RequestParam(required = false) String period,
            @RequestParam(required = false) String programme) {
        Actor actor = CurrentActor.get();
        String code = unit == null || unit.isBlank() ? actor.scopeCode() : unit.strip();
        ConsolidatedReport report = consolidation.consolidated(code, period(programme, period));
        byte[] content = switch (format) {
            case "docx" -> documents.docx(report);
            case "xlsx" -> documents.xlsx(report);
            default -> documents.pdf(report);
        };
        return file(content, documents.fileName(report, format), format);
    }

    @GetMapping("/reports/addresses")
    String addresses(Model model) {
        model.addAttribute("addresses", setup.addresses());
        return "reporting/addresses";
    }

    @PostMapping("/reports/addresses")
    String setAddress(
            @RequestParam String unitCode,
            @RequestParam(required = false) String email,
            RedirectAttributes redirect,
            Locale locale) {
        try {
            setup.setAddress(unitCode, email);
            redirect.addFlashAttribute("flashSuccess", messages.getMessage("reporting.address.saved", null, locale));
        } catch (InvalidReportInput e) {
            redirect.addFlashAttribute("flashError", messages.getMessage(e.messageKey(), e.arguments(), locale));
        }
        return "redirect:/reports/addresses";
    }

    private PeriodView period(String programme, String code) {
        if (code == null || code.isBlank()) {
            return setup.currentPeriod(reports.today()).orElseThrow(() -> new ReportNotFound("current period"));
        }
        return setup.period(programme, code).orElseThrow(() -> new ReportNotFound("period " + code));
    }

    private String chart(ConsolidatedReport report, Locale locale) {
        List<String> labels = new ArrayList<>();
        List<Integer> onTime = new ArrayList<>();
        List<Integer> late = new ArrayList<>();
        List<Integer> notYet = new ArrayList<>();
        boolean stacked = report.isNational();
        if (stacked) {
            for (ConsolidatedReport.Row row : report.rows()) {
                labels.add(row.name());
                onTime.add(row.completeness().onTime());
                late.add(row.completeness().late());
                notYet.add(row.completeness().notYet());
            }
        } else {
            labels.add(report.unitName());
            onTime.add(report.completeness().onTime());
            late.add(report.completeness().late());
            notYet.add(report.completeness().notYet());
        }
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("labels", labels);
        chart.put("stacked", stacked);
        chart.put(
                "datasets",
                List.of(
                        dataset(messages.getMessage("reporting.timeliness.ON_TIME", null, locale), onTime, "#198754"),
                        dataset(messages.getMessage("reporting.timeliness.LATE", null, locale), late, "#fd7e14"),
                        dataset(messages.getMessage("reporting.timeliness.NOT_YET", null, locale), notYet, "#adb5bd")));
        return json.writeValueAsString(chart);
    }

    private static Map<String, Object> dataset(String label, List<Integer> data, String color) {
        Map<String, Object> dataset = new LinkedHashMap<>();
        dataset.put("label", label);
        dataset.put("data", data);
        dataset.put("backgroundColor", color);
        return dataset;
    }

    private void run(Supplier<?> action, String key, RedirectAttributes redirect, Locale locale) {
        try {
            action.get();
            redirect.addFlashAttribute("flashSuccess", messages.getMessage(key, null, locale));
        } catch (InvalidReportInput e) {
            redirect.addFlashAttribute("flashError", messages.getMessage(e.messageKey(), e.arguments(), locale));
        } catch (ReportRuleViolated e) {
            redirect.addFlashAttribute("flashError", messages.getMessage(e.messageKey(), e.arguments(), locale));
        } catch (ObjectOptimisticLockingFailureException e) {
            redirect.addFlashAttribute("flashError", messages.getMessage("reporting.concurrentChange", null, locale));
        }
    }

    private static ResponseEntity<byte[]> file(byte[] content, String name, String format) {
        MediaType type = switch (format) {
            case "docx" -> MediaType.parseMediaType(ReportDocuments.DOCX);
            case "xlsx" -> MediaType.parseMediaType(ReportDocuments.XLSX);
            default -> MediaType.APPLICATION_PDF;
        };
        return ResponseEntity.ok()
                .contentType(type)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(name).build().toString())
                .body(content);
    }
}
