package vn.chungtay.reporting;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.chungtay.organisation.OrgUnitView;
import vn.chungtay.organisation.OrganisationManagement;
import vn.chungtay.reporting.internal.PeriodStore;
import vn.chungtay.reporting.internal.ReportUnits;
import vn.chungtay.reporting.internal.ReportingSettings;
import vn.chungtay.shared.security.Actor;
import vn.chungtay.shared.security.CurrentActor;
import vn.chungtay.shared.security.OutsideScope;
import vn.chungtay.shared.security.Role;

/**
 * Reporting as data: templates per programme (administrators), periods with due dates per level
 * (administrators), per-unit extensions and the units' e-mail addresses (administrators and
 * province officers within their province).
 */
@Service
@Transactional(readOnly = true)
public class ReportingSetup {

    public static final List<String> DEFAULT_SECTIONS = List.of("RESULTS", "DIFFICULTIES", "PROPOSALS");

    private final PeriodStore periods;
    private final ReportUnits units;
    private final ReportingSettings settings;
    private final OrganisationManagement organisation;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    ReportingSetup(
            PeriodStore periods,
            ReportUnits units,
            ReportingSettings settings,
            OrganisationManagement organisation,
            JdbcClient jdbc,
            ApplicationEventPublisher events) {
        this.periods = periods;
        this.units = units;
        this.settings = settings;
        this.organisation = organisation;
        this.jdbc = jdbc;
        this.events = events;
    }

    // ---- templates -------------------------------------------------------------------------

    public List<TemplateView> templates() {
        return periods.templates();
    }

    public Optional<TemplateView> template(String programmeCode) {
        return periods.templateOf(programmeCode);
    }

    /** Creates a programme's template, or changes its title, indicators and sections. */
    @Transactional
    public TemplateView defineTemplate(
            String programmeCode, String title, List<String> indicators, List<String> sections) {
        Actor actor = CurrentActor.orSystem();
        requireAdmin(actor);
        String code = programmeCode == null ? "" : programmeCode.strip();
        if (!code.matches("[A-Za-z0-9][A-Za-z0-9_.-]{0,39}")) {
            throw new InvalidReportInput("programmeCode", "reporting.template.programmeInvalid");
        }
        String cleanTitle = title == null ? "" : title.strip();
        if (cleanTitle.isEmpty() || cleanTitle.length() > 300) {
            throw new InvalidReportInput("title", "reporting.template.titleRequired");
        }
        List<String> codes = indicators == null
                ? List.of()
                : indicators.stream()
                        .map(String::strip)
                        .filter(s -> !s.isEmpty())
                        .distinct()
                        .toList();
        for (String indicator : codes) {
            if (!indicator.matches("[a-z][a-z0-9_]*(\\.[a-z0-9_]+)+")) {
                throw new InvalidReportInput("indicators", "reporting.template.indicatorInvalid", indicator);
            }
        }
        List<String> cleanSections = sections == null || sections.isEmpty()
                ? DEFAULT_SECTIONS
                : sections.stream()
                        .map(s -> s.strip().toUpperCase(Locale.ROOT))
                        .distinct()
                        .toList();
        for (String section : cleanSections) {
            if (!section.matches("[A-Z][A-Z_]{1,29}")) {
                throw new InvalidReportInput("sections", "reporting.template.sectionInvalid", section);
            }
        }
        Optional<TemplateView> existing = periods.templateOf(code);
        long id;
        if (existing.isPresent()) {
            id = existing.get().id();
            periods.updateTemplate(id, cleanTitle, codes, cleanSections);
        } else {
            id = periods.insertTemplate(code, cleanTitle, codes, cleanSections, actor.username());
        }
        TemplateView template = periods.template(id).orElseThrow();
        events.publishEvent(new ReportingSetupChanged(
                existing.isPresent() ? "UPDATE" : "CREATE",
                "ReportTemplate",
                Long.toString(id),
                null,
                existing.map(ReportingSetup::state).orElse(null),
                state(template)));
        return template;
    }

    // ---- periods ---------------------------------------------------------------------------

    /** Every period, the latest first. */
    public List<PeriodView> periods() {
        return periods.periods();
    }

    public PeriodView period(PeriodId id) {
        return periods.period(id).orElseThrow(() -> new ReportNotFound("period " + id));
    }

    /**
     * The period with this code ({@code 2025}) of a programme, or of the default programme when
     * none is named (else the latest period with the code).
     */
    public Optional<PeriodView> period(String programmeCode, String code) {
        if (code == null || code.isBlank()) {
            return Optional.empty();
        }
        String wanted = programmeCode == null || programmeCode.isBlank() ? null : programmeCode.strip();
        List<PeriodView> matching = periods.periods().stream()
                .filter(p -> p.code().equals(code.strip()))
                .filter(p -> wanted == null || p.programmeCode().equals(wanted))
                .toList();
        if (matching.isEmpty()) {
            return Optional.empty();
        }
        return matching.stream()
                .filter(p -> p.programmeCode().equals(settings.defaultProgramme()))
                .findFirst()
                .or(() -> Optional.of(matching.get(0)));
    }

