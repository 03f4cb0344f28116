package vn.chungtay.donation;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.chungtay.campaign.Campaign;
import vn.chungtay.campaign.CampaignId;
import vn.chungtay.campaign.CampaignManagement;
import vn.chungtay.donation.internal.BulkGifts;
import vn.chungtay.donation.internal.StatementParser;
import vn.chungtay.donation.internal.StatementText;
import vn.chungtay.ledger.LedgerRuleBroken;
import vn.chungtay.need.NeedId;
import vn.chungtay.need.NeedManagement;
import vn.chungtay.need.NeedStatus;
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
 * Bank statements: column layouts (two shipped, more defined by officers), importing a CSV or XLSX
 * statement into a campaign's account — refused whole when a row cannot be read, each line kept
 * once however often it is imported, non-gifts set aside, payment codes turned into gifts without
 * a click — and the queue of lines an officer matches or sets aside.
 */
@Service
@Transactional(readOnly = true)
public class BankStatements {

    static final int MAX_LINES = 500_000;
    private static final int CHUNK = 10_000;
    private static final java.util.regex.Pattern BLANKS = java.util.regex.Pattern.compile("\\s+");
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(BankStatements.class);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final JdbcClient jdbc;
    private final CampaignManagement campaigns;
    private final NeedManagement needs;
    private final OrganisationManagement organisation;
    private final BulkGifts gifts;
    private final ApplicationEventPublisher events;
    private final DataSource dataSource;

    BankStatements(
            JdbcClient jdbc,
            DataSource dataSource,
            CampaignManagement campaigns,
            NeedManagement needs,
            OrganisationManagement organisation,
            BulkGifts gifts,
            ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.campaigns = campaigns;
        this.needs = needs;
        this.organisation = organisation;
        this.gifts = gifts;
        this.events = events;
    }

    // ---- layouts ------------------------------------------------------------------------------

    public List<StatementLayout> layouts() {
        return jdbc.sql("select * from statement_layout order by builtin desc, name")
                .query((rs, n) -> layout(rs))
                .list();
    }

    /** A layout by its name (case ignored) or id. */
    public Optional<StatementLayout> layout(String nameOrId) {
        if (nameOrId == null || nameOrId.isBlank()) {
            return Optional.empty();
        }
        String key = nameOrId.strip();
        if (key.matches("\\d{1,12}")) {
            Optional<StatementLayout> byId = jdbc.sql("select * from statement_layout where id = ?")
                    .param(Long.parseLong(key))
                    .query((rs, n) -> layout(rs))
                    .optional();
            if (byId.isPresent()) {
                return byId;
            }
        }
        return jdbc.sql("select * from statement_layout where lower(name) = lower(?)")
                .param(key)
                .query((rs, n) -> layout(rs))
                .optional();
    }

