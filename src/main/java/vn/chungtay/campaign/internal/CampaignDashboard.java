package vn.chungtay.campaign.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import vn.chungtay.campaign.CampaignDetails;
import vn.chungtay.campaign.CampaignTarget;
import vn.chungtay.need.NeedChange;
import vn.chungtay.need.NeedManagement;
import vn.chungtay.need.NeedQuery;
import vn.chungtay.need.NeedStatus;
import vn.chungtay.need.NeedView;
import vn.chungtay.need.SupportCategory;
import vn.chungtay.organisation.OrgUnitView;
import vn.chungtay.organisation.OrganisationManagement;
import vn.chungtay.organisation.UnitListImported;
import vn.chungtay.organisation.VillageChanged;
import vn.chungtay.shared.money.Vnd;
import vn.chungtay.shared.security.Actor;
import vn.chungtay.shared.security.CurrentActor;

/**
 * The figures of a campaign's dashboard and public page: received against the target (from the
 * ledger), per commune and per category, the needs of its communes still unmet and the villages no
 * delivery of the campaign has reached yet. Aggregates only: no donor or child appears.
 */
@Component
public class CampaignDashboard {

    private static final int MAX_NEEDS = 200;
    public static final int MAX_VILLAGES = 300;
    private static final Set<NeedStatus> UNMET =
            EnumSet.of(NeedStatus.APPROVED, NeedStatus.PUBLISHED, NeedStatus.PARTLY_FUNDED);

    public record Progress(
            Vnd target,
            Vnd received,
            Vnd allocated,
            Vnd delivered,
            long childTurnsTarget,
            long childTurnsDelivered,
            boolean ledgerAvailable,
            List<CategoryRow> categories) {

        public int percentReceived() {
            return received.percentOf(target);
        }

        public int percentTurns() {
            return childTurnsTarget == 0 ? 0 : (int) Math.min(100, childTurnsDelivered * 100 / childTurnsTarget);
        }
    }

    public record CategoryRow(
            SupportCategory category,
            int targetTurns,
            Vnd targetAmount,
            Vnd allocated,
            Vnd delivered,
            long childTurns) {}

    public record CommuneRow(String code, String name, Vnd allocated, Vnd delivered, long childTurns) {}

    public record UnmetNeed(
            long id, String communeName, String categoryCode, String description, Vnd total, Vnd funded) {
        public Vnd remaining() {
            return total.remainingAfter(funded);
        }
    }

    public record VillageRow(String code, String name, String communeName, boolean especiallyDifficult) {}

    /**
     * {@code villagesNotReached} lists at most {@link #MAX_VILLAGES} of them (especially difficult
     * ones first); {@code notReached} is how many there are.
     */
    public record Dashboard(
            Progress progress,
            List<CommuneRow> communes,
            List<UnmetNeed> unmetNeeds,
            Vnd unmetRemaining,
            List<VillageRow> villagesNotReached,
            int notReached,
            int villages) {}

    /** How long a kept list of unmet needs is trusted without a change seen by this instance. */
    static final Duration NEEDS_TIME_TO_LIVE = Duration.ofSeconds(60);

    /** How long the units and villages below a campaign's unit are trusted without a change seen here. */
    static final Duration UNITS_TIME_TO_LIVE = Duration.ofMinutes(10);

    private record NeedsKey(String scope, String commune, int year, Set<String> communes) {}

    private record KeptNeeds(List<UnmetNeed> needs, Instant until) {}

    private final LedgerReadings ledger;
    private final NeedManagement needs;
    private final OrganisationManagement organisation;
    private final Map<NeedsKey, KeptNeeds> keptNeeds = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicLong needChanges = new java.util.concurrent.atomic.AtomicLong();
    private final Map<String, KeptBelow> keptBelow = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicLong unitChanges = new java.util.concurrent.atomic.AtomicLong();

    CampaignDashboard(LedgerReadings ledger, NeedManagement needs, OrganisationManagement organisation) {
        this.ledger = ledger;
        this.needs = needs;
        this.organisation = organisation;
    }