    /** The period of the default programme that contains the day, else the latest one that started. */
    public Optional<PeriodView> currentPeriod(LocalDate day) {
        List<PeriodView> all = periods.periods();
        List<PeriodView> preferred = all.stream()
                .filter(p -> p.programmeCode().equals(settings.defaultProgramme()))
                .toList();
        List<PeriodView> pool = preferred.isEmpty() ? all : preferred;
        return pool.stream()
                .filter(p -> !p.startsOn().isAfter(day) && !p.endsOn().isBefore(day))
                .findFirst()
                .or(() -> pool.stream().filter(p -> !p.startsOn().isAfter(day)).findFirst());
    }

    /** Opens a new period; the due dates default from the end date and the reform date. */
    @Transactional
    public PeriodView createPeriod(PeriodForm form) {
        Actor actor = CurrentActor.orSystem();
        requireAdmin(actor);
        TemplateView template = periods.templateOf(trim(form.programmeCode()))
                .orElseThrow(() -> new InvalidReportInput("programmeCode", "reporting.period.programmeUnknown"));
        String code = trim(form.code());
        if (!code.matches("[A-Za-z0-9][A-Za-z0-9_.-]{0,19}")) {
            throw new InvalidReportInput("code", "reporting.period.codeInvalid");
        }
        if (periods.period(template.id(), code).isPresent()) {
            throw new InvalidReportInput("code", "reporting.period.codeTaken", code);
        }
        String name = trim(form.name());
        if (name.isEmpty() || name.length() > 200) {
            throw new InvalidReportInput("name", "reporting.period.nameRequired");
        }
        LocalDate starts = date(form.startsOn(), "startsOn", true);
        LocalDate ends = date(form.endsOn(), "endsOn", true);
        if (ends.isBefore(starts)) {
            throw new InvalidReportInput("endsOn", "reporting.period.endsBeforeStart");
        }
        String scope = trim(form.scopeCode());
        if (!scope.isEmpty() && organisation.find(scope, ends).isEmpty()) {
            throw new InvalidReportInput("scopeCode", "reporting.period.scopeUnknown", scope);
        }
        int closing = settings.closingDays();
        if (!trim(form.closingDays()).isEmpty()) {
            try {
                closing = Integer.parseInt(trim(form.closingDays()));
            } catch (NumberFormatException e) {
                closing = -1;
            }
            if (closing < 0 || closing > 366) {
                throw new InvalidReportInput("closingDays", "reporting.period.closingInvalid");
            }
        }
        Map<ReportLevel, LocalDate> deadlines = new EnumMap<>(ReportLevel.class);
        LocalDate communeDue = date(form.communeDueOn(), "communeDueOn", false);
        deadlines.put(ReportLevel.COMMUNE, communeDue != null ? communeDue : ends.plusDays(settings.communeDueDays()));
        LocalDate districtDue = date(form.districtDueOn(), "districtDueOn", false);
        if (districtDue != null || ends.isBefore(settings.reformDate())) {
            deadlines.put(
                    ReportLevel.DISTRICT,
                    districtDue != null ? districtDue : ends.plusDays(settings.districtDueDays()));
        }
        for (LocalDate due : deadlines.values()) {
            if (due.isBefore(starts)) {
                throw new InvalidReportInput("communeDueOn", "reporting.period.dueBeforeStart");
            }
        }
        PeriodId id = periods.insertPeriod(
                template.id(),
                code,
                name,
                starts,
                ends,
                scope.isEmpty() ? null : scope,
                closing,
                deadlines,
                actor.username());
        PeriodView period = period(id);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("programme", template.programmeCode());
        after.put("code", code);
        after.put("name", name);
        after.put("startsOn", starts.toString());
        after.put("endsOn", ends.toString());
        after.put("scope", period.scopeCode());
        after.put("closingDays", closing);
        deadlines.forEach((level, due) -> after.put("due." + level.name(), due.toString()));
        events.publishEvent(
                new ReportingSetupChanged("CREATE", "ReportPeriod", id.toString(), period.scopeCode(), null, after));
        return period;
    }

    /** Keeps data entry open for one unit until {@code closesOn} (administrators and its province). */
    @Transactional
    public void grantExtension(PeriodId periodId, String unitCode, String closesOn, String reason) {
        Actor actor = CurrentActor.get();
        PeriodView period = period(periodId);
        OrgUnitView unit = units.unit(trim(unitCode), period.endsOn())
                .orElseThrow(() -> new InvalidReportInput("unit", "reporting.unit.unknown", trim(unitCode)));
        requireProvinceOrAdmin(actor, unit);
        LocalDate closes = date(closesOn, "closesOn", true);
        String why = trim(reason);
        if (why.isEmpty() || why.length() > 500) {
            throw new InvalidReportInput("reason", "reporting.reason.required");
        }
        Optional<LocalDate> before = periods.extension(periodId, unit.code());
        periods.putExtension(periodId, unit.code(), closes, why, actor.username());
        events.publishEvent(new ReportingSetupChanged(
                before.isPresent() ? "UPDATE" : "CREATE",
                "ReportExtension",
                periodId + "/" + unit.code(),
                unit.code(),
                before.map(d -> Map.<String, Object>of("closesOn", d.toString()))
                        .orElse(null),
                Map.of("closesOn", closes.toString(), "reason", why)));
    }

