package vn.chungtay.delivery;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import vn.chungtay.campaign.Campaign;
import vn.chungtay.campaign.CampaignId;
import vn.chungtay.campaign.CampaignManagement;
import vn.chungtay.child.AnonymousChild;
import vn.chungtay.child.ChildId;
import vn.chungtay.child.ChildManagement;
import vn.chungtay.child.ChildNotFound;
import vn.chungtay.child.ChildView;
import vn.chungtay.delivery.internal.DeliveryFiles;
import vn.chungtay.delivery.internal.DeliveryStore;
import vn.chungtay.delivery.internal.NeedAllocations;
import vn.chungtay.delivery.internal.TypedInput;
import vn.chungtay.ledger.DeliveryPosting;
import vn.chungtay.ledger.Destination;
import vn.chungtay.ledger.Item;
import vn.chungtay.ledger.Ledger;
import vn.chungtay.ledger.LedgerEntry;
import vn.chungtay.ledger.LedgerRuleBroken;
import vn.chungtay.need.NeedId;
import vn.chungtay.need.NeedManagement;
import vn.chungtay.need.NeedStatus;
import vn.chungtay.need.NeedTarget;
import vn.chungtay.need.NeedView;
import vn.chungtay.organisation.OrganisationManagement;
import vn.chungtay.shared.money.Vnd;
import vn.chungtay.shared.paging.Page;
import vn.chungtay.shared.security.Actor;
import vn.chungtay.shared.security.CurrentActor;
import vn.chungtay.shared.security.OutsideScope;
import vn.chungtay.shared.security.Role;
import vn.chungtay.shared.text.VietnameseText;

/**
 * Deliveries: recording what reached the children of a funded need (posted to the ledger in the
 * same transaction, so delivering more than was allocated writes nothing), the recipients'
 * confirmation and photos, each child's support history and the warning against giving the same
 * support twice in a season.
 *
 * <p>Rule {@code deliveryRequiresProof}: a delivery counts as done only with the recipients'
 * confirmation (a photo or scan of the signed list, or of the guardian's signature or thumbprint).
 * The page asks for it with the delivery; the API may record the delivery first and attach the
 * proof afterwards — the delivery then waits as AWAITING_PROOF (the money has left the allocation
 * in the ledger) and the need stays FUNDED until every delivery of the need has its proof and what
 * was allocated has been delivered; then the need becomes DELIVERED.
 */
@Service
@Transactional(readOnly = true)
public class DeliveryManagement {

    private static final Logger log = LoggerFactory.getLogger(DeliveryManagement.class);
    private static final Set<NeedStatus> DELIVERABLE = Set.of(NeedStatus.PARTLY_FUNDED, NeedStatus.FUNDED);
    private static final int MAX_CHILDREN_LISTED = 500;
    private static final int MAX_ITEMS = 20;
    /** Why a child's record is read when a delivery names it (kept in the child's audit trail). */
    static final String CHILD_READ_REASON = "Ghi nhận cấp phát hỗ trợ cho trẻ";

    private final DeliveryStore store;
    private final NeedAllocations allocations;
    private final Ledger ledger;
    private final NeedManagement needs;
    private final ChildManagement children;
    private final CampaignManagement campaigns;
    private final OrganisationManagement organisation;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate auditedRead;

    DeliveryManagement(
            DeliveryStore store,
            NeedAllocations allocations,
            Ledger ledger,
            NeedManagement needs,
            ChildManagement children,
            CampaignManagement campaigns,
            OrganisationManagement organisation,
            ApplicationEventPublisher events,
            PlatformTransactionManager transactions) {
        this.store = store;
        this.allocations = allocations;
        this.ledger = ledger;
        this.needs = needs;
        this.children = children;
        this.campaigns = campaigns;
        this.organisation = organisation;
        this.events = events;
        this.auditedRead = new TransactionTemplate(transactions);
    }

    // ---- choosing where it comes from ------------------------------------------------------------

    /** The campaigns that allocated money to the need, with what is left to deliver from each. */
    public List<CampaignChoice> campaignsFor(NeedId needId) {
        NeedView need = needs.get(needId);
        return choices(need.id().value());
    }

