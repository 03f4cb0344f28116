package vn.chungtay.commendation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.chungtay.commendation.internal.CandidateSource;
import vn.chungtay.donor.DonorView;
import vn.chungtay.organisation.OrgUnitView;
import vn.chungtay.organisation.OrganisationManagement;
import vn.chungtay.shared.money.Vnd;
import vn.chungtay.shared.security.Actor;
import vn.chungtay.shared.security.CurrentActor;
import vn.chungtay.shared.security.OutsideScope;
import vn.chungtay.shared.security.Role;

/**
 * Commendation rules, and proposals from generation to decision: the lower level generates
 * candidates from the ledger under its rules, reviews them (achievements, exclusions with a
 * reason) and submits; the level above approves or rejects each candidate. Every step is audited.
 */
@Service
@Transactional(readOnly = true)
public class CommendationManagement {

    private static final int MAX_ACHIEVEMENTS = 2000;
    private static final int MAX_REASON = 500;
    private static final long MAX_THRESHOLD = 1_000_000_000_000_000L;
    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

    private final JdbcClient jdbc;
    private final OrganisationManagement organisation;
    private final CandidateSource source;
    private final MessageSource messages;
    private final ApplicationEventPublisher events;

    CommendationManagement(
            JdbcClient jdbc,
            OrganisationManagement organisation,
            CandidateSource source,
            MessageSource messages,
            ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.organisation = organisation;
        this.source = source;
        this.messages = messages;
        this.events = events;
    }

    // ---- rules -----------------------------------------------------------------------------

    /** Active rules of a year the actor works under: national ones and those of their unit and the units above it. */
    public List<CommendationRule> rulesFor(Actor actor, int year) {
        if (actor.isNational()) {
            return loadRules("where year = :year and active", Map.of("year", year));
        }
        List<String> owners = chain(actor.scopeCode());
        return loadRules(
                "where year = :year and active and (unit_code is null or unit_code in (:owners))",
                Map.of("year", year, "owners", owners));
    }

    /** Whether the actor may set rules owned by the unit (null: national rules). */
    public boolean canEditRules(Actor actor, String ownerCode) {
        if (actor.has(Role.ADMIN)) {
            return ownerCode == null ? actor.isNational() : organisation.covers(actor, ownerCode);
        }
        return actor.has(Role.PROVINCE_OFFICER) && ownerCode != null && organisation.covers(actor, ownerCode);
    }

    /**
     * Sets a rule: an active rule with the same owner, year, level, form, donor group and origin is
     * replaced (its threshold and basis change), otherwise a new one is added.
     */
    @Transactional
    public CommendationRule saveRule(RuleForm form) {
        Actor actor = CurrentActor.orSystem();
        String owner = form.unitCode() == null || form.unitCode().isBlank()
                ? null
                : form.unitCode().strip();
        if (owner != null && organisation.find(owner, organisation.today()).isEmpty()) {
            throw new InvalidCommendationInput("unitCode", "commendation.error.unit");
        }
        if (!canEditRules(actor, owner)) {
            throw new OutsideScope(actor.username() + " may not set commendation rules of " + owner);
        }
        if (form.year() == null || form.year() < 2000 || form.year() > 2100) {
            throw new InvalidCommendationInput("year", "commendation.error.year");
        }
        ProposingLevel level = parse(ProposingLevel.class, form.level(), "level");
        CommendationForm kind = parse(CommendationForm.class, form.form(), "form");
        DonorGroup group = parse(DonorGroup.class, form.donorGroup(), "donorGroup");
        DonorOrigin origin = parse(DonorOrigin.class, form.origin(), "origin");
        ValueBasis basis = parse(ValueBasis.class, form.basis(), "basis");
        if (form.thresholdDong() == null || form.thresholdDong() <= 0 || form.thresholdDong() > MAX_THRESHOLD) {
            throw new InvalidCommendationInput("thresholdDong", "commendation.error.threshold");
        }
        Optional<CommendationRule> existing = loadRules(
                        "where coalesce(unit_code, '') = :owner and year = :year and level = :level and form = :form"
                                + " and donor_group = :group and origin = :origin and active",
                        Map.of(
                                "owner", owner == null ? "" : owner,
                                "year", form.year(),
                                "level", level.name(),
                                "form", kind.name(),
                                "group", group.name(),
                                "origin", origin.name()))
                .stream()
                .findFirst();
        long id;
        if (existing.isPresent()) {
            id = existing.get().id();
            jdbc.sql("""
                            update commendation_rule set threshold_dong = :threshold, basis = :basis,
                                   updated_by = :by, updated_at = now() where id = :id""")
                    .param("threshold", form.thresholdDong())
                    .param("basis", basis.name())
                    .param("by", actor.username())
                    .param("id", id)
                    .update();
        } else {
            id = jdbc.sql("""
                            insert into commendation_rule (unit_code, year, level, form, donor_group, origin,
                                                           threshold_dong, basis, created_by)
                            values (:owner, :year, :level, :form, :group, :origin, :threshold, :basis, :by)
                            returning id""")
                    .param("owner", owner)
                    .param("year", form.year())
                    .param("level", level.name())
                    .param("form", kind.name())
                    .param("group", group.name())
                    .param("origin", origin.name())
                    .param("threshold", form.thresholdDong())
                    .param("basis", basis.name())
                    .param("by", actor.username())
                    .query(Long.class)
                    .single();
        }
        CommendationRule rule = rule(id);
        events.publishEvent(new CommendationChanged(
                existing.isPresent() ? "UPDATE" : "CREATE",
                "CommendationRule",
                Long.toString(id),
                owner,
                existing.map(CommendationManagement::describe).orElse(Map.of()),
                describe(rule)));
        return rule;
    }