    /** Stores a layout an officer defined; every problem is named at once. */
    @Transactional
    public StatementLayout defineLayout(StatementLayout form) {
        Actor actor = CurrentActor.get();
        if (!actor.canManage()) {
            throw new OutsideScope(actor.username() + " may not define statement layouts");
        }
        List<InvalidDonation.Problem> problems = new ArrayList<>();
        String name = VietnameseText.clean(form.name());
        if (name == null || name.isEmpty() || name.length() > 100) {
            problem(problems, "name", "donation.layout.error.name");
        } else if (layout(name).isPresent()) {
            problem(problems, "name", "donation.layout.error.nameTaken", name);
        }
        List<String> signature = columns(form.headerSignature());
        if (signature.isEmpty()) {
            problem(problems, "headerSignature", "donation.layout.error.signature");
        }
        String dateColumn = column(form.dateColumn());
        if (dateColumn == null) {
            problem(problems, "dateColumn", "donation.layout.error.required");
        }
        String dateFormat = column(form.dateFormat());
        if (dateFormat == null) {
            problem(problems, "dateFormat", "donation.layout.error.required");
        } else {
            try {
                DateTimeFormatter.ofPattern(dateFormat);
                if (!dateFormat.contains("d") || !dateFormat.contains("M") || !dateFormat.contains("y")) {
                    problem(problems, "dateFormat", "donation.layout.error.dateFormat");
                }
            } catch (IllegalArgumentException e) {
                problem(problems, "dateFormat", "donation.layout.error.dateFormat");
            }
        }
        String credit = column(form.creditColumn());
        String amount = column(form.amountColumn());
        if ((credit == null) == (amount == null)) {
            problem(problems, "creditColumn", "donation.layout.error.amounts");
        }
        String message = column(form.messageColumn());
        if (message == null) {
            problem(problems, "messageColumn", "donation.layout.error.required");
        }
        if (form.grouping() == null) {
            problem(problems, "grouping", "donation.layout.error.required");
        }
        if (!problems.isEmpty()) {
            throw new InvalidDonation(problems);
        }
        long id = jdbc.sql("""
                        insert into statement_layout (name, header_signature, date_column, date_format, time_column,
                            credit_column, debit_column, amount_column, grouping, message_column, reference_columns,
                            counterparty_column, account_column, builtin, created_by)
                        values (:name, :signature, :date, :format, :time, :credit, :debit, :amount, :grouping, :message,
                            :refs, :counterparty, :account, false, :by) returning id""")
                .param("name", name)
                .param("signature", signature.toArray(String[]::new))
                .param("date", dateColumn)
                .param("format", dateFormat)
                .param("time", column(form.timeColumn()))
                .param("credit", credit)
                .param("debit", credit == null ? null : column(form.debitColumn()))
                .param("amount", amount)
                .param("grouping", form.grouping().name())
                .param("message", message)
                .param("refs", columns(form.referenceColumns()).toArray(String[]::new))
                .param("counterparty", column(form.counterpartyColumn()))
                .param("account", column(form.accountColumn()))
                .param("by", actor.username())
                .query(Long.class)
                .single();
        return layout(Long.toString(id)).orElseThrow();
    }

    // ---- importing ----------------------------------------------------------------------------

    private record Keyed(StatementParser.Line line, String account, String dedupKey) {}

    private record Match(long campaignId, String unitCode, Long needId) {}

    private static final class NeedState {
        final NeedView need;
        long funded;

        NeedState(NeedView need) {
            this.need = need;
            this.funded = need.funded().dong();
        }

        boolean open() {
            return (need.status() == NeedStatus.PUBLISHED || need.status() == NeedStatus.PARTLY_FUNDED)
                    && funded < need.total().dong();
        }
    }