    private List<CampaignChoice> choices(long needId) {
        Map<Long, Long> delivered = store.deliveredByCampaign(needId);
        List<CampaignChoice> choices = new ArrayList<>();
        allocations
                .byCampaign(needId)
                .forEach((campaignId, allocated) -> choices.add(new CampaignChoice(
                        campaignId,
                        campaigns
                                .find(new CampaignId(campaignId))
                                .map(Campaign::name)
                                .orElse(Campaign.codeOf(new CampaignId(campaignId))),
                        new Vnd(allocated),
                        new Vnd(delivered.getOrDefault(campaignId, 0L)),
                        allocations.goods(needId, campaignId))));
        return choices;
    }

    /** Whether the actor may record deliveries for the need. */
    public boolean canDeliver(Actor actor, NeedView need) {
        return needs.canManage(actor, need.unitCode()) && DELIVERABLE.contains(need.status());
    }

    // ---- recording -----------------------------------------------------------------------------

    /**
     * Records a delivery through the API: the proof may follow with {@link #attachProof}.
     *
     * @see #record(DeliveryForm, DeliveryUpload, ProofKind, List)
     */
    @Transactional
    public DeliveryView record(DeliveryForm form) {
        return recordChecked(form, null, null, List.of(), false);
    }

    /**
     * Records a delivery with its proof (rule {@code deliveryRequiresProof}) and photos, posts it to
     * the ledger and marks the need delivered when all that was allocated is delivered and proven.
     * Fails, writing nothing, with {@link InvalidDeliveryInput} naming the fields, {@link
     * DuplicateSupportWarning} when a named child already received the category this season and the
     * form does not confirm it, {@link DeliveryRefused} when a rule or the ledger forbids it (more
     * than was allocated), {@link OutsideScope} outside the actor's scope.
     */
    @Transactional
    public DeliveryView record(
            DeliveryForm form, DeliveryUpload proof, ProofKind proofKind, List<DeliveryUpload> photos) {
        return recordChecked(form, proof, proofKind, photos == null ? List.of() : photos, true);
    }