    /** Ends a rule (it no longer applies to proposals generated from now on). */
    @Transactional
    public void deactivateRule(long ruleId) {
        Actor actor = CurrentActor.orSystem();
        CommendationRule rule = rule(ruleId);
        if (!canEditRules(actor, rule.unitCode())) {
            throw new OutsideScope(actor.username() + " may not end commendation rule " + ruleId);
        }
        jdbc.sql("update commendation_rule set active = false, updated_by = ?, updated_at = now() where id = ?")
                .params(actor.username(), ruleId)
                .update();
        events.publishEvent(new CommendationChanged(
                "DELETE", "CommendationRule", Long.toString(ruleId), rule.unitCode(), describe(rule), Map.of()));
    }

    /**
     * The rules that apply to a unit's proposals of a level and year: those of the nearest unit (the
     * unit itself, then the units above it) that set any, else the national ones.
     */
    public List<CommendationRule> applicableRules(String unitCode, ProposingLevel level, int year) {
        for (String owner : chain(unitCode)) {
            List<CommendationRule> rules = loadRules(
                    "where unit_code = :owner and year = :year and level = :level and active",
                    Map.of("owner", owner, "year", year, "level", level.name()));
            if (!rules.isEmpty()) {
                return rules;
            }
        }
        return loadRules(
                "where unit_code is null and year = :year and level = :level and active",
                Map.of("year", year, "level", level.name()));
    }

    // ---- proposals -------------------------------------------------------------------------