    /** Received against target and child-turns per category (for the public page too). */
    @Transactional(readOnly = true)
    public Progress progress(CampaignDetails details) {
        long id = details.campaign().id().value();
        boolean available = ledger.available();
        LedgerReadings.Totals totals = available ? ledger.totals(id) : LedgerReadings.Totals.NONE;
        Map<String, LedgerReadings.Figures> byCategory = available ? ledger.byCategory(id) : Map.of();
        Map<String, CampaignTarget> targets = new LinkedHashMap<>();
        details.targets().forEach(t -> targets.put(t.categoryCode(), t));
        List<CategoryRow> rows = new ArrayList<>();
        long turnsDelivered = 0;
        for (SupportCategory category : needs.categories()) {
            CampaignTarget target = targets.get(category.code());
            LedgerReadings.Figures figures = byCategory.get(category.code());
            if (target == null && figures == null) {
                continue;
            }
            long turns = figures == null ? 0 : figures.childTurns();
            turnsDelivered += turns;
            rows.add(new CategoryRow(
                    category,
                    target == null ? 0 : target.childTurns(),
                    target == null ? Vnd.ZERO : target.amount(),
                    figures == null ? Vnd.ZERO : figures.allocated(),
                    figures == null ? Vnd.ZERO : figures.delivered(),
                    turns));
        }
        return new Progress(
                details.campaign().target(),
                totals.received(),
                totals.allocated(),
                totals.delivered(),
                details.childTurnsTarget(),
                turnsDelivered,
                available,
                rows);
    }

    /**
     * The whole dashboard, for an officer who may see the campaign (needs are read within their
     * scope, narrowed to the campaign's unit). The units below come from one subtree query, the
     * villages' "đặc biệt khó khăn" flags from one query, the ledger's figures from sums kept up to
     * date incrementally ({@link LedgerReadings}).
     */
    @Transactional(readOnly = true)
    public Dashboard dashboard(CampaignDetails details) {
        Progress progress = progress(details);
        long id = details.campaign().id().value();
        LocalDate today = organisation.today();
        String unitCode = details.campaign().unitCode();
        int year = details.campaign().receivingFrom().getYear();
        Below below = below(unitCode, today);
        OrgUnitView unit = below.unit();
        List<OrgUnitView> communes = below.communes();
        Map<String, String> communeNames = new LinkedHashMap<>();
        communes.forEach(c -> communeNames.put(c.code(), c.fullName()));

        Map<String, LedgerReadings.Figures> byCommune = progress.ledgerAvailable() ? ledger.byCommune(id) : Map.of();
        List<CommuneRow> communeRows = new ArrayList<>();
        byCommune.forEach((code, f) -> communeRows.add(new CommuneRow(
                code, communeNames.getOrDefault(code, code), f.allocated(), f.delivered(), f.childTurns())));
        communeRows.sort(Comparator.comparing(CommuneRow::allocated).reversed());

        List<UnmetNeed> unmet = unmetNeeds(unit, year, communeNames);
        unmet.sort(Comparator.comparing(UnmetNeed::remaining).reversed());
        Vnd unmetRemaining = unmet.stream().map(UnmetNeed::remaining).reduce(Vnd.ZERO, Vnd::plus);

        Set<String> reached = progress.ledgerAvailable() ? ledger.villagesReached(id) : Set.of();
        List<OrgUnitView> villages = below.villages();
        List<OrgUnitView> missing =
                villages.stream().filter(v -> !reached.contains(v.code())).toList();
        Set<Long> difficult = below.difficult();
        List<VillageRow> notReached = new ArrayList<>();
        for (OrgUnitView village : missing) {
            notReached.add(new VillageRow(
                    village.code(),
                    village.fullName(),
                    communeNames.get(village.parentCode()),
                    difficult.contains(village.id())));
        }
        notReached.sort(Comparator.comparing(VillageRow::especiallyDifficult)
                .reversed()
                .thenComparing(VillageRow::communeName)
                .thenComparing(VillageRow::name));
        return new Dashboard(
                progress,
                communeRows,
                unmet,
                unmetRemaining,
                List.copyOf(notReached.subList(0, Math.min(MAX_VILLAGES, notReached.size()))),
                notReached.size(),
                villages.size());
    }

    /** The unit, its communes and their villages valid today, with the villages' ĐBKK flags. */
    private record Below(
            OrgUnitView unit, List<OrgUnitView> communes, List<OrgUnitView> villages, Set<Long> difficult) {}

    private record KeptBelow(Below below, Instant until) {}

