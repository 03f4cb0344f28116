package vn.chungtay.donor;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import vn.chungtay.donor.internal.DonorRules;
import vn.chungtay.organisation.OrgUnitView;
import vn.chungtay.organisation.OrganisationManagement;
import vn.chungtay.organisation.UnitTypes;
import vn.chungtay.shared.paging.Page;
import vn.chungtay.shared.security.Actor;
import vn.chungtay.shared.security.CurrentActor;
import vn.chungtay.shared.security.OutsideScope;
import vn.chungtay.shared.security.Role;
import vn.chungtay.shared.text.VietnameseText;

/**
 * The donor register. Other modules use it through {@link DonorDirectory} (no scope checks: they
 * apply their own). Officers' operations check the actor: ADMIN, province and commune officers and
 * supervisors read the donors registered by units within their scope (ADMIN and national actors
 * all of them); ADMIN, province and commune officers change them. A donor is registered by the
 * unit of the actor who recorded it; donors registered by nobody's unit (sign-ups, imports run by
 * the system) are seen by ADMIN only.
 */
@Service
@Transactional(readOnly = true)
public class DonorManagement implements DonorDirectory {

    static final int MAX_PAGE_SIZE = 100;
    static final int MAX_REASON = 500;
    private static final int MAX_MERGE_CHAIN = 100;
    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");
    private static final List<String> CONTACT_FIELDS = List.of("phone", "email", "taxCode", "address");
    private static final Map<String, String> COLUMN_OF =
            Map.of("phone", "phone", "email", "email", "taxCode", "tax_code", "address", "address");
    private static final String COLUMNS = """
            d.id, d.kind, d.name, d.domestic, d.country, d.phone, d.email, d.address, d.tax_code, d.anonymous,
            d.list_consent, d.list_consent_on, d.registered_unit_code, d.merged_into, d.created_by,
            d.created_at, d.updated_at""";

    private final JdbcClient jdbc;
    private final OrganisationManagement organisation;
    private final ApplicationEventPublisher events;
    private final MessageSource messages;
    private final JsonMapper json;

    DonorManagement(
            JdbcClient jdbc,
            OrganisationManagement organisation,
            ApplicationEventPublisher events,
            MessageSource messages,
            JsonMapper json) {
        this.jdbc = jdbc;
        this.organisation = organisation;
        this.events = events;
        this.messages = messages;
        this.json = json;
    }

    // ---- the directory other modules use ------------------------------------------------------

    @Override
    public DonorView get(DonorId id) {
        return find(id).orElseThrow(() -> new DonorNotFound(id));
    }

    @Override
    public Optional<DonorView> find(DonorId id) {
        return survivorOf(id.value()).flatMap(this::row).map(DonorDetails::donor);
    }

    @Override
    @Transactional
    public DonorView findOrRegister(NewDonor donor) {
        return register(DonorForm.of(donor), CurrentActor.orSystem()).donor();
    }

    @Override
    public Set<DonorId> identities(DonorId id) {
        long survivor = survivorOf(id.value()).orElseThrow(() -> new DonorNotFound(id));
        Set<DonorId> ids = new LinkedHashSet<>();
        jdbc.sql("""
                        with recursive merged(id, depth) as (
                            select cast(:id as bigint), 0
                            union
                            select d.id, m.depth + 1 from donor d join merged m on d.merged_into = m.id
                            where m.depth < :max)
                        select distinct id from merged order by id""")
                .param("id", survivor)
                .param("max", MAX_MERGE_CHAIN)
                .query(Long.class)
                .list()
                .forEach(value -> ids.add(new DonorId(value)));
        return ids;
    }

    // ---- bank-transfer senders --------------------------------------------------------------------

    /** A sender's identity within a unit: folded name ('' for nobody) and the SHA-256 of the account ('' for none). */
    private record SenderKey(String name, String account) {}

    private static final int MAX_SENDER_NAME = 300;