    /**
     * Generates (or, for a draft, refreshes) the unit's proposal for a year and period: every donor
     * whose value in the period reaches a rule's threshold becomes a candidate for the highest form
     * they reach. Refreshing keeps the officer's achievements texts and exclusions.
     */
    @Transactional
    public Proposal generate(String unitCode, int year, LocalDate from, LocalDate to) {
        Actor actor = CurrentActor.orSystem();
        String code = unitCode == null ? "" : unitCode.strip();
        OrgUnitView unit = organisation
                .find(code, organisation.today())
                .orElseThrow(() -> new InvalidCommendationInput("unitCode", "commendation.error.unit"));
        organisation.requireManageable(actor, code);
        ProposingLevel level = levelOf(unit);
        if (year < 2000 || year > 2100) {
            throw new InvalidCommendationInput("year", "commendation.error.year");
        }
        LocalDate periodFrom = from == null ? LocalDate.of(year, 1, 1) : from;
        LocalDate periodTo = to == null ? LocalDate.of(year, 12, 31) : to;
        if (periodTo.isBefore(periodFrom)) {
            throw new InvalidCommendationInput("periodTo", "commendation.error.period");
        }
        List<CommendationRule> rules = applicableRules(code, level, year);
        if (rules.isEmpty()) {
            throw new InvalidCommendationInput("year", "commendation.error.noRules", Integer.toString(year));
        }
        if (!source.available()) {
            throw new CommendationStepRefused("commendation.error.noLedger");
        }
        Optional<Long> existing = jdbc.sql("""
                        select id from commendation_proposal
                        where unit_code = ? and year = ? and period_from = ? and period_to = ? for update""")
                .params(code, year, periodFrom, periodTo)
                .query(Long.class)
                .optional();
        Map<Long, Candidate> kept = new HashMap<>();
        long proposalId;
        if (existing.isPresent()) {
            Proposal current = get(existing.get());
            if (current.status() != ProposalStatus.DRAFT) {
                throw new CommendationStepRefused("commendation.error.notDraft");
            }
            current.candidates().forEach(c -> kept.put(c.donorId(), c));
            jdbc.sql("delete from commendation_candidate where proposal_id = ?")
                    .param(current.id())
                    .update();
            proposalId = current.id();
        } else {
            proposalId = jdbc.sql("""
                            insert into commendation_proposal (unit_code, level, year, period_from, period_to, created_by)
                            values (?, ?, ?, ?, ?, ?) returning id""")
                    .params(code, level.name(), year, periodFrom, periodTo, actor.username())
                    .query(Long.class)
                    .single();
        }
        List<Qualified> qualified = qualify(rules, unitCodes(code, periodFrom, periodTo), periodFrom, periodTo);
        for (Qualified q : qualified) {
            Candidate before = kept.get(q.donor().id().value());
            boolean foreign = !q.donor().domestic();
            String achievements = before != null && !before.achievements().isBlank()
                    ? before.achievements()
                    : messages.getMessage(
                            "commendation.achievements.default",
                            new Object[] {q.value().formatted(), Integer.toString(year)},
                            foreign ? Locale.ENGLISH : VIETNAMESE);
            jdbc.sql("""
                            insert into commendation_candidate (proposal_id, donor_id, donor_name, donor_kind, donor_group,
                                   domestic, country, value_dong, basis, form, rule_id, achievements, excluded, excluded_reason)
                            values (:proposal, :donor, :name, :kind, :group, :domestic, :country, :value, :basis, :form,
                                    :rule, :achievements, :excluded, :reason)""")
                    .param("proposal", proposalId)
                    .param("donor", q.donor().id().value())
                    .param("name", q.donor().name())
                    .param("kind", q.donor().kind().name())
                    .param("group", groupOf(q.donor()).name())
                    .param("domestic", q.donor().domestic())
                    .param("country", q.donor().country())
                    .param("value", q.value().dong())
                    .param("basis", q.rule().basis().name())
                    .param("form", q.rule().form().name())
                    .param("rule", q.rule().id())
                    .param("achievements", achievements)
                    .param("excluded", before != null && before.excluded())
                    .param("reason", before != null && before.excluded() ? before.excludedReason() : null)
                    .update();
        }
        Proposal proposal = get(proposalId);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("year", year);
        after.put("period", periodFrom + "/" + periodTo);
        after.put("candidates", proposal.candidates().size());
        events.publishEvent(new CommendationChanged(
                existing.isPresent() ? "UPDATE" : "CREATE",
                "CommendationProposal",
                Long.toString(proposalId),
                code,
                Map.of(),
                after));
        return proposal;
    }

    public Proposal get(long proposalId) {
        Proposal proposal = load(proposalId);
        Actor actor = CurrentActor.orSystem();
        if (!organisation.covers(actor, proposal.unitCode()) && !canDecide(actor, proposal)) {
            throw new OutsideScope(actor.username() + " may not see proposal " + proposalId);
        }
        return proposal;
    }