    /**
     * The units below a campaign's unit: one subtree query and one query of the villages' flags,
     * kept for the day until this instance sees a village or unit-list change (or for {@link
     * #UNITS_TIME_TO_LIVE}, for changes made elsewhere).
     */
    private Below below(String unitCode, LocalDate today) {
        String key = unitCode + "@" + today;
        KeptBelow kept = keptBelow.get(key);
        if (kept != null && Instant.now().isBefore(kept.until())) {
            return kept.below();
        }
        Instant until = Instant.now().plus(UNITS_TIME_TO_LIVE);
        long changesSeen = unitChanges.get();
        OrgUnitView unit = organisation.find(unitCode, today).orElse(null);
        List<OrgUnitView> tree = unit == null ? List.of() : organisation.subtree(unitCode, today);
        List<OrgUnitView> communes = unit == null
                ? List.of()
                : unit.isCommune()
                        ? List.of(unit)
                        : tree.stream().filter(OrgUnitView::isCommune).toList();
        Set<String> communeCodes = new java.util.HashSet<>();
        communes.forEach(c -> communeCodes.add(c.code()));
        List<OrgUnitView> villages = tree.stream()
                .filter(OrgUnitView::isVillage)
                .filter(v -> communeCodes.contains(v.parentCode()))
                .toList();
        Below below =
                new Below(unit, communes, villages, Set.copyOf(organisation.especiallyDifficult(villages, today)));
        if (keptBelow.size() > 500) {
            keptBelow.clear();
        }
        if (unitChanges.get() == changesSeen) {
            keptBelow.put(key, new KeptBelow(below, until));
        }
        return below;
    }

    @EventListener
    void on(VillageChanged change) {
        afterCommit(this::forgetUnits);
    }

    @EventListener
    void on(UnitListImported imported) {
        afterCommit(this::forgetUnits);
    }

    private void forgetUnits() {
        unitChanges.incrementAndGet();
        keptBelow.clear();
    }

    private static void afterCommit(Runnable work) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    work.run();
                }
            });
        } else {
            work.run();
        }
    }

    /**
     * Needs of the campaign's communes still waiting for money, at most {@code MAX_NEEDS} per status,
     * read within the officer's scope narrowed to the campaign's unit (a national officer looking at
     * a province's campaign reads that province's needs, not the first ones of the country).
     */
    private List<UnmetNeed> unmetNeeds(OrgUnitView unit, int year, Map<String, String> communeNames) {
        if (unit == null) {
            return new ArrayList<>();
        }
        Actor actor = CurrentActor.get();
        String communeFilter = unit.isCommune() ? unit.code() : null;
        Actor narrowed = actor.isNational() && communeFilter == null
                ? new Actor(actor.username(), actor.role(), unit.code())
                : actor;
        NeedsKey key = new NeedsKey(narrowed.scopeCode(), communeFilter, year, Set.copyOf(communeNames.keySet()));
        KeptNeeds kept = keptNeeds.get(key);
        if (kept != null && Instant.now().isBefore(kept.until())) {
            return new ArrayList<>(kept.needs());
        }
        Instant until = Instant.now().plus(NEEDS_TIME_TO_LIVE);
        long changesSeen = needChanges.get();
        List<UnmetNeed> unmet = readUnmetNeeds(narrowed, communeFilter, year, communeNames);
        if (keptNeeds.size() > 500) {
            keptNeeds.clear();
        }
        if (needChanges.get() == changesSeen) {
            // kept only if no change committed while reading (else it may be missing from what was read)
            keptNeeds.put(key, new KeptNeeds(List.copyOf(unmet), until));
        }
        return unmet;
    }

    /**
     * Forgets the kept lists that show needs of the commune, once the change commits (a plain
     * listener with a transaction synchronisation: no event publication is stored for a cache).
     * Changes this instance does not see (SQL by hand, another instance) show after {@link
     * #NEEDS_TIME_TO_LIVE}.
     */
    @EventListener
    void on(NeedChange change) {
        String commune = change.communeCode();
        Runnable forget = () ->
                keptNeeds.keySet().removeIf(k -> commune == null || k.communes().contains(commune));
        afterCommit(forget);
    }

    private List<UnmetNeed> readUnmetNeeds(
            Actor narrowed, String communeFilter, int year, Map<String, String> communeNames) {
        List<UnmetNeed> unmet = new ArrayList<>();
        CurrentActor.runAs(narrowed, () -> {
            for (NeedStatus status : UNMET) {
                for (NeedView need : needs.find(new NeedQuery(communeFilter, status, null, year, null), 0, MAX_NEEDS)
                        .items()) {
                    if (!communeNames.containsKey(need.communeCode())
                            || need.remaining().isZero()) {
                        continue;
                    }
                    unmet.add(new UnmetNeed(
                            need.id().value(),
                            communeNames.get(need.communeCode()),
                            need.categoryCode(),
                            need.description(),
                            need.total(),
                            need.funded()));
                }
            }
        });
        return unmet;
    }
}