    private DeliveryView recordChecked(
            DeliveryForm form,
            DeliveryUpload proof,
            ProofKind proofKind,
            List<DeliveryUpload> photos,
            boolean proofRequired) {
        Actor actor = CurrentActor.get();
        if (form.needId() == null || form.needId() <= 0) {
            throw InvalidDeliveryInput.of("needId", "delivery.need.required");
        }
        NeedView need = needs.get(new NeedId(form.needId()));
        if (!needs.canManage(actor, need.unitCode())) {
            throw new OutsideScope(actor.username() + " may not record deliveries for need " + need.id());
        }
        if (!DELIVERABLE.contains(need.status())) {
            throw new DeliveryRefused("onlyFundedNeedsAreDelivered", "delivery.rule.needNotFunded");
        }
        Checked checked = check(form, need, actor);
        List<Problem> problems = new ArrayList<>(checked.problems);
        List<Upload> photoUploads = new ArrayList<>();
        Upload proofUpload = null;
        if (proof != null && !proof.empty()) {
            proofUpload = upload("proof", proof, problems);
            if (proofKind == null) {
                problems.add(problem("proofKind", "delivery.proofKind.required"));
            }
        } else if (proofRequired) {
            problems.add(problem("proof", "delivery.rule.proofRequired"));
        }
        for (DeliveryUpload photo : photos) {
            if (photo != null && !photo.empty()) {
                photoUploads.add(upload("photos", photo, problems));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidDeliveryInput(
                    problems.stream().map(Problem::toPublic).toList());
        }
        List<SupportRecord> earlier =
                store.earlierSupport(checked.childIds, need.categoryCode(), need.year(), need.season());
        if (!earlier.isEmpty() && !form.duplicateConfirmed()) {
            throw new DuplicateSupportWarning(earlier);
        }
        long id = store.insert(new DeliveryStore.NewDelivery(
                need.id().value(),
                checked.campaignId,
                need.unitCode(),
                need.communeCode(),
                need.provinceCode(),
                need.categoryCode(),
                need.year(),
                need.season(),
                checked.date,
                checked.amount,
                checked.value(),
                checked.childrenCount,
                checked.handedOverBy,
                checked.note,
                !earlier.isEmpty(),
                actor.username()));
        for (int i = 0; i < checked.items.size(); i++) {
            CheckedItem item = checked.items.get(i);
            store.insertItem(id, i, item.name, item.unit, item.quantity, item.value, item.inKind, item.key);
        }
        for (long childId : checked.childIds) {
            store.insertChild(id, childId, checked.share(), checked.moneyShare());
        }
        store.setLedgerEntries(id, post(id, need, checked));
        DeliveryView recorded = store.find(id).orElseThrow();
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("needId", need.id().value());
        after.put("campaignId", checked.campaignId);
        after.put("date", checked.date.toString());
        after.put("amountDong", checked.amount);
        after.put("valueDong", recorded.value().dong());
        after.put("items", checked.items.size());
        after.put("childrenCount", checked.childrenCount);
        after.put("childrenListed", checked.childIds.size());
        after.put("duplicateConfirmed", !earlier.isEmpty());
        events.publishEvent(new DeliveryRecorded(new DeliveryId(id), need.id().value(), need.communeCode(), after));
        if (proofUpload != null) {
            attach(id, need.communeCode(), FileKind.PROOF, proofKind, proofUpload, actor);
        }
        for (Upload photo : photoUploads) {
            attach(id, need.communeCode(), FileKind.PHOTO, null, photo, actor);
        }
        markDeliveredWhenDone(need.id());
        log.info("Delivery {} recorded for need {} by {}", id, need.id(), actor.username());
        return store.find(id).orElseThrow();
    }

    /**
     * The ledger entries of a delivery, all carrying its id: one for the money (cash handed over
     * plus goods bought with the need's money) and one per kind of goods given in kind, valued by
     * the ledger. The children are counted on the first entry only, so sums over entries count
     * each child once.
     */
    private List<Long> post(long deliveryId, NeedView need, Checked checked) {
        List<Long> entries = new ArrayList<>();
        CampaignId campaign = new CampaignId(checked.campaignId);
        Destination from = Destination.toNeed(need.id().value());
        String ref = Long.toString(deliveryId);
        int childrenCount = checked.childrenCount;
        try {
            long money = checked.amount
                    + checked.items.stream()
                            .filter(i -> !i.inKind)
                            .mapToLong(CheckedItem::value)
                            .sum();
            if (money > 0) {
                entries.add(entryId(ledger.deliver(
                        new DeliveryPosting(campaign, from, checked.date, new Vnd(money), null, childrenCount, ref))));
                childrenCount = 0;
            }
            for (int position = 0; position < checked.items.size(); position++) {
                CheckedItem item = checked.items.get(position);
                if (!item.inKind) {
                    continue;
                }
                LedgerEntry entry = ledger.deliver(new DeliveryPosting(
                        campaign,
                        from,
                        checked.date,
                        Vnd.ZERO,
                        new Item(item.name, item.unit, item.quantity),
                        childrenCount,
                        ref));
                childrenCount = 0;
                entries.add(entryId(entry));
                store.setItemValue(
                        deliveryId,
                        position,
                        entry.amount() == null ? 0 : entry.amount().dong());
            }
        } catch (LedgerRuleBroken e) {
            throw new DeliveryRefused(e.rule(), e.messageKey(), e.arguments());
        }
        return entries.stream().filter(java.util.Objects::nonNull).toList();
    }

    private static Long entryId(LedgerEntry entry) {
        return entry == null || entry.id() == null ? null : entry.id().value();
    }

    // ---- proof and photos --------------------------------------------------------------------

    /** Attaches the recipients' confirmation; the delivery is confirmed and the need may become delivered. */
    @Transactional
    public DeliveryView attachProof(DeliveryId id, DeliveryUpload file, ProofKind kind) {
        return attachFile(id, file, FileKind.PROOF, kind == null ? ProofKind.SIGNED_LIST : kind, "proof");
    }

    /** Attaches another photo of the handing over. */
    @Transactional
    public DeliveryView attachPhoto(DeliveryId id, DeliveryUpload file) {
        return attachFile(id, file, FileKind.PHOTO, null, "photos");
    }

    private DeliveryView attachFile(
            DeliveryId id, DeliveryUpload file, FileKind kind, ProofKind proofKind, String field) {
        Actor actor = CurrentActor.get();
        DeliveryView delivery = store.find(id.value()).orElseThrow(() -> new DeliveryNotFound(id));
        if (!needs.canManage(actor, delivery.unitCode())) {
            throw new OutsideScope(actor.username() + " may not change delivery " + id);
        }
        List<Problem> problems = new ArrayList<>();
        if (file == null || file.empty()) {
            problems.add(problem(field, "delivery.file.empty"));
        }
        Upload upload = problems.isEmpty() ? upload(field, file, problems) : null;
        if (!problems.isEmpty()) {
            throw new InvalidDeliveryInput(
                    problems.stream().map(Problem::toPublic).toList());
        }
        store.lockStatus(id.value());
        attach(id.value(), delivery.communeCode(), kind, proofKind, upload, actor);
        markDeliveredWhenDone(new NeedId(delivery.needId()));
        return store.find(id.value()).orElseThrow();
    }

    private void attach(
            long deliveryId, String communeCode, FileKind kind, ProofKind proofKind, Upload upload, Actor actor) {
        DeliveryStatus before = store.lockStatus(deliveryId).orElseThrow(() -> new DeliveryNotFound(deliveryId));
        long fileId = store.insertFile(
                deliveryId,
                kind,
                proofKind,
                upload.contentType,
                upload.sha256,
                upload.content,
                upload.name,
                actor.username());
        if (kind == FileKind.PROOF) {
            store.confirm(deliveryId);
        }
        DeliveryStatus after = kind == FileKind.PROOF ? DeliveryStatus.CONFIRMED : before;
        Map<String, Object> afterState = new LinkedHashMap<>();
        afterState.put("fileId", fileId);
        afterState.put("kind", kind.name());
        afterState.put("proofKind", proofKind == null ? null : proofKind.name());
        afterState.put("contentType", upload.contentType);
        afterState.put("sizeBytes", upload.content.length);
        afterState.put("sha256", upload.sha256);
        afterState.put("status", after.name());
        events.publishEvent(new DeliveryFileAdded(
                new DeliveryId(deliveryId), communeCode, Map.of("status", before.name()), afterState));
    }

    /**
     * The need becomes Delivered when it is funded, every delivery of it has its proof, and the
     * ledger shows all that was allocated to it delivered.
     */
    private void markDeliveredWhenDone(NeedId needId) {
        NeedView need = needs.get(needId);
        if (need.status() != NeedStatus.FUNDED || store.awaitingProof(needId.value()) > 0) {
            return;
        }
        Vnd allocated = ledger.allocatedToNeed(needId.value());
        if (allocated.isZero() || !ledger.deliveredFromNeed(needId.value()).isAtLeast(allocated)) {
            return;
        }
        needs.markDelivered(needId);
    }

    // ---- reading -------------------------------------------------------------------------------

    public DeliveryView get(DeliveryId id) {
        DeliveryView delivery = store.find(id.value()).orElseThrow(() -> new DeliveryNotFound(id));
        if (!canRead(CurrentActor.get(), delivery.unitCode(), delivery.communeCode())) {
            throw new OutsideScope(CurrentActor.get().username() + " may not read delivery " + id);
        }
        return delivery;
    }

    /** Deliveries within the actor's scope, optionally of one need, newest first. */
    public Page<DeliveryView> find(Long needId, int page, int size) {
        Actor actor = CurrentActor.get();
        if (actor.has(Role.DONOR)) {
            throw new OutsideScope(actor.username() + " may not read the officers' delivery list");
        }
        int pageSize = Math.min(Math.max(size, 1), 200);
        DeliveryStore.Scope scope =
                new DeliveryStore.Scope(actor.isNational(), actor.scopeCode(), actor.has(Role.VILLAGE_COLLABORATOR));
        return store.page(scope, needId, page, pageSize);
    }

    /** Whether the actor may record deliveries or attach files for this delivery's unit. */
    public boolean canChange(Actor actor, DeliveryView delivery) {
        return needs.canManage(actor, delivery.unitCode());
    }

    /**
     * A delivery's file, for people whose scope covers the delivery's commune (a village
     * collaborator: the village). Every read is audited, and so is every refused one.
     */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.NOT_SUPPORTED)
    public StoredFile file(DeliveryId deliveryId, long fileId) {
        Actor actor = CurrentActor.get();
        DeliveryStore.FileRow row = auditedRead.execute(status -> {
            DeliveryStore.FileRow found =
                    store.file(deliveryId.value(), fileId).orElseThrow(() -> new DeliveryNotFound(deliveryId));
            boolean allowed = canRead(actor, found.unitCode(), found.communeCode());
            events.publishEvent(new DeliveryFileRead(deliveryId, found.communeCode(), allowed, fileId));
            return allowed ? found : null;
        });
        if (row == null) {
            throw new OutsideScope(actor.username() + " may not read file " + fileId + " of delivery " + deliveryId);
        }
        return new StoredFile(row.id(), row.contentType(), row.sha256(), row.content());
    }