    /** Proposals of units in the actor's scope (and, for the level above, those sent to it), newest first. */
    public List<Proposal> proposals(int year) {
        Actor actor = CurrentActor.get();
        List<Long> ids;
        if (actor.isNational()) {
            ids = jdbc.sql("select id from commendation_proposal where year = ? order by id desc limit 200")
                    .param(year)
                    .query(Long.class)
                    .list();
        } else {
            List<String> codes = organisation.subtree(actor.scopeCode(), organisation.today()).stream()
                    .map(OrgUnitView::code)
                    .toList();
            ids = jdbc.sql("""
                            select id from commendation_proposal where year = :year and unit_code in (:codes)
                            order by id desc limit 200""")
                    .param("year", year)
                    .param("codes", codes)
                    .query(Long.class)
                    .list();
        }
        return ids.stream().map(this::load).toList();
    }

    /** Whether the actor may review (edit, exclude, submit) the proposal. */
    public boolean canEdit(Actor actor, Proposal proposal) {
        return proposal.status() == ProposalStatus.DRAFT
                && actor.canManage()
                && organisation.covers(actor, proposal.unitCode());
    }

    /** Whether the actor is the level above the proposing unit (or a national administrator). */
    public boolean canDecide(Actor actor, Proposal proposal) {
        if (!actor.canManage()) {
            return false;
        }
        if (actor.isNational()) {
            return actor.has(Role.ADMIN);
        }
        return proposal.level() == ProposingLevel.COMMUNE
                && !actor.scopeCode().equals(proposal.unitCode())
                && organisation.covers(actor, proposal.unitCode());
    }

    @Transactional
    public Candidate describe(long candidateId, String achievements) {
        Candidate candidate = candidate(candidateId);
        Proposal proposal = editable(candidate.proposalId());
        String text = achievements == null ? "" : achievements.strip();
        if (text.isEmpty() || text.length() > MAX_ACHIEVEMENTS) {
            throw new InvalidCommendationInput("achievements", "commendation.error.achievements");
        }
        jdbc.sql("update commendation_candidate set achievements = ? where id = ?")
                .params(text, candidateId)
                .update();
        events.publishEvent(new CommendationChanged(
                "UPDATE",
                "CommendationCandidate",
                Long.toString(candidateId),
                proposal.unitCode(),
                Map.of("achievements", candidate.achievements()),
                Map.of("achievements", text)));
        return candidate(candidateId);
    }

    @Transactional
    public Candidate exclude(long candidateId, String reason) {
        Candidate candidate = candidate(candidateId);
        Proposal proposal = editable(candidate.proposalId());
        String text = reason == null ? "" : reason.strip();
        if (text.isEmpty() || text.length() > MAX_REASON) {
            throw new InvalidCommendationInput("reason", "commendation.error.reason");
        }
        jdbc.sql("update commendation_candidate set excluded = true, excluded_reason = ? where id = ?")
                .params(text, candidateId)
                .update();
        events.publishEvent(new CommendationChanged(
                "EXCLUDE",
                "CommendationCandidate",
                Long.toString(candidateId),
                proposal.unitCode(),
                Map.of("excluded", false),
                Map.of("excluded", true, "reason", text, "donorId", candidate.donorId())));
        return candidate(candidateId);
    }

    @Transactional
    public Candidate include(long candidateId) {
        Candidate candidate = candidate(candidateId);
        Proposal proposal = editable(candidate.proposalId());
        jdbc.sql("update commendation_candidate set excluded = false, excluded_reason = null where id = ?")
                .param(candidateId)
                .update();
        events.publishEvent(new CommendationChanged(
                "INCLUDE",
                "CommendationCandidate",
                Long.toString(candidateId),
                proposal.unitCode(),
                Map.of(
                        "excluded",
                        true,
                        "reason",
                        candidate.excludedReason() == null ? "" : candidate.excludedReason()),
                Map.of("excluded", false)));
        return candidate(candidateId);
    }