    /**
     * Imports a statement into a campaign's account. The layout is the one named, else the one whose
     * header the file carries. A file with any unreadable row is refused whole ({@link
     * InvalidStatement}, nothing written). Lines already imported (same account, day, amount,
     * direction and bank reference — or time and message when the bank gives none) count as
     * duplicates; debits, interest and refunds are set aside; a payment code makes a gift to that
     * need or campaign; the other credits wait in the queue.
     */
    @Transactional
    public StatementImportResult importStatement(
            long campaignId, String layoutName, String uploadedName, byte[] content) {
        Actor actor = CurrentActor.get();
        // the uploaded file's name is stored and audited: no control characters (a NUL would fail the insert)
        String fileName = StatementText.withoutControls(uploadedName);
        Campaign campaign = campaignId <= 0
                ? null
                : campaigns.find(new CampaignId(campaignId)).orElse(null);
        if (campaign == null) {
            throw InvalidDonation.of("campaignId", "donation.error.campaign");
        }
        organisation.requireManageable(actor, campaign.unitCode());
        if (content == null || content.length == 0) {
            throw InvalidStatement.file("donation.statement.error.empty");
        }
        long started = System.nanoTime();
        StatementLayout layout = null;
        if (layoutName != null && !layoutName.isBlank()) {
            layout = layout(layoutName)
                    .orElseThrow(() -> InvalidDonation.of("layout", "donation.statement.error.layout", layoutName));
        }
        // a zip is read as a workbook, and so is a file named .xlsx (else a broken one would be read as CSV)
        boolean xlsx = (content.length > 2 && content[0] == 'P' && content[1] == 'K')
                || (fileName != null
                        && fileName.strip().toLowerCase(Locale.ROOT).endsWith(".xlsx"));
        List<StatementParser.Line> lines = new ArrayList<>();
        List<StatementParser.Problem> problems;
        if (layout == null) {
            layout = detect(content, xlsx);
        }
        if (!xlsx && !isUtf8(content)) {
            // a Windows-1258 export or stray bytes would be read with replacement characters
            throw InvalidStatement.file("donation.statement.error.notUtf8");
        }
        try {
            java.util.function.Consumer<StatementParser.Line> keep = line -> {
                if (lines.size() >= MAX_LINES) {
                    throw InvalidStatement.file("donation.statement.error.tooLarge", MAX_LINES);
                }
                lines.add(line);
            };
            problems = xlsx
                    ? StatementParser.xlsx(new ByteArrayInputStream(content), layout, keep)
                    : StatementParser.csv(
                            new InputStreamReader(new ByteArrayInputStream(content), StandardCharsets.UTF_8),
                            layout,
                            keep);
        } catch (StatementParser.Unreadable e) {
            throw InvalidStatement.file(e.messageKey(), e.arguments());
        }
        if (!problems.isEmpty()) {
            throw new InvalidStatement(problems.stream()
                    .map(p -> new InvalidStatement.Problem(p.row(), p.messageKey(), p.arguments()))
                    .toList());
        }
        if (lines.isEmpty()) {
            throw InvalidStatement.file("donation.statement.error.noLines");
        }
        String defaultAccount = campaign.accounts().isEmpty()
                ? "CT" + campaign.id()
                : campaign.accounts().get(0).accountNumber();
        long parsed = System.nanoTime();
        List<Keyed> keyed = keyed(lines, defaultAccount);
        Set<String> existing = existingKeys(keyed);

        String[] unitPath = unitPath(campaign.unitCode());
        List<Keyed> fresh = new ArrayList<>();
        int duplicates = 0;
        for (Keyed k : keyed) {
            if (existing.contains(fullKey(k))) {
                duplicates++;
            } else {
                fresh.add(k);
            }
        }
        String[] status = new String[fresh.size()];
        String[] reason = new String[fresh.size()];
        String[] note = new String[fresh.size()];
        List<BulkGifts.Transfer> transfers = new ArrayList<>();
        List<Integer> transferLines = new ArrayList<>();
        Map<Long, Optional<NeedState>> needCache = new HashMap<>();
        Map<Long, Optional<Campaign>> campaignCache = new HashMap<>();
        // scope answers per unit pair, asked once per import instead of once per coded line
        Map<String, Boolean> scopeCache = new HashMap<>();
        campaignCache.put(campaign.id().value(), Optional.of(campaign));
        int matched = 0;
        int queued = 0;
        int setAside = 0;
        for (int i = 0; i < fresh.size(); i++) {
            StatementParser.Line line = fresh.get(i).line();
            if (!line.credit()) {
                status[i] = "SET_ASIDE";
                reason[i] = "DEBIT";
                setAside++;
                continue;
            }
            Optional<String> notAGift = StatementText.notAGift(line.message());
            if (notAGift.isPresent()) {
                status[i] = "SET_ASIDE";
                reason[i] = notAGift.get();
                setAside++;
                continue;
            }
            List<StatementText.Code> codes = StatementText.codes(line.message());
            Match match = null;
            String why = null;
            for (StatementText.Code code : codes) {
                Object resolved = resolve(code, line, campaign, actor, needCache, campaignCache, scopeCache);
                if (resolved instanceof Match m) {
                    match = m;
                    break;
                }
                if (why == null) {
                    why = (String) resolved;
                }
            }
            if (match == null) {
                status[i] = "QUEUED";
                note[i] = why;
                queued++;
                continue;
            }
            status[i] = "MATCHED";
            matched++;
            transfers.add(new BulkGifts.Transfer(
                    match.campaignId(),
                    match.unitCode(),
                    line.date(),
                    line.amount(),
                    match.needId(),
                    clip(line.message(), 2000),
                    StatementText.sender(line.counterparty(), line.message()).orElse(null),
                    actor.username()));
            transferLines.add(i);
        }
        long importId = jdbc.sql("""
                        insert into statement_import (campaign_id, unit_code, layout_id, file_name, account_number, lines,
                            imported, matched, duplicates, unmatched, set_aside, imported_by)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(
                        campaign.id().value(),
                        campaign.unitCode(),
                        layout.id(),
                        clip(fileName == null || fileName.isBlank() ? "statement" : fileName, 200),
                        defaultAccount,
                        lines.size(),
                        matched + queued,
                        matched,
                        duplicates,
                        queued,
                        setAside,
                        actor.username())
                .query(Long.class)
                .single();
        long classified = System.nanoTime();
        long[] giftIds;
        try {
            giftIds = gifts.record(transfers, actor.username());
        } catch (BulkGifts.TransferRefused e) {
            // the ledger refused one coded line: the whole file is refused, naming that line
            LedgerRuleBroken refusal = e.reason();
            StatementParser.Line refused =
                    fresh.get(transferLines.get(e.index())).line();
            throw new InvalidStatement(List.of(new InvalidStatement.Problem(
                    refused.row(),
                    "donation.statement.error.notPosted",
                    List.of(new DefaultMessageSourceResolvable(
                            new String[] {refusal.messageKey()}, refusal.arguments(), refusal.messageKey())))));
        }
        Long[] donationOf = new Long[fresh.size()];
        for (int t = 0; t < giftIds.length; t++) {
            donationOf[transferLines.get(t)] = giftIds[t];
        }
        long recorded = System.nanoTime();
        insertLines(importId, campaign, unitPath, fresh, status, reason, note, donationOf);
        long written = System.nanoTime();
        if (lines.size() >= 1000) {
            log.info(
                    "statement of {} lines imported in {} ms: read {} ms, duplicates and payment codes {} ms,"
                            + " gifts {} ms, lines written {} ms",
                    lines.size(),
                    (written - started) / 1_000_000,
                    (parsed - started) / 1_000_000,
                    (classified - parsed) / 1_000_000,
                    (recorded - classified) / 1_000_000,
                    (written - recorded) / 1_000_000);
        }
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("campaignId", campaign.id().value());
        after.put("layout", layout.name());
        after.put("file", clip(fileName == null ? "" : fileName, 200));
        after.put("lines", lines.size());
        after.put("matched", matched);
        after.put("duplicates", duplicates);
        after.put("unmatched", queued);
        after.put("setAside", setAside);
        events.publishEvent(new StatementImported(importId, campaign.unitCode(), after));
        return new StatementImportResult(
                importId, layout.name(), lines.size(), matched + queued, matched, duplicates, queued, setAside);
    }

    private StatementLayout detect(byte[] content, boolean xlsx) {
        List<StatementLayout> all = layouts();
        if (xlsx) {
            for (StatementLayout candidate : all) {
                try {
                    StatementParser.xlsx(new ByteArrayInputStream(content), candidate, line -> {
                        throw new Found();
                    });
                    return candidate;
                } catch (Found found) {
                    return candidate;
                } catch (StatementParser.NotAWorkbook e) {
                    // no layout can read a file that does not open: say so, not "unknown layout"
                    throw InvalidStatement.file(e.messageKey());
                } catch (StatementParser.Unreadable e) {
                    // not this layout
                }
            }
        } else {
            String head = new String(content, 0, Math.min(content.length, 16_384), StandardCharsets.UTF_8);
            int end = head.indexOf('\n');
            List<String> header = Arrays.stream((end < 0 ? head : head.substring(0, end)).split(","))
                    .map(s -> s.replace("\uFEFF", "").replace("\"", "").strip())
                    .toList();
            for (StatementLayout candidate : all) {
                if (StatementParser.matches(header, candidate)) {
                    return candidate;
                }
            }
        }
        throw InvalidStatement.file("donation.statement.error.unknownLayout");
    }

    /** Thrown to stop reading once a layout is recognised. */
    private static final class Found extends RuntimeException {
        Found() {
            super(null, null, false, false);
        }
    }

    /**
     * Resolves one payment code: a {@link Match} when it names an open need of the commune within
     * the campaign's area, or a campaign receiving on the day that the actor may receive for;
     * otherwise the note (message key and code) that the queue shows.
     */
    private Object resolve(
            StatementText.Code code,
            StatementParser.Line line,
            Campaign campaign,
            Actor actor,
            Map<Long, Optional<NeedState>> needCache,
            Map<Long, Optional<Campaign>> campaignCache,
            Map<String, Boolean> scopeCache) {
        if (code instanceof StatementText.NeedCode needCode) {
            String text = "CT" + needCode.communeCode() + "N" + needCode.needId();
            Optional<NeedState> state = needCache.computeIfAbsent(needCode.needId(), this::needState);
            if (state.isEmpty() || !state.get().need.communeCode().equals(needCode.communeCode())) {
                return "donation.queue.note.noNeed|" + text;
            }
            NeedState need = state.get();
            if (!campaign.receivesOn(line.date())) {
                return "donation.queue.note.campaignClosed|" + text;
            }
            boolean within = scopeCache.computeIfAbsent(
                    "within|" + need.need.communeCode() + "|" + campaign.unitCode(),
                    k -> organisation.isWithin(need.need.communeCode(), campaign.unitCode(), organisation.today()));
            if (!within) {
                return "donation.queue.note.needOutside|" + text;
            }
            if (!need.open()) {
                return "donation.queue.note.needNotOpen|" + text;
            }
            need.funded += line.amount();
            return new Match(
                    campaign.id().value(), campaign.unitCode(), need.need.id().value());
        }
        StatementText.CampaignCode campaignCode = (StatementText.CampaignCode) code;
        String text = "CT" + campaignCode.campaignId();
        Optional<Campaign> named = campaignCache.computeIfAbsent(
                campaignCode.campaignId(), id -> id <= 0 ? Optional.empty() : campaigns.find(new CampaignId(id)));
        if (named.isEmpty()) {
            return "donation.queue.note.noCampaign|" + text;
        }
        Campaign target = named.get();
        if (!target.receivesOn(line.date())) {
            return "donation.queue.note.campaignClosed|" + text;
        }
        if (!scopeCache.computeIfAbsent(
                "covers|" + target.unitCode(), k -> organisation.covers(actor, target.unitCode()))) {
            return "donation.queue.note.campaignOutside|" + text;
        }
        return new Match(target.id().value(), target.unitCode(), null);
    }

    /** The need, when it exists and the actor may allocate to it (else the ledger would refuse the whole file). */
    private Optional<NeedState> needState(long needId) {
        if (needId <= 0) {
            return Optional.empty();
        }
        Actor actor = CurrentActor.get();
        return needs.lookup(new NeedId(needId))
                .filter(n -> organisation.covers(actor, n.unitCode()))
                .map(NeedState::new);
    }

    /** Each line's account and key; the n-th identical line of a file gets {@code #n}, so that real repeats stay. */
    private static List<Keyed> keyed(List<StatementParser.Line> lines, String defaultAccount) {
        List<Keyed> keyed = new ArrayList<>(lines.size());
        Map<String, Integer> seen = new HashMap<>();
        for (StatementParser.Line line : lines) {
            String account = line.account().isEmpty() ? defaultAccount : clip(line.account(), 40);
            String base = line.reference().isEmpty()
                    ? "T:" + line.time() + ":" + digest(line.message())
                    : "R:" + line.reference();
            Keyed k = new Keyed(line, account, base);
            int n = seen.merge(fullKey(k), 1, Integer::sum);
            keyed.add(n == 1 ? k : new Keyed(line, account, base + "#" + n));
        }
        return keyed;
    }

    private static String fullKey(Keyed k) {
        return k.account() + "|" + k.line().date() + "|" + k.line().amount() + "|"
                + k.line().credit() + "|" + k.dedupKey();
    }

    /** The keys of lines already stored for these accounts and days, loaded in one query. */
    private Set<String> existingKeys(List<Keyed> keyed) {
        LocalDate from = keyed.stream()
                .map(k -> k.line().date())
                .min(LocalDate::compareTo)
                .orElseThrow();
        LocalDate to = keyed.stream()
                .map(k -> k.line().date())
                .max(LocalDate::compareTo)
                .orElseThrow();
        String[] accounts = keyed.stream().map(Keyed::account).distinct().toArray(String[]::new);
        Set<String> keys = new HashSet<>();
        jdbc.sql("""
                        select account_number || '|' || booked_on || '|' || amount_dong || '|' || credit || '|' || dedup_key
                        from statement_line
                        where account_number = any(:accounts) and booked_on between :from and :to""")
                .param("accounts", accounts)
                .param("from", from)
                .param("to", to)
                .query(rs -> {
                    keys.add(rs.getString(1));
                });
        return keys;
    }

    /**
     * Writes the new lines with one COPY per {@value #CHUNK} lines on the transaction's connection
     * (as fast as the database takes rows; the unique key still refuses a line imported meanwhile).
     */
    private void insertLines(
            long importId,
            Campaign campaign,
            String[] unitPath,
            List<Keyed> fresh,
            String[] status,
            String[] reason,
            String[] note,
            Long[] donation) {
        String fixed = importId + "\t" + campaign.id().value() + "\t" + copyText(campaign.unitCode()) + "\t"
                + copyText("{" + String.join(",", unitPath) + "}") + "\t";
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            for (int start = 0; start < fresh.size(); start += CHUNK) {
                int end = Math.min(fresh.size(), start + CHUNK);
                StringBuilder rows = new StringBuilder((end - start) * 200);
                for (int i = start; i < end; i++) {
                    Keyed k = fresh.get(i);
                    StatementParser.Line line = k.line();
                    rows.append(fixed)
                            .append(copyText(k.account()))
                            .append('\t')
                            .append(line.date())
                            .append('\t')
                            .append(copyText(clip(line.time(), 20)))
                            .append('\t')
                            .append(line.amount())
                            .append('\t')
                            .append(line.credit() ? 't' : 'f')
                            .append('\t')
                            .append(copyText(line.reference()))
                            .append('\t')
                            .append(copyText(k.dedupKey()))
                            .append('\t')
                            .append(copyText(line.message()))
                            .append('\t')
                            .append(copyText(clip(line.counterparty(), 300)))
                            .append('\t')
                            .append(line.row())
                            .append('\t')
                            .append(status[i])
                            .append('\t')
                            .append(reason[i] == null ? "\\N" : copyText(reason[i]))
                            .append('\t')
                            .append(note[i] == null ? "\\N" : copyText(note[i]))
                            .append('\t')
                            .append(donation[i] == null ? "\\N" : donation[i].toString())
                            .append('\n');
                }
                copy.copyIn("""
                        copy statement_line (import_id, campaign_id, unit_code, unit_path, account_number, booked_on,
                            booked_time, amount_dong, credit, reference, dedup_key, message, counterparty, row_number,
                            status, set_aside_reason, note, donation_id) from stdin (format text)""", new StringReader(rows.toString()));
            }
        } catch (SQLException e) {
            if ("23505".equals(e.getSQLState())) {
                throw InvalidStatement.file("donation.statement.error.concurrent");
            }
            throw new IllegalStateException("Statement lines not written: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    /** A value in COPY's text format: backslash, tab, line feed and carriage return escaped. */
    static String copyText(String value) {
        if (value == null) {
            return "\\N";
        }
        StringBuilder out = null;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            String escaped = switch (c) {
                case '\\' -> "\\\\";
                case '\t' -> "\\t";
                case '\n' -> "\\n";
                case '\r' -> "\\r";
                default -> null;
            };
            if (escaped != null && out == null) {
                out = new StringBuilder(value.length() + 8).append(value, 0, i);
            }
            if (out != null) {
                if (escaped != null) {
                    out.append(escaped);
                } else {
                    out.append(c);
                }
            }
        }
        return out == null ? value : out.toString();
    }

    // ---- the queue ----------------------------------------------------------------------------

    /** Lines waiting for an officer within the actor's scope, oldest first. */
    public Page<QueuedLine> queue(Long campaignId, int page, int size) {
        Actor actor = CurrentActor.get();
        if (actor.has(Role.DONOR)) {
            throw new OutsideScope(actor.username() + " may not read the statement queue");
        }
        int pageSize = Math.min(Math.max(size, 1), 200);
        StringBuilder where = new StringBuilder(" where status = 'QUEUED'");
        Map<String, Object> params = new HashMap<>();
        if (!actor.isNational()) {
            where.append(" and unit_path @> array[cast(:scope as text)]");
            params.put("scope", actor.scopeCode());
        }
        if (campaignId != null) {
            where.append(" and campaign_id = :campaign");
            params.put("campaign", campaignId);
        }
        long total = jdbc.sql("select count(*) from statement_line" + where)
                .params(params)
                .query(Long.class)
                .single();
        List<QueuedLine> items = jdbc.sql(
                        "select * from statement_line" + where + " order by booked_on, id limit :limit offset :offset")
                .params(params)
                .param("limit", pageSize)
                .param("offset", Page.offset(page, pageSize))
                .query((rs, n) -> queued(rs))
                .list();
        return new Page<>(items, Math.max(page, 0), pageSize, total);
    }

    /** Turns a waiting line into a gift to a campaign (receiving on the line's day), earmarked for a need if given. */
    @Transactional
    public GiftId match(long lineId, long campaignId, Long needId) {
        Actor actor = CurrentActor.get();
        QueuedLine line = waiting(lineId, actor);
        Campaign campaign = campaignId <= 0
                ? null
                : campaigns.find(new CampaignId(campaignId)).orElse(null);
        if (campaign == null) {
            throw InvalidDonation.of("campaignId", "donation.error.campaign");
        }
        organisation.requireManageable(actor, campaign.unitCode());
        if (!campaign.receivesOn(line.bookedOn())) {
            throw InvalidDonation.of(
                    "campaignId",
                    "donation.error.campaignClosed",
                    campaign.name(),
                    line.bookedOn().format(DAY),
                    campaign.receivingFrom().format(DAY),
                    campaign.receivingTo().format(DAY));
        }
        if (needId != null) {
            NeedState need = needState(needId).orElseThrow(() -> InvalidDonation.of("needId", "donation.error.need"));
            if (!organisation.isWithin(need.need.communeCode(), campaign.unitCode(), organisation.today())) {
                throw InvalidDonation.of("needId", "donation.error.needOutside", Long.toString(needId));
            }
            if (!need.open()) {
                throw InvalidDonation.of("needId", "donation.error.needNotOpen", Long.toString(needId));
            }
        }
        long[] ids;
        try {
            ids = gifts.record(
                    List.of(new BulkGifts.Transfer(
                            campaign.id().value(),
                            campaign.unitCode(),
                            line.bookedOn(),
                            line.amount().dong(),
                            needId,
                            clip(line.message(), 2000),
                            StatementText.sender(line.counterparty(), line.message())
                                    .orElse(null),
                            actor.username())),
                    actor.username());
        } catch (BulkGifts.TransferRefused e) {
            throw e.reason();
        }
        jdbc.sql("""
                        update statement_line set status = 'MATCHED', donation_id = ?, resolved_by = ?, resolved_at = now()
                        where id = ?""").params(ids[0], actor.username(), lineId).update();
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("status", "MATCHED");
        after.put("campaignId", campaign.id().value());
        after.put("donationId", ids[0]);
        if (needId != null) {
            after.put("needId", needId);
        }
        events.publishEvent(new StatementLineResolved(lineId, line.unitCode(), after));
        return new GiftId(ids[0]);
    }

    /** Sets a waiting line aside (not a gift) with the officer's reason. */
    @Transactional
    public void setAside(long lineId, String reason) {
        Actor actor = CurrentActor.get();
        QueuedLine line = waiting(lineId, actor);
        String why = VietnameseText.clean(reason);
        if (why == null || why.length() < 3 || why.length() > 500) {
            throw InvalidDonation.of("reason", "donation.error.reason");
        }
        jdbc.sql("""
                        update statement_line set status = 'SET_ASIDE', set_aside_reason = 'MANUAL', note = ?,
                            resolved_by = ?, resolved_at = now()
                        where id = ?""").params(why, actor.username(), lineId).update();
        events.publishEvent(
                new StatementLineResolved(lineId, line.unitCode(), Map.of("status", "SET_ASIDE", "reason", why)));
    }

    private QueuedLine waiting(long lineId, Actor actor) {
        QueuedLine line = jdbc.sql("select * from statement_line where id = ? and status = 'QUEUED' for update")
                .param(lineId)
                .query((rs, n) -> queued(rs))
                .optional()
                .orElseThrow(() -> new DonationNotFound("statement line " + lineId));
        organisation.requireManageable(actor, line.unitCode());
        return line;
    }

    // ---- helpers ------------------------------------------------------------------------------

    private String[] unitPath(String unitCode) {
        List<String> path = new ArrayList<>();
        path.add(unitCode);
        organisation.ancestors(unitCode, organisation.today()).forEach(a -> path.add(a.code()));
        return path.toArray(String[]::new);
    }

    private static QueuedLine queued(ResultSet rs) throws SQLException {
        return new QueuedLine(
                rs.getLong("id"),
                rs.getLong("import_id"),
                rs.getLong("campaign_id"),
                rs.getString("unit_code"),
                rs.getString("account_number"),
                rs.getObject("booked_on", LocalDate.class),
                rs.getString("booked_time"),
                Vnd.of(rs.getLong("amount_dong")),
                rs.getString("reference"),
                rs.getString("message"),
                rs.getString("counterparty"),
                rs.getString("note"));
    }

    private static StatementLayout layout(ResultSet rs) throws SQLException {
        return new StatementLayout(
                rs.getLong("id"),
                rs.getString("name"),
                Arrays.asList((String[]) rs.getArray("header_signature").getArray()),
                rs.getString("date_column"),
                rs.getString("date_format"),
                rs.getString("time_column"),
                rs.getString("credit_column"),
                rs.getString("debit_column"),
                rs.getString("amount_column"),
                StatementLayout.Grouping.valueOf(rs.getString("grouping")),
                rs.getString("message_column"),
                Arrays.asList((String[]) rs.getArray("reference_columns").getArray()),
                rs.getString("counterparty_column"),
                rs.getString("account_column"),
                rs.getBoolean("builtin"));
    }

    private static String column(String value) {
        String clean = VietnameseText.clean(value);
        return clean == null || clean.isEmpty() ? null : clip(clean, 100);
    }

    private static List<String> columns(List<String> values) {
        if (values == null) {
            return List.of();
        }
        return values.stream()
                .flatMap(v -> v == null ? java.util.stream.Stream.empty() : Arrays.stream(v.split(",")))
                .map(BankStatements::column)
                .filter(v -> v != null)
                .distinct()
                .limit(30)
                .toList();
    }

    private static String digest(String message) {
        try {
            String normal = message == null
                    ? ""
                    : BLANKS.matcher(message).replaceAll(" ").strip().toLowerCase(Locale.ROOT);
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(normal.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String clip(String value, int max) {
        if (value == null) {
            return "";
        }
        return value.length() > max ? value.substring(0, max) : value;
    }

    private static void problem(List<InvalidDonation.Problem> problems, String field, String key, Object... args) {
        problems.add(new InvalidDonation.Problem(field, key, Arrays.asList(args)));
    }

    private static boolean isUtf8(byte[] content) {
        try {
            StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                    .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(content));
            return true;
        } catch (java.nio.charset.CharacterCodingException e) {
            return false;
        }
    }
}