    @Override
    @Transactional
    public Map<TransferSender, DonorView> transferSenders(Collection<TransferSender> senders) {
        Map<TransferSender, DonorView> answer = new HashMap<>();
        if (senders.isEmpty()) {
            return answer;
        }
        Actor actor = CurrentActor.orSystem();
        Unit unit = unitOf(actor);
        String unitCode = unit.code() == null ? "" : unit.code();
        Map<SenderKey, List<TransferSender>> byKey = new LinkedHashMap<>();
        for (TransferSender sender : senders) {
            byKey.computeIfAbsent(senderKey(sender), k -> new ArrayList<>()).add(sender);
        }
        Map<SenderKey, Long> found = findSenders(unitCode, byKey.keySet());
        if (found.size() < byKey.size()) {
            // one registration of a unit's new senders at a time: two imports never register one sender twice
            jdbc.sql("select pg_advisory_xact_lock(hashtext(:key))")
                    .param("key", "donor-transfer:" + unitCode)
                    .query((rs, n) -> 1)
                    .single();
            List<SenderKey> missing =
                    byKey.keySet().stream().filter(k -> !found.containsKey(k)).toList();
            found.putAll(findSenders(unitCode, missing));
            List<SenderKey> unknown =
                    missing.stream().filter(k -> !found.containsKey(k)).toList();
            found.putAll(registerSenders(unknown, byKey, unit, unitCode, actor));
        }
        Map<Long, Long> survivors = survivorsOf(found.values());
        Map<Long, DonorDetails> donors =
                rows(survivors.values().stream().distinct().toArray(Long[]::new));
        byKey.forEach((key, named) -> {
            DonorView donor = donors.get(survivors.get(found.get(key))).donor();
            named.forEach(sender -> answer.put(sender, donor));
        });
        return answer;
    }

    private static SenderKey senderKey(TransferSender sender) {
        String name = sender.anonymous() ? "" : VietnameseText.fold(VietnameseText.clean(sender.name()));
        if (name.length() > MAX_SENDER_NAME) {
            name = name.substring(0, MAX_SENDER_NAME);
        }
        return new SenderKey(name, sender.account() == null ? "" : sha256(sender.account()));
    }

    private Map<SenderKey, Long> findSenders(String unitCode, Collection<SenderKey> keys) {
        Map<SenderKey, Long> found = new HashMap<>();
        if (keys.isEmpty()) {
            return found;
        }
        jdbc.sql("""
                        select s.name_key, s.account_key, s.donor_id
                        from donor_transfer_sender s
                        join unnest(cast(:names as text[]), cast(:accounts as text[])) as k(name_key, account_key)
                          on s.name_key = k.name_key and s.account_key = k.account_key
                        where s.unit_code = :unit""")
                .param("names", keys.stream().map(SenderKey::name).toArray(String[]::new))
                .param("accounts", keys.stream().map(SenderKey::account).toArray(String[]::new))
                .param("unit", unitCode)
                .query(rs -> {
                    found.put(new SenderKey(rs.getString(1), rs.getString(2)), rs.getLong(3));
                });
        return found;
    }

    /** Registers one donor per new sender with one insert (ids reserved first), and audits each. */
    private Map<SenderKey, Long> registerSenders(
            List<SenderKey> keys, Map<SenderKey, List<TransferSender>> byKey, Unit unit, String unitCode, Actor actor) {
        Map<SenderKey, Long> registered = new HashMap<>();
        if (keys.isEmpty()) {
            return registered;
        }
        int n = keys.size();
        List<Long> ids = jdbc.sql("select nextval('donor_id_seq') from generate_series(1, :n)")
                .param("n", n)
                .query(Long.class)
                .list();
        LocalDate today = organisation.today();
        String[] names = new String[n];
        String[] folded = new String[n];
        String[] anonymous = new String[n];
        for (int i = 0; i < n; i++) {
            SenderKey key = keys.get(i);
            TransferSender first = byKey.get(key).get(0);
            boolean nobody = key.name().isEmpty();
            DonorRules.Clean clean = DonorRules.check(
                    DonorForm.of(new NewDonor(
                            nobody ? anonymousName() : first.name(),
                            DonorKind.INDIVIDUAL,
                            true,
                            DonorRules.VIETNAM,
                            null,
                            null,
                            null,
                            nobody,
                            false)),
                    today);
            names[i] = clean.name();
            folded[i] = clean.nameFolded();
            anonymous[i] = Boolean.toString(clean.anonymous());
            registered.put(key, ids.get(i));
        }
        Long[] idArray = ids.toArray(Long[]::new);
        jdbc.sql("""
                        insert into donor (id, kind, name, name_folded, domestic, country, anonymous, list_consent,
                                           registered_unit_code, commune_code, province_code, created_by)
                        select u.id, 'INDIVIDUAL', u.name, u.folded, true, 'VN', cast(u.anonymous as boolean), false,
                               :unit, :commune, :province, :by
                        from unnest(cast(:ids as bigint[]), cast(:names as text[]), cast(:folded as text[]),
                                    cast(:anonymous as text[])) as u(id, name, folded, anonymous)""")
                .param("ids", idArray)
                .param("names", names)
                .param("folded", folded)
                .param("anonymous", anonymous)
                .param("unit", unit.code())
                .param("commune", unit.commune())
                .param("province", unit.province())
                .param("by", actor.username())
                .update();
        jdbc.sql("""
                        insert into donor_transfer_sender (unit_code, name_key, account_key, donor_id)
                        select :unit, u.name_key, u.account_key, u.id
                        from unnest(cast(:names as text[]), cast(:accounts as text[]), cast(:ids as bigint[]))
                            as u(name_key, account_key, id)""")
                .param("unit", unitCode)
                .param("names", keys.stream().map(SenderKey::name).toArray(String[]::new))
                .param("accounts", keys.stream().map(SenderKey::account).toArray(String[]::new))
                .param("ids", idArray)
                .update();
        Map<Long, DonorDetails> created = rows(idArray);
        for (Long id : ids) {
            DonorDetails donor = created.get(id);
            events.publishEvent(new DonorRegistered(donor.id(), unit.code(), state(donor)));
        }
        return registered;
    }