    /** Sends the proposal to the level above under the next document number of the unit and year. */
    @Transactional
    public Proposal submit(long proposalId) {
        Proposal proposal = editable(proposalId);
        if (proposal.proposed().isEmpty()) {
            throw new CommendationStepRefused("commendation.error.nobodyProposed");
        }
        LocalDate today = organisation.today();
        jdbc.sql("select pg_advisory_xact_lock(hashtext('commendation-number:' || ? || ':' || ?))")
                .params(proposal.unitCode(), today.getYear())
                .query(rs -> {});
        int number = jdbc.sql("""
                        select coalesce(max(number), 0) + 1 from commendation_proposal
                        where unit_code = ? and number_year = ?""")
                .params(proposal.unitCode(), today.getYear())
                .query(Integer.class)
                .single();
        jdbc.sql("""
                        update commendation_proposal set status = 'SUBMITTED', number = ?, number_year = ?,
                               submitted_on = ?, submitted_by = ? where id = ?""")
                .params(number, today.getYear(), today, CurrentActor.orSystem().username(), proposalId)
                .update();
        Proposal submitted = load(proposalId);
        events.publishEvent(new CommendationChanged(
                "SUBMIT",
                "CommendationProposal",
                Long.toString(proposalId),
                proposal.unitCode(),
                Map.of("status", ProposalStatus.DRAFT.name()),
                Map.of(
                        "status",
                        ProposalStatus.SUBMITTED.name(),
                        "number",
                        submitted.documentNumber(),
                        "candidates",
                        submitted.proposed().size())));
        return submitted;
    }

    /**
     * The level above approves or rejects one candidate (a rejection needs a reason); when no
     * candidate is left pending the proposal is decided.
     */
    @Transactional
    public Proposal decide(long candidateId, boolean approve, String reason) {
        Actor actor = CurrentActor.orSystem();
        Candidate candidate = candidate(candidateId);
        Proposal proposal = load(candidate.proposalId());
        if (!canDecide(actor, proposal)) {
            throw new OutsideScope(actor.username() + " may not decide proposal " + proposal.id());
        }
        if (proposal.status() != ProposalStatus.SUBMITTED) {
            throw new CommendationStepRefused("commendation.error.notSubmitted");
        }
        if (candidate.excluded()) {
            throw new CommendationStepRefused("commendation.error.excluded");
        }
        if (candidate.decision() != Decision.PENDING) {
            throw new CommendationStepRefused("commendation.error.decided");
        }
        String text = reason == null ? "" : reason.strip();
        if (!approve && (text.isEmpty() || text.length() > MAX_REASON)) {
            throw new InvalidCommendationInput("reason", "commendation.error.reason");
        }
        if (text.length() > MAX_REASON) {
            throw new InvalidCommendationInput("reason", "commendation.error.reason");
        }
        Decision decision = approve ? Decision.APPROVED : Decision.REJECTED;
        int changed = jdbc.sql("""
                        update commendation_candidate set decision = ?, decision_reason = ?, decided_by = ?, decided_at = now()
                        where id = ? and decision = 'PENDING'""")
                .params(decision.name(), text.isEmpty() ? null : text, actor.username(), candidateId)
                .update();
        if (changed == 0) {
            throw new CommendationStepRefused("commendation.error.decided");
        }
        events.publishEvent(new CommendationChanged(
                approve ? "APPROVE" : "REJECT",
                "CommendationCandidate",
                Long.toString(candidateId),
                proposal.unitCode(),
                Map.of("decision", Decision.PENDING.name()),
                text.isEmpty()
                        ? Map.of("decision", decision.name(), "donorId", candidate.donorId())
                        : Map.of("decision", decision.name(), "reason", text, "donorId", candidate.donorId())));
        long pending = jdbc.sql("""
                        select count(*) from commendation_candidate
                        where proposal_id = ? and not excluded and decision = 'PENDING'""").param(proposal.id()).query(Long.class).single();
        if (pending == 0) {
            jdbc.sql("update commendation_proposal set status = 'DECIDED', decided_on = ? where id = ?")
                    .params(organisation.today(), proposal.id())
                    .update();
            events.publishEvent(new CommendationChanged(
                    "UPDATE",
                    "CommendationProposal",
                    Long.toString(proposal.id()),
                    proposal.unitCode(),
                    Map.of("status", ProposalStatus.SUBMITTED.name()),
                    Map.of("status", ProposalStatus.DECIDED.name())));
        }
        return load(proposal.id());
    }

    public Candidate candidate(long candidateId) {
        return jdbc.sql("select * from commendation_candidate where id = ?")
                .param(candidateId)
                .query(CommendationManagement::candidateRow)
                .optional()
                .orElseThrow(() -> new CommendationNotFound("candidate " + candidateId));
    }

    // ---- internals -------------------------------------------------------------------------