    /**
     * What a child received, from anyone, newest first. The child's record is read through the
     * child registry, which checks the actor's scope and audits the read (supervisors give a reason).
     */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.NOT_SUPPORTED)
    public SupportHistory supportHistory(long childId, String reason) {
        Actor actor = CurrentActor.get();
        if (actor.has(Role.DONOR)) {
            throw new ChildNotFound(childId);
        }
        String why = VietnameseText.clean(reason);
        ChildView child = children.read(childId, why == null || why.isEmpty() ? SUPPORT_HISTORY_REASON : why);
        return new SupportHistory(
                child.id(), child.publicCode(), child.villageCode(), child.communeCode(), store.history(childId));
    }

    /** Why a child's record is read for its support history, unless the person gave a reason. */
    static final String SUPPORT_HISTORY_REASON = "Xem lịch sử hỗ trợ của trẻ";

    /** The public code of a child who may be mentioned (for the delivery page), if any. */
    public Optional<String> childPublicCode(long childId) {
        return children.anonymousProfile(new ChildId(childId)).map(AnonymousChild::publicCode);
    }

    private boolean canRead(Actor actor, String unitCode, String communeCode) {
        if (actor.has(Role.DONOR)) {
            return false;
        }
        if (actor.has(Role.VILLAGE_COLLABORATOR)) {
            return organisation.covers(actor, unitCode);
        }
        return organisation.covers(actor, communeCode);
    }

    // ---- checking a form -----------------------------------------------------------------------

    private record Problem(String field, String key, List<Object> arguments) {
        InvalidDeliveryInput.Problem toPublic() {
            return new InvalidDeliveryInput.Problem(field, key, arguments);
        }
    }

    /** Goods: {@code inKind} when allocated to the need as goods (valued by the ledger), else bought. */
    private record CheckedItem(String name, String unit, long quantity, long value, boolean inKind, String key) {}

    private record Upload(String name, String contentType, String sha256, byte[] content) {}

    private static final class Checked {
        final List<Problem> problems = new ArrayList<>();
        long campaignId;
        LocalDate date;
        long amount;
        final List<CheckedItem> items = new ArrayList<>();
        final List<Long> childIds = new ArrayList<>();
        int childrenCount;
        String handedOverBy;
        String note;

        long value() {
            return amount + items.stream().mapToLong(CheckedItem::value).sum();
        }

        /** What each named child received, when it divides evenly; null otherwise. */
        String share() {
            if (childIds.isEmpty()) {
                return null;
            }
            List<String> parts = new ArrayList<>();
            for (CheckedItem item : items) {
                if (item.quantity % childIds.size() != 0) {
                    return null;
                }
                parts.add(item.quantity / childIds.size() + " " + item.unit + " " + item.name);
            }
            String text = String.join(", ", parts);
            return text.isEmpty() ? null : (text.length() > 300 ? text.substring(0, 300) : text);
        }

        Long moneyShare() {
            if (childIds.isEmpty() || amount == 0 || amount % childIds.size() != 0) {
                return null;
            }
            return amount / childIds.size();
        }
    }

    private Checked check(DeliveryForm form, NeedView need, Actor actor) {
        Checked c = new Checked();
        LocalDate today = organisation.today();
        // campaign
        List<CampaignChoice> choices = choices(need.id().value());
        if (form.campaignId() != null) {
            boolean allocated = choices.stream().anyMatch(ch -> ch.campaignId() == form.campaignId());
            if (!allocated
                    && (choices.size() > 0
                            || ledger.allocatedToNeed(need.id().value()).isZero())) {
                c.problems.add(
                        problem("campaignId", "delivery.campaign.notAllocated", Long.toString(form.campaignId())));
            }
            c.campaignId = form.campaignId();
        } else if (choices.size() == 1) {
            c.campaignId = choices.get(0).campaignId();
        } else if (choices.isEmpty()) {
            c.problems.add(problem("campaignId", "delivery.campaign.noneAllocated"));
        } else {
            c.problems.add(problem(
                    "campaignId",
                    "delivery.campaign.choose",
                    String.join(
                            ", ",
                            choices.stream()
                                    .map(ch -> Long.toString(ch.campaignId()))
                                    .toList())));
        }
        // date
        String dateText = TypedInput.trimmed(form.date());
        c.date = dateText.isEmpty() ? today : TypedInput.date(dateText);
        if (c.date == null) {
            c.problems.add(problem("date", "delivery.date.invalid"));
        } else if (c.date.isAfter(today)) {
            c.problems.add(problem("date", "delivery.date.future"));
        } else if (c.date.getYear() < 2000) {
            c.problems.add(problem("date", "delivery.date.invalid"));
        }
        // money
        String amountText = TypedInput.trimmed(form.amount());
        if (!amountText.isEmpty()) {
            Long amount = TypedInput.dong(amountText);
            if (amount == null || amount > 1_000_000_000_000L) {
                c.problems.add(problem("amount", "delivery.amount.invalid"));
            } else {
                c.amount = amount;
            }
        }
        // goods
        if (form.filledItems().size() > MAX_ITEMS) {
            c.problems.add(problem("items", "delivery.items.tooMany", MAX_ITEMS));
        }
        for (int i = 0; i < Math.min(form.filledItems().size(), MAX_ITEMS); i++) {
            checkItem(form.filledItems().get(i), i, need, c, allocations);
        }
        if (c.problems.stream()
                        .noneMatch(
                                p -> p.field().startsWith("amount") || p.field().startsWith("items"))
                && c.value() <= 0
                && c.items.stream().noneMatch(CheckedItem::inKind)) {
            c.problems.add(problem("amount", "delivery.amount.orItemsRequired"));
        }
        // children
        Set<Long> named = new LinkedHashSet<>(form.childIds());
        for (String code : TypedInput.trimmed(form.childCodes()).split("[,;\\s]+")) {
            if (code.isBlank()) {
                continue;
            }
            Optional<ChildId> found = children.findByPublicCode(code);
            if (found.isEmpty()) {
                c.problems.add(problem("childCodes", "delivery.child.codeNotFound", code.toUpperCase(Locale.ROOT)));
            } else {
                named.add(found.get().value());
            }
        }
        if (named.isEmpty()
                && need.target() == NeedTarget.CHILD
                && need.childId() != null
                && !need.childDetailsWithdrawn()) {
            named.add(need.childId());
        }
        if (named.size() > MAX_CHILDREN_LISTED) {
            c.problems.add(problem("childIds", "delivery.children.tooMany", MAX_CHILDREN_LISTED));
        } else {
            for (long childId : named) {
                checkChild(childId, need, actor, c);
            }
        }
        String countText = TypedInput.trimmed(form.childrenCount());
        if (countText.isEmpty()) {
            c.childrenCount = named.isEmpty() ? need.childrenServed() : named.size();
        } else {
            Long count = TypedInput.wholeNumber(countText);
            if (count == null || count < 1 || count > 100_000) {
                c.problems.add(problem("childrenCount", "delivery.childrenCount.invalid"));
            } else if (count < named.size()) {
                c.problems.add(problem("childrenCount", "delivery.childrenCount.belowNamed", named.size()));
            } else {
                c.childrenCount = count.intValue();
            }
        }
        // people and notes
        String by = VietnameseText.clean(form.handedOverBy());
        c.handedOverBy = by == null || by.isEmpty() ? actor.username() : by;
        if (c.handedOverBy.length() > 200) {
            c.problems.add(problem("handedOverBy", "delivery.field.tooLong", 200));
        }
        String note = VietnameseText.clean(form.note());
        c.note = note == null || note.isEmpty() ? null : note;
        if (c.note != null && c.note.length() > 1000) {
            c.problems.add(problem("note", "delivery.field.tooLong", 1000));
        }
        return c;
    }

    private static void checkItem(
            DeliveryForm.ItemLine line, int index, NeedView need, Checked c, NeedAllocations allocations) {
        String field = "items[" + index + "]";
        String name = VietnameseText.clean(line.name());
        String unit = VietnameseText.clean(line.unit());
        Long quantity = TypedInput.wholeNumber(line.quantity());
        boolean ok = true;
        if (name == null || name.isEmpty() || name.length() > 200) {
            c.problems.add(problem(field + ".name", "delivery.item.name", index + 1));
            ok = false;
        }
        if (unit == null || unit.isEmpty() || unit.length() > 40) {
            c.problems.add(problem(field + ".unit", "delivery.item.unit", index + 1));
            ok = false;
        }
        if (quantity == null || quantity < 1 || quantity > 1_000_000_000L) {
            c.problems.add(problem(field + ".quantity", "delivery.item.quantity", index + 1));
            ok = false;
        }
        String key = ok ? NeedAllocations.itemKey(name, unit) : "";
        boolean inKind =
                ok && c.campaignId > 0 && allocations.allocatedInKind(need.id().value(), c.campaignId, key);
        Long value;
        if (inKind) {
            value = 0L;
        } else if (TypedInput.trimmed(line.value()).isEmpty()) {
            boolean needsUnit = unit != null && unit.equalsIgnoreCase(need.unit());
            value = needsUnit
                            && quantity != null
                            && quantity > 0
                            && !need.unitCost().isZero()
                    ? need.unitCost().times(quantity).dong()
                    : null;
            if (value == null && ok) {
                c.problems.add(problem(field + ".value", "delivery.item.valueRequired", index + 1, need.unit()));
                ok = false;
            }
        } else {
            value = TypedInput.dong(line.value());
            if (value == null || value < 1 || value > 1_000_000_000_000L) {
                c.problems.add(problem(field + ".value", "delivery.item.value", index + 1));
                ok = false;
            }
        }
        if (ok) {
            c.items.add(new CheckedItem(name, unit, quantity, value, inKind, key));
        }
    }

    /**
     * Rule: a child named in a delivery is one the actor may use (active record, valid consent,
     * within scope) and lives in the need's commune.
     */
    private void checkChild(long childId, NeedView need, Actor actor, Checked c) {
        if (childId <= 0 || !children.canUse(actor, new ChildId(childId))) {
            c.problems.add(problem("childIds", "delivery.child.notUsable", Long.toString(childId)));
            return;
        }
        String commune = children.anonymousProfile(new ChildId(childId))
                .map(AnonymousChild::communeCode)
                .orElseGet(() -> communeFromRecord(childId));
        if (commune == null || !commune.equals(need.communeCode())) {
            c.problems.add(problem("childIds", "delivery.child.otherCommune", Long.toString(childId)));
            return;
        }
        c.childIds.add(childId);
    }

    /** A child who may not be mentioned anonymously: its commune from its record (an audited read). */
    private String communeFromRecord(long childId) {
        try {
            return children.read(childId, CHILD_READ_REASON).communeCode();
        } catch (ChildNotFound e) {
            return null;
        }
    }

    private Upload upload(String field, DeliveryUpload file, List<Problem> problems) {
        byte[] content = file.content();
        if (content.length == 0) {
            problems.add(problem(field, "delivery.file.empty"));
            return null;
        }
        if (content.length > DeliveryFiles.MAX_BYTES) {
            problems.add(problem(field, "delivery.file.tooLarge", DeliveryFiles.MAX_MEGABYTES));
            return null;
        }
        Optional<String> type = DeliveryFiles.sniff(content);
        if (type.isEmpty()) {
            problems.add(problem(field, "delivery.file.type"));
            return null;
        }
        return new Upload(
                DeliveryFiles.cleanName(file.originalName()), type.get(), DeliveryFiles.sha256(content), content);
    }

    private static Problem problem(String field, String key, Object... arguments) {
        return new Problem(field, key, List.of(arguments));
    }
}