    /** Each donor id followed through merges to its surviving donor, with one query. */
    private Map<Long, Long> survivorsOf(Collection<Long> ids) {
        Map<Long, Long> survivors = new HashMap<>();
        jdbc.sql("""
                        with recursive chain(start_id, id, merged_into, depth) as (
                            select id, id, merged_into, 0 from donor where id = any(cast(:ids as bigint[]))
                            union all
                            select c.start_id, d.id, d.merged_into, c.depth + 1 from donor d
                            join chain c on d.id = c.merged_into
                            where c.depth < :max)
                        select start_id, id from chain where merged_into is null""")
                .param("ids", ids.stream().distinct().toArray(Long[]::new))
                .param("max", MAX_MERGE_CHAIN)
                .query(rs -> {
                    survivors.put(rs.getLong(1), rs.getLong(2));
                });
        return survivors;
    }

    private Map<Long, DonorDetails> rows(Long[] ids) {
        Map<Long, DonorDetails> found = new HashMap<>();
        jdbc.sql("select " + COLUMNS + " from donor d where d.id = any(cast(:ids as bigint[]))")
                .param("ids", ids)
                .query(this::mapRow)
                .list()
                .forEach(d -> found.put(d.id().value(), d));
        return found;
    }

    private static String sha256(String text) {
        try {
            return java.util.HexFormat.of()
                    .formatHex(java.security.MessageDigest.getInstance("SHA-256")
                            .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- officers: register, read, change --------------------------------------------------------

    /**
     * Registers the donor an officer recorded, or answers the existing one (same folded name plus
     * the same phone, e-mail or tax code) without changing it.
     */
    @Transactional
    public Registration register(DonorForm form) {
        Actor actor = CurrentActor.get();
        requireManager(actor);
        return register(form, actor);
    }

    /** Donors the actor may read that match the query, by name. */
    public Page<DonorDetails> search(DonorQuery query, int page, int size) {
        Actor actor = CurrentActor.get();
        requireReader(actor);
        int pageSize = Math.min(Math.max(size, 1), MAX_PAGE_SIZE);
        int number = Math.max(page, 0);
        StringBuilder where = new StringBuilder(" where true");
        Map<String, Object> params = new HashMap<>();
        scope(actor, "d", where, params);
        if (!query.includeMerged()) {
            where.append(" and d.merged_into is null");
        }
        if (query.kind() != null) {
            where.append(" and d.kind = :kind");
            params.put("kind", query.kind().name());
        }
        if (query.domestic() != null) {
            where.append(" and d.domestic = :domestic");
            params.put("domestic", query.domestic());
        }
        if (query.anonymous() != null) {
            where.append(" and d.anonymous = :anonymous");
            params.put("anonymous", query.anonymous());
        }
        String folded = VietnameseText.fold(query.text());
        if (!folded.isEmpty()) {
            String[] words = folded.split(" ");
            for (int i = 0; i < words.length && i < 10; i++) {
                where.append(" and (d.name_folded || ' ' || coalesce(d.phone, '') || ' ' || coalesce(d.email, '')"
                                + " || ' ' || coalesce(d.tax_code, '')) like :w")
                        .append(i);
                params.put("w" + i, "%" + likeEscaped(words[i]) + "%");
            }
        }
        long total = jdbc.sql("select count(*) from donor d" + where)
                .params(params)
                .query(Long.class)
                .single();
        List<DonorDetails> items = jdbc.sql("select " + COLUMNS + " from donor d" + where
                        + " order by d.name_folded, d.id limit :limit offset :offset")
                .params(params)
                .param("limit", pageSize)
                .param("offset", Page.offset(number, pageSize))
                .query(this::mapRow)
                .list();
        return new Page<>(items, number, pageSize, total);
    }

    /** One donor as stored (a merged donor is not followed), if the actor may read it. */
    public DonorDetails details(DonorId id) {
        Actor actor = CurrentActor.get();
        requireReader(actor);
        DonorDetails donor = row(id.value()).orElseThrow(() -> new DonorNotFound(id));
        requireVisible(actor, donor);
        return donor;
    }

    /** Changes a donor's data; a donor merged into another is changed through the survivor. */
    @Transactional
    public DonorDetails update(DonorId id, DonorForm form) {
        Actor actor = CurrentActor.get();
        requireManager(actor);
        lock(List.of(id.value()));
        DonorDetails existing = row(id.value()).orElseThrow(() -> new DonorNotFound(id));
        requireVisible(actor, existing);
        if (existing.merged()) {
            throw new DonorRuleBroken(
                    "donor.error.mergedNoEdit", existing.donor().mergedInto());
        }
        DonorRules.Clean clean = DonorRules.check(form, organisation.today());
        jdbc.sql("""
                        update donor set kind = :kind, name = :name, name_folded = :folded, domestic = :domestic,
                               country = :country, phone = :phone, email = :email, address = :address,
                               tax_code = :taxCode, anonymous = :anonymous, list_consent = :consent,
                               list_consent_on = :consentOn, updated_at = now(), version = version + 1
                        where id = :id""").params(values(clean)).param("id", id.value()).update();
        DonorDetails updated = row(id.value()).orElseThrow();
        Map<String, Object> before = state(existing);
        Map<String, Object> after = state(updated);
        if (!before.equals(after)) {
            events.publishEvent(new DonorUpdated(id, existing.registeredUnitCode(), before, after));
        }
        return updated;
    }

    /** Whether the actor may change this donor (and merge it). */
    public boolean canManage(Actor actor, DonorDetails donor) {
        return actor != null && actor.canManage() && visible(actor, donor);
    }

    /** Whether the actor may open the donor pages at all. */
    public boolean canRead(Actor actor) {
        return actor != null
                && (actor.has(Role.ADMIN)
                        || actor.has(Role.PROVINCE_OFFICER)
                        || actor.has(Role.COMMUNE_OFFICER)
                        || actor.has(Role.SUPERVISOR));
    }

    // ---- duplicates and merges --------------------------------------------------------------------

    /**
     * Pairs of donors (neither merged, both readable by the actor, not marked different) with the
     * same folded name and either the same phone, e-mail or tax code, or no contact that tells them
     * apart while one of them has some; pairs with a shared contact first.
     */
    public Page<DuplicatePair> duplicates(int page, int size) {
        Actor actor = CurrentActor.get();
        requireReader(actor);
        int pageSize = Math.min(Math.max(size, 1), MAX_PAGE_SIZE);
        int number = Math.max(page, 0);
        StringBuilder where = new StringBuilder("""
                 from donor a join donor b on b.name_folded = a.name_folded and b.id > a.id
                 where a.merged_into is null and b.merged_into is null
                   and not exists (select 1 from donor_distinct_pair x where x.low_id = a.id and x.high_id = b.id)
                   and (a.phone = b.phone or a.email = b.email or a.tax_code = b.tax_code
                        or (coalesce(a.phone, a.email, a.tax_code, b.phone, b.email, b.tax_code) is not null
                            and (a.phone is null or b.phone is null)
                            and (a.email is null or b.email is null)
                            and (a.tax_code is null or b.tax_code is null)))""");
        Map<String, Object> params = new HashMap<>();
        scope(actor, "a", where, params);
        scope(actor, "b", where, params);
        long total = jdbc.sql("select count(*)" + where)
                .params(params)
                .query(Long.class)
                .single();
        record Pair(long first, long second, boolean phone, boolean email, boolean taxCode) {}
        List<Pair> pairs = jdbc.sql("""
                        select a.id, b.id, coalesce(a.phone = b.phone, false), coalesce(a.email = b.email, false),
                               coalesce(a.tax_code = b.tax_code, false)""" + where + """
                         order by (coalesce(a.phone = b.phone, false) or coalesce(a.email = b.email, false)
                                   or coalesce(a.tax_code = b.tax_code, false)) desc, a.name_folded, a.id, b.id
                         limit :limit offset :offset""")
                .params(params)
                .param("limit", pageSize)
                .param("offset", Page.offset(number, pageSize))
                .query((rs, n) ->
                        new Pair(rs.getLong(1), rs.getLong(2), rs.getBoolean(3), rs.getBoolean(4), rs.getBoolean(5)))
                .list();
        List<Long> ids = pairs.stream()
                .flatMap(p -> java.util.stream.Stream.of(p.first(), p.second()))
                .distinct()
                .toList();
        Map<Long, DonorDetails> donors = rows(ids);
        List<DuplicatePair> items = pairs.stream()
                .map(p -> {
                    List<String> reasons = new ArrayList<>();
                    reasons.add("donor.duplicates.reason.sameName");
                    if (p.phone()) {
                        reasons.add("donor.duplicates.reason.phone");
                    }
                    if (p.email()) {
                        reasons.add("donor.duplicates.reason.email");
                    }
                    if (p.taxCode()) {
                        reasons.add("donor.duplicates.reason.taxCode");
                    }
                    boolean strong = reasons.size() > 1;
                    if (!strong) {
                        reasons.add("donor.duplicates.reason.missingContact");
                    }
                    return new DuplicatePair(donors.get(p.first()), donors.get(p.second()), strong, reasons);
                })
                .toList();
        return new Page<>(items, number, pageSize, total);
    }

    /**
     * Merges {@code merged} into {@code survivor}: the survivor keeps its id and takes the merged
     * donor's phone, e-mail, tax code and address where it has none; the merged donor stays, pointing
     * at the survivor, and the merge is recorded with who, when and why. Publishes
     * {@link DonorsMerged}.
     */
    @Transactional
    public DonorView merge(DonorId survivorId, DonorId mergedId, String reason) {
        Actor actor = CurrentActor.get();
        requireManager(actor);
        String why = requireReason(reason);
        if (survivorId.equals(mergedId)) {
            throw new DonorRuleBroken("donor.merge.same");
        }
        lock(List.of(survivorId.value(), mergedId.value()));
        DonorDetails survivor = row(survivorId.value()).orElseThrow(() -> new DonorNotFound(survivorId));
        DonorDetails merged = row(mergedId.value()).orElseThrow(() -> new DonorNotFound(mergedId));
        requireManageable(actor, survivor);
        requireManageable(actor, merged);
        if (survivor.merged()) {
            throw new DonorRuleBroken(
                    "donor.merge.survivorMerged", survivorId, survivor.donor().mergedInto());
        }
        if (merged.merged()) {
            throw new DonorRuleBroken(
                    "donor.merge.alreadyMerged", mergedId, merged.donor().mergedInto());
        }
        Map<String, Object> survivorBefore = state(survivor);
        Map<String, String> filled = new LinkedHashMap<>();
        for (String field : CONTACT_FIELDS) {
            String mine = contact(survivor, field);
            String theirs = contact(merged, field);
            if (mine == null && theirs != null) {
                filled.put(field, theirs);
                jdbc.sql("update donor set " + COLUMN_OF.get(field) + " = :value where id = :id")
                        .param("value", theirs)
                        .param("id", survivorId.value())
                        .update();
            }
        }
        if (!filled.isEmpty()) {
            touch(survivorId.value());
        }
        jdbc.sql("update donor set merged_into = :survivor, updated_at = now(), version = version + 1 where id = :id")
                .param("survivor", survivorId.value())
                .param("id", mergedId.value())
                .update();
        jdbc.sql("""
                        insert into donor_merge (survivor_id, merged_id, reason, filled_fields, merged_by)
                        values (:survivor, :merged, :reason, cast(:filled as jsonb), :by)""")
                .param("survivor", survivorId.value())
                .param("merged", mergedId.value())
                .param("reason", why)
                .param("filled", json.writeValueAsString(filled))
                .param("by", actor.username())
                .update();
        DonorDetails mergedAfter = row(mergedId.value()).orElseThrow();
        events.publishEvent(new DonorsMerged(
                survivorId, mergedId, merged.registeredUnitCode(), why, state(merged), state(mergedAfter)));
        if (!filled.isEmpty()) {
            events.publishEvent(new DonorUpdated(
                    survivorId,
                    survivor.registeredUnitCode(),
                    survivorBefore,
                    state(row(survivorId.value()).orElseThrow())));
        }
        return get(survivorId);
    }

    /**
     * Undoes the open merge of this donor: it stands on its own again, and the contact fields the
     * merge copied onto the survivor are emptied where the survivor still has those values.
     */
    @Transactional
    public DonorView unmerge(DonorId mergedId, String reason) {
        Actor actor = CurrentActor.get();
        requireManager(actor);
        String why = requireReason(reason);
        record Open(long id, long survivor, String filled) {}
        Open open = jdbc.sql("""
                        select id, survivor_id, filled_fields::text from donor_merge
                        where merged_id = :merged and undone_at is null for update""")
                .param("merged", mergedId.value())
                .query((rs, n) -> new Open(rs.getLong(1), rs.getLong(2), rs.getString(3)))
                .optional()
                .orElseThrow(() -> new DonorRuleBroken("donor.unmerge.notMerged", mergedId));
        DonorId survivorId = new DonorId(open.survivor());
        lock(List.of(open.survivor(), mergedId.value()));
        DonorDetails survivor = row(open.survivor()).orElseThrow();
        DonorDetails merged = row(mergedId.value()).orElseThrow();
        requireManageable(actor, survivor);
        requireManageable(actor, merged);
        Map<String, Object> survivorBefore = state(survivor);
        Map<String, String> filled = json.readValue(open.filled(), new TypeReference<Map<String, String>>() {});
        boolean survivorChanged = false;
        for (Map.Entry<String, String> field : filled.entrySet()) {
            if (COLUMN_OF.containsKey(field.getKey()) && field.getValue().equals(contact(survivor, field.getKey()))) {
                jdbc.sql("update donor set " + COLUMN_OF.get(field.getKey()) + " = null where id = :id")
                        .param("id", open.survivor())
                        .update();
                survivorChanged = true;
            }
        }
        if (survivorChanged) {
            touch(open.survivor());
        }
        jdbc.sql("update donor set merged_into = null, updated_at = now(), version = version + 1 where id = :id")
                .param("id", mergedId.value())
                .update();
        jdbc.sql("""
                        update donor_merge set undone_by = :by, undone_at = now(), undo_reason = :reason
                        where id = :id""")
                .param("by", actor.username())
                .param("reason", why)
                .param("id", open.id())
                .update();
        DonorDetails mergedAfter = row(mergedId.value()).orElseThrow();
        events.publishEvent(new DonorsUnmerged(
                survivorId, mergedId, merged.registeredUnitCode(), why, state(merged), state(mergedAfter)));
        if (survivorChanged) {
            events.publishEvent(new DonorUpdated(
                    survivorId,
                    survivor.registeredUnitCode(),
                    survivorBefore,
                    state(row(open.survivor()).orElseThrow())));
        }
        return mergedAfter.donor();
    }

    /** Records that two donors of the same name are different people: the pair leaves the duplicates page. */
    @Transactional
    public void markDistinct(DonorId first, DonorId second) {
        Actor actor = CurrentActor.get();
        requireManager(actor);
        if (first.equals(second)) {
            throw new DonorRuleBroken("donor.merge.same");
        }
        requireManageable(actor, row(first.value()).orElseThrow(() -> new DonorNotFound(first)));
        requireManageable(actor, row(second.value()).orElseThrow(() -> new DonorNotFound(second)));
        jdbc.sql("""
                        insert into donor_distinct_pair (low_id, high_id, decided_by) values (:low, :high, :by)
                        on conflict do nothing""")
                .param("low", Math.min(first.value(), second.value()))
                .param("high", Math.max(first.value(), second.value()))
                .param("by", actor.username())
                .update();
    }

    /** The merges this donor took part in (as survivor or merged), newest first. */
    public List<MergeRecord> history(DonorId id) {
        details(id);
        return jdbc.sql("""
                        select m.id, m.survivor_id, s.name, m.merged_id, g.name, m.reason, m.filled_fields::text,
                               m.merged_by, m.merged_at, m.undone_by, m.undone_at, m.undo_reason
                        from donor_merge m join donor s on s.id = m.survivor_id join donor g on g.id = m.merged_id
                        where m.survivor_id = :id or m.merged_id = :id
                        order by m.merged_at desc, m.id desc""")
                .param("id", id.value())
                .query((rs, n) -> new MergeRecord(
                        rs.getLong(1),
                        new DonorId(rs.getLong(2)),
                        rs.getString(3),
                        new DonorId(rs.getLong(4)),
                        rs.getString(5),
                        rs.getString(6),
                        List.copyOf(json.readValue(rs.getString(7), new TypeReference<Map<String, String>>() {})
                                .keySet()),
                        rs.getString(8),
                        instant(rs, 9),
                        rs.getString(10),
                        instant(rs, 11),
                        rs.getString(12)))
                .list();
    }

    // ---- registration -----------------------------------------------------------------------------

    private Registration register(DonorForm form, Actor actor) {
        DonorRules.Clean clean = DonorRules.check(form, organisation.today());
        // one registration per folded name at a time, so two imports of the same donor make one record
        jdbc.sql("select pg_advisory_xact_lock(hashtext(:key))")
                .param("key", "donor:" + clean.nameFolded())
                .query((rs, n) -> 1)
                .single();
        Optional<Long> existing = match(clean);
        if (existing.isPresent()) {
            return new Registration(get(new DonorId(existing.get())), false);
        }
        Unit unit = unitOf(actor);
        long id = jdbc.sql("""
                        insert into donor (kind, name, name_folded, domestic, country, phone, email, address, tax_code,
                                           anonymous, list_consent, list_consent_on, registered_unit_code,
                                           commune_code, province_code, created_by)
                        values (:kind, :name, :folded, :domestic, :country, :phone, :email, :address, :taxCode,
                                :anonymous, :consent, :consentOn, :unit, :commune, :province, :by)
                        returning id""")
                .params(values(clean))
                .param("unit", unit.code())
                .param("commune", unit.commune())
                .param("province", unit.province())
                .param("by", actor.username())
                .query(Long.class)
                .single();
        DonorDetails created = row(id).orElseThrow();
        events.publishEvent(new DonorRegistered(created.id(), unit.code(), state(created)));
        return new Registration(created.donor(), true);
    }

    /** The donor with the same folded name and the same phone, e-mail or tax code, followed to its survivor. */
    private Optional<Long> match(DonorRules.Clean clean) {
        if (clean.phone() == null && clean.email() == null && clean.taxCode() == null) {
            return Optional.empty();
        }
        return jdbc.sql("""
                        select id from donor
                        where name_folded = :folded
                          and (phone = :phone or email = :email or tax_code = :taxCode)
                        order by (merged_into is null) desc, id
                        limit 1""")
                .param("folded", clean.nameFolded())
                .param("phone", clean.phone())
                .param("email", clean.email())
                .param("taxCode", clean.taxCode())
                .query(Long.class)
                .optional()
                .flatMap(this::survivorOf);
    }

    private record Unit(String code, String commune, String province) {
        static final Unit NONE = new Unit(null, null, null);
    }

    /** The unit that registers what the actor records, with its commune and province; none for the system or a donor. */
    private Unit unitOf(Actor actor) {
        if (actor.isNational() || actor.has(Role.DONOR)) {
            return Unit.NONE;
        }
        LocalDate today = organisation.today();
        Optional<OrgUnitView> unit = organisation.find(actor.scopeCode(), today);
        if (unit.isEmpty()) {
            return Unit.NONE;
        }
        List<OrgUnitView> line =
                new ArrayList<>(organisation.ancestors(unit.get().code(), today));
        line.add(unit.get());
        String commune = line.stream()
                .filter(OrgUnitView::isCommune)
                .map(OrgUnitView::code)
                .findFirst()
                .orElse(null);
        String province = line.stream()
                .filter(u -> UnitTypes.PROVINCE_TYPES.contains(u.type()))
                .map(OrgUnitView::code)
                .findFirst()
                .orElse(null);
        return new Unit(unit.get().code(), commune, province);
    }

    // ---- access -------------------------------------------------------------------------------------

    private void requireReader(Actor actor) {
        if (!canRead(actor)) {
            throw new OutsideScope(actor.username() + " may not read the donor register");
        }
    }

    private static void requireManager(Actor actor) {
        if (!actor.canManage()) {
            throw new OutsideScope(actor.username() + " may not change donors");
        }
    }

    private boolean visible(Actor actor, DonorDetails donor) {
        if (!canRead(actor)) {
            return false;
        }
        if (actor.has(Role.ADMIN) || actor.isNational()) {
            return true;
        }
        return jdbc.sql("""
                                select count(*) from donor
                                where id = :id
                                  and (province_code = :scope or commune_code = :scope or registered_unit_code = :scope)""")
                        .param("id", donor.id().value())
                        .param("scope", actor.scopeCode())
                        .query(Long.class)
                        .single()
                > 0;
    }

    private void requireVisible(Actor actor, DonorDetails donor) {
        if (!visible(actor, donor)) {
            throw new OutsideScope(actor.username() + " may not read donor " + donor.id());
        }
    }

    private void requireManageable(Actor actor, DonorDetails donor) {
        if (!canManage(actor, donor)) {
            throw new OutsideScope(actor.username() + " may not change donor " + donor.id());
        }
    }

    /** Donors registered within the actor's scope (everything for ADMIN and national actors). */
    private static void scope(Actor actor, String alias, StringBuilder where, Map<String, Object> params) {
        if (actor.has(Role.ADMIN) || actor.isNational()) {
            return;
        }
        where.append(" and (")
                .append(alias)
                .append(".province_code = :scope or ")
                .append(alias)
                .append(".commune_code = :scope or ")
                .append(alias)
                .append(".registered_unit_code = :scope)");
        params.put("scope", actor.scopeCode());
    }

    // ---- rows ---------------------------------------------------------------------------------------

    private Optional<Long> survivorOf(long id) {
        return jdbc.sql("""
                        with recursive chain(id, merged_into, depth) as (
                            select id, merged_into, 0 from donor where id = :id
                            union all
                            select d.id, d.merged_into, c.depth + 1 from donor d join chain c on d.id = c.merged_into
                            where c.depth < :max)
                        select id from chain where merged_into is null""")
                .param("id", id)
                .param("max", MAX_MERGE_CHAIN)
                .query(Long.class)
                .optional();
    }

    private Optional<DonorDetails> row(long id) {
        return jdbc.sql("select " + COLUMNS + " from donor d where d.id = :id")
                .param("id", id)
                .query(this::mapRow)
                .optional();
    }

    private Map<Long, DonorDetails> rows(List<Long> ids) {
        Map<Long, DonorDetails> found = new HashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        jdbc.sql("select " + COLUMNS + " from donor d where d.id in (:ids)")
                .param("ids", ids)
                .query(this::mapRow)
                .list()
                .forEach(d -> found.put(d.id().value(), d));
        return found;
    }

    private void lock(List<Long> ids) {
        jdbc.sql("select id from donor where id in (:ids) order by id for update")
                .param("ids", ids)
                .query(Long.class)
                .list();
    }

    private void touch(long id) {
        jdbc.sql("update donor set updated_at = now(), version = version + 1 where id = :id")
                .param("id", id)
                .update();
    }

    private DonorDetails mapRow(ResultSet rs, int row) throws SQLException {
        String name = rs.getString("name");
        boolean anonymous = rs.getBoolean("anonymous");
        boolean consent = rs.getBoolean("list_consent");
        long mergedInto = rs.getLong("merged_into");
        DonorView view = new DonorView(
                new DonorId(rs.getLong("id")),
                DonorKind.valueOf(rs.getString("kind")),
                name,
                rs.getBoolean("domestic"),
                rs.getString("country"),
                rs.getString("phone"),
                rs.getString("email"),
                rs.getString("tax_code"),
                anonymous,
                consent,
                consent && !anonymous ? name : anonymousName(),
                mergedInto == 0 ? null : new DonorId(mergedInto));
        return new DonorDetails(
                view,
                rs.getString("address"),
                rs.getObject("list_consent_on", LocalDate.class),
                rs.getString("registered_unit_code"),
                rs.getString("created_by"),
                instant(rs, "created_at"),
                instant(rs, "updated_at"));
    }

    private String anonymousName() {
        return messages.getMessage("donor.publicName.anonymous", null, "Nhà hảo tâm", VIETNAMESE);
    }

    private static Map<String, Object> values(DonorRules.Clean clean) {
        Map<String, Object> values = new HashMap<>();
        values.put("kind", clean.kind().name());
        values.put("name", clean.name());
        values.put("folded", clean.nameFolded());
        values.put("domestic", clean.domestic());
        values.put("country", clean.country());
        values.put("phone", clean.phone());
        values.put("email", clean.email());
        values.put("address", clean.address());
        values.put("taxCode", clean.taxCode());
        values.put("anonymous", clean.anonymous());
        values.put("consent", clean.listConsent());
        values.put("consentOn", clean.listConsentOn());
        return values;
    }

    /** The visible fields, as the audit trail records them. */
    private static Map<String, Object> state(DonorDetails donor) {
        DonorView v = donor.donor();
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("kind", v.kind().name());
        state.put("name", v.name());
        state.put("domestic", v.domestic());
        state.put("country", v.country());
        state.put("phone", Objects.toString(v.phone(), ""));
        state.put("email", Objects.toString(v.email(), ""));
        state.put("address", Objects.toString(donor.address(), ""));
        state.put("taxCode", Objects.toString(v.taxCode(), ""));
        state.put("anonymous", v.anonymous());
        state.put("listConsent", v.listConsent());
        state.put("listConsentOn", Objects.toString(donor.listConsentOn(), ""));
        state.put("mergedInto", v.mergedInto() == null ? "" : v.mergedInto().toString());
        return state;
    }

    private static String contact(DonorDetails donor, String field) {
        return switch (field) {
            case "phone" -> donor.donor().phone();
            case "email" -> donor.donor().email();
            case "taxCode" -> donor.donor().taxCode();
            case "address" -> donor.address();
            default -> throw new IllegalArgumentException(field);
        };
    }

    private static String requireReason(String reason) {
        String why = VietnameseText.clean(reason);
        if (why == null || why.isEmpty()) {
            throw InvalidDonor.of("reason", "donor.error.reasonRequired");
        }
        if (why.length() > MAX_REASON) {
            throw InvalidDonor.of("reason", "donor.error.reasonTooLong", MAX_REASON);
        }
        return why;
    }

    private static String likeEscaped(String word) {
        return word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