    private record Qualified(DonorView donor, Vnd value, CommendationRule rule) {}

    private List<Qualified> qualify(
            List<CommendationRule> rules, Collection<String> unitCodes, LocalDate from, LocalDate to) {
        Map<ValueBasis, Map<Long, Vnd>> values = new HashMap<>();
        Map<Long, DonorView> donors = new HashMap<>();
        for (ValueBasis basis :
                rules.stream().map(CommendationRule::basis).distinct().toList()) {
            Map<Long, Vnd> bySurvivor = new HashMap<>();
            source.values(from, to, unitCodes, basis == ValueBasis.DELIVERED).forEach((donorId, value) -> {
                if (donorId == null || value == null || value.isZero()) {
                    return;
                }
                Optional<DonorView> donor = survivor(donorId);
                donor.ifPresent(d -> {
                    donors.put(d.id().value(), d);
                    bySurvivor.merge(d.id().value(), value, Vnd::plus);
                });
            });
            values.put(basis, bySurvivor);
        }
        List<Qualified> qualified = new ArrayList<>();
        for (DonorView donor : donors.values()) {
            DonorGroup group = groupOf(donor);
            DonorOrigin origin = donor.domestic() ? DonorOrigin.DOMESTIC : DonorOrigin.FOREIGN;
            CommendationRule best = null;
            Vnd bestValue = null;
            for (CommendationRule rule : rules) {
                if (rule.donorGroup() != group || rule.origin() != origin) {
                    continue;
                }
                Vnd value = values.getOrDefault(rule.basis(), Map.of())
                        .get(donor.id().value());
                if (value == null || !value.isAtLeast(rule.threshold())) {
                    continue;
                }
                if (best == null
                        || rule.form().ranksAbove(best.form())
                        || (rule.form() == best.form() && rule.threshold().compareTo(best.threshold()) > 0)) {
                    best = rule;
                    bestValue = value;
                }
            }
            if (best != null) {
                qualified.add(new Qualified(donor, bestValue, best));
            }
        }
        qualified.sort((a, b) -> {
            int byForm = b.rule().form().compareTo(a.rule().form());
            return byForm != 0 ? byForm : b.value().compareTo(a.value());
        });
        return qualified;
    }

    private Optional<DonorView> survivor(long donorId) {
        Optional<DonorView> donor = source.donor(donorId);
        Set<Long> seen = new LinkedHashSet<>();
        while (donor.isPresent()
                && donor.get().mergedInto() != null
                && seen.add(donor.get().id().value())) {
            donor = source.donor(donor.get().mergedInto().value());
        }
        return donor;
    }

    private static DonorGroup groupOf(DonorView donor) {
        return donor.kind().collective() ? DonorGroup.COLLECTIVE : DonorGroup.INDIVIDUAL;
    }

    /** The units whose receipts count: the unit and everything under it, at the start and at the end of the period. */
    private Set<String> unitCodes(String unitCode, LocalDate from, LocalDate to) {
        Set<String> codes = new LinkedHashSet<>();
        codes.add(unitCode);
        for (LocalDate day : List.of(from, to, organisation.today())) {
            organisation.subtree(unitCode, day).forEach(u -> codes.add(u.code()));
        }
        return codes;
    }

    private ProposingLevel levelOf(OrgUnitView unit) {
        if (unit.isCommune()) {
            return ProposingLevel.COMMUNE;
        }
        if (unit.parentCode() == null && unit.level() == 1) {
            return ProposingLevel.PROVINCE;
        }
        throw new InvalidCommendationInput("unitCode", "commendation.error.unitLevel");
    }

    /** The unit and the units above it, nearest first. */
    private List<String> chain(String unitCode) {
        List<String> codes = new ArrayList<>();
        codes.add(unitCode);
        organisation.ancestors(unitCode, organisation.today()).forEach(u -> codes.add(u.code()));
        return codes;
    }

    private Proposal editable(long proposalId) {
        Proposal proposal = load(proposalId);
        Actor actor = CurrentActor.orSystem();
        organisation.requireManageable(actor, proposal.unitCode());
        if (proposal.status() != ProposalStatus.DRAFT) {
            throw new CommendationStepRefused("commendation.error.notDraft");
        }
        return proposal;
    }