    // ---- e-mail addresses ------------------------------------------------------------------

    /** The addresses the actor may see and change: all for administrators, their province's otherwise. */
    public List<UnitAddress> addresses() {
        Actor actor = CurrentActor.get();
        List<UnitAddress> all = jdbc.sql("""
                        select unit_code, email, updated_by, updated_at from report_unit_address order by unit_code""")
                .query((rs, n) -> new UnitAddress(
                        rs.getString(1),
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getObject(4, OffsetDateTime.class).toInstant()))
                .list();
        List<UnitAddress> visible = new ArrayList<>();
        for (UnitAddress address : all) {
            Optional<OrgUnitView> unit = latest(address.unitCode());
            if (unit.isPresent() && (actor.isNational() || units.covers(actor, unit.get()))) {
                visible.add(new UnitAddress(
                        address.unitCode(),
                        unit.get().fullName(),
                        address.email(),
                        address.updatedBy(),
                        address.updatedAt()));
            }
        }
        return visible;
    }

    public Optional<String> address(String unitCode) {
        return jdbc.sql("select email from report_unit_address where unit_code = :u")
                .param("u", unitCode)
                .query(String.class)
                .optional();
    }

    /** Sets (or, with an empty address, removes) where a unit receives reports and reminders. */
    @Transactional
    public void setAddress(String unitCode, String email) {
        Actor actor = CurrentActor.orSystem();
        OrgUnitView unit = latest(trim(unitCode))
                .orElseThrow(() -> new InvalidReportInput("unitCode", "reporting.unit.unknown", unitCode));
        requireProvinceOrAdmin(actor, unit);
        String address = trim(email).toLowerCase(Locale.ROOT);
        Optional<String> before = address(unit.code());
        if (address.isEmpty()) {
            jdbc.sql("delete from report_unit_address where unit_code = :u")
                    .param("u", unit.code())
                    .update();
        } else {
            if (address.length() > 254 || !address.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
                throw new InvalidReportInput("email", "reporting.address.invalid");
            }
            jdbc.sql("""
                            insert into report_unit_address (unit_code, email, updated_by) values (:u, :e, :by)
                            on conflict (unit_code) do update
                            set email = excluded.email, updated_by = excluded.updated_by, updated_at = now()""")
                    .param("u", unit.code())
                    .param("e", address)
                    .param("by", actor.username())
                    .update();
        }
        events.publishEvent(new ReportingSetupChanged(
                address.isEmpty() ? "DELETE" : before.isPresent() ? "UPDATE" : "CREATE",
                "ReportAddress",
                unit.code(),
                unit.code(),
                before.map(e -> Map.<String, Object>of("email", e)).orElse(null),
                address.isEmpty() ? null : Map.of("email", address)));
    }

    /** Whether the actor may change the set-up for the unit (addresses, extensions). */
    public boolean canManage(Actor actor, OrgUnitView unit) {
        return actor.has(Role.ADMIN) || (actor.has(Role.PROVINCE_OFFICER) && units.covers(actor, unit));
    }

    private void requireProvinceOrAdmin(Actor actor, OrgUnitView unit) {
        if (!canManage(actor, unit)) {
            throw new OutsideScope(actor.username() + " may not change the reporting set-up of " + unit.code());
        }
    }

    private static void requireAdmin(Actor actor) {
        if (!actor.has(Role.ADMIN)) {
            throw new OutsideScope(actor.username() + " may not change templates and periods");
        }
    }

    /** The unit today, or the last version of the code if it no longer exists (a district). */
    private Optional<OrgUnitView> latest(String code) {
        Optional<OrgUnitView> today = units.unit(code, units.today());
        if (today.isPresent()) {
            return today;
        }
        List<OrgUnitView> versions = organisation.versions(code);
        return versions.isEmpty() ? Optional.empty() : Optional.of(versions.get(versions.size() - 1));
    }

    private static LocalDate date(String text, String field, boolean required) {
        String value = trim(text);
        if (value.isEmpty()) {
            if (required) {
                throw new InvalidReportInput(field, "reporting.date.required");
            }
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidReportInput(field, "reporting.date.invalid");
        }
    }

    private static String trim(String text) {
        return text == null ? "" : text.strip();
    }

    private static Map<String, Object> state(TemplateView template) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("programme", template.programmeCode());
        state.put("title", template.title());
        state.put("indicators", template.indicatorCodes());
        state.put("sections", template.sections());
        return state;
    }
}