    private CommendationRule rule(long id) {
        return loadRules("where id = :id", Map.of("id", id)).stream()
                .findFirst()
                .orElseThrow(() -> new CommendationNotFound("rule " + id));
    }

    private List<CommendationRule> loadRules(String where, Map<String, ?> params) {
        return jdbc.sql(
                        "select * from commendation_rule " + where
                                + " order by year desc, unit_code nulls first, level, donor_group, origin, form, threshold_dong")
                .params(params)
                .query((rs, n) -> new CommendationRule(
                        rs.getLong("id"),
                        rs.getString("unit_code"),
                        rs.getInt("year"),
                        ProposingLevel.valueOf(rs.getString("level")),
                        CommendationForm.valueOf(rs.getString("form")),
                        DonorGroup.valueOf(rs.getString("donor_group")),
                        DonorOrigin.valueOf(rs.getString("origin")),
                        Vnd.of(rs.getLong("threshold_dong")),
                        ValueBasis.valueOf(rs.getString("basis")),
                        rs.getBoolean("active")))
                .list();
    }

    private Proposal load(long proposalId) {
        var row = jdbc.sql("select * from commendation_proposal where id = ?")
                .param(proposalId)
                .query((rs, n) -> new Proposal(
                        rs.getLong("id"),
                        rs.getString("unit_code"),
                        rs.getString("unit_code"),
                        ProposingLevel.valueOf(rs.getString("level")),
                        rs.getInt("year"),
                        rs.getObject("period_from", LocalDate.class),
                        rs.getObject("period_to", LocalDate.class),
                        ProposalStatus.valueOf(rs.getString("status")),
                        (Integer) rs.getObject("number"),
                        rs.getObject("submitted_on", LocalDate.class),
                        rs.getObject("decided_on", LocalDate.class),
                        rs.getString("created_by"),
                        List.of()))
                .optional()
                .orElseThrow(() -> new CommendationNotFound("proposal " + proposalId));
        List<Candidate> candidates = jdbc.sql("""
                        select * from commendation_candidate where proposal_id = ?
                        order by excluded, case form when 'BANG_KHEN' then 0 when 'GIAY_KHEN' then 1 else 2 end,
                                 value_dong desc, id""")
                .param(proposalId)
                .query(CommendationManagement::candidateRow)
                .list();
        String unitName = organisation
                .find(row.unitCode(), organisation.today())
                .map(OrgUnitView::fullName)
                .orElse(row.unitCode());
        return new Proposal(
                row.id(),
                row.unitCode(),
                unitName,
                row.level(),
                row.year(),
                row.periodFrom(),
                row.periodTo(),
                row.status(),
                row.number(),
                row.submittedOn(),
                row.decidedOn(),
                row.createdBy(),
                candidates);
    }

    private static Candidate candidateRow(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Candidate(
                rs.getLong("id"),
                rs.getLong("proposal_id"),
                rs.getLong("donor_id"),
                rs.getString("donor_name"),
                rs.getString("donor_kind"),
                DonorGroup.valueOf(rs.getString("donor_group")),
                rs.getBoolean("domestic"),
                rs.getString("country"),
                Vnd.of(rs.getLong("value_dong")),
                ValueBasis.valueOf(rs.getString("basis")),
                CommendationForm.valueOf(rs.getString("form")),
                (Long) rs.getObject("rule_id"),
                rs.getString("achievements"),
                rs.getBoolean("excluded"),
                rs.getString("excluded_reason"),
                Decision.valueOf(rs.getString("decision")),
                rs.getString("decision_reason"));
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, String field) {
        try {
            return Enum.valueOf(type, value == null ? "" : value.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidCommendationInput(field, "commendation.error.choice");
        }
    }

    private static Map<String, Object> describe(CommendationRule rule) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("unitCode", rule.unitCode() == null ? "" : rule.unitCode());
        state.put("year", rule.year());
        state.put("level", rule.level().name());
        state.put("form", rule.form().name());
        state.put("donorGroup", rule.donorGroup().name());
        state.put("origin", rule.origin().name());
        state.put("thresholdDong", rule.threshold().dong());
        state.put("basis", rule.basis().name());
        return state;
    }
}
