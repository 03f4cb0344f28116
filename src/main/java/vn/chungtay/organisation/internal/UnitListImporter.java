package vn.chungtay.organisation.internal;

import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.chungtay.organisation.ImportReport;
import vn.chungtay.organisation.ImportReport.RowProblem;
import vn.chungtay.organisation.OrgUnitView;
import vn.chungtay.organisation.UnitTypes;
import vn.chungtay.shared.csv.CsvReader;
import vn.chungtay.shared.text.VietnameseText;

/**
 * Loads lists of administrative units (the {@code units-*.csv} shape) and change lists (a unit
 * list plus a merger list, the {@code mergers-*.csv} shape, effective on a date). Every row is
 * checked before anything is written; a list with errors writes nothing. Loading the same list
 * again changes nothing.
 */
@Component
public class UnitListImporter {

    static final List<String> UNIT_COLUMNS = List.of("code", "name", "full_name", "level", "parent_code", "unit_type");
    static final List<String> MERGER_COLUMNS = List.of("new_code", "old_code", "match");

    record UnitRow(long line, String code, String name, String fullName, int level, String parentCode, String type) {
        boolean sameAs(OrgUnitView unit) {
            return name.equals(unit.name())
                    && fullName.equals(unit.fullName())
                    && type.equals(unit.type())
                    && level == unit.level()
                    && Objects.equals(emptyToNull(parentCode), unit.parentCode());
        }
    }

    record MergerRow(long line, String newCode, String oldCode, boolean partial, String match) {}

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    UnitListImporter(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    public static String checksum(byte[]... parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (byte[] part : parts) {
                if (part != null) {
                    digest.update(part);
                }
                digest.update((byte) 0);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public boolean alreadyLoaded(String dataset, String checksum) {
        return jdbc.sql("select exists(select 1 from org_import_run where dataset = :dataset and checksum = :checksum)")
                .param("dataset", dataset)
                .param("checksum", checksum)
                .query(Boolean.class)
                .single();
    }

    /** A complete list valid over one period, e.g. the 2024 units valid until 2025-06-30. */
    public ImportReport importSnapshot(
            String dataset, String file, byte[] units, LocalDate validFrom, LocalDate validTo, String actor) {
        List<RowProblem> errors = new ArrayList<>();
        List<UnitRow> rows = parseUnits(file, units, errors);
        LocalDate day = validTo != null ? validTo : (validFrom != null ? validFrom : LocalDate.now());
        Map<String, OrgUnitView> existing = validOn(day);
        Map<String, UnitRow> inFile = index(rows);
        List<UnitRow> toInsert = new ArrayList<>();
        int unchanged = 0;
        for (UnitRow row : rows) {
            checkParent(file, row, inFile, existing, errors);
            OrgUnitView current = existing.get(row.code());
            if (current == null) {
                toInsert.add(row);
            } else if (row.sameAs(current)) {
                unchanged++;
            } else {
                errors.add(RowProblem.of(file, row.line(), "organisation.import.codeTaken", row.code(), day));
            }
        }
        if (!errors.isEmpty()) {
            return report(dataset, 0, 0, 0, 0, 0, 0, List.of(), errors);
        }
        insert(toInsert, validFrom, validTo);
        ImportReport report = report(dataset, toInsert.size(), unchanged, 0, 0, 0, 0, List.of(), errors);
        recordRun(report, checksum(units), validFrom, actor);
        return report;
    }

    /**
     * Changes effective on a date: each listed unit starts a new version that day (a changed unit's
     * old version ends the day before); each old unit named in the merger list ends the day before
     * and is linked to the new unit it went to; open villages of an ended commune with a single
     * successor under another code move to it.
     */
    public ImportReport importChangeList(
            String dataset,
            LocalDate effective,
            String unitsFile,
            byte[] units,
            String mergersFile,
            byte[] mergers,
            String actor) {
        List<RowProblem> errors = new ArrayList<>();
        List<RowProblem> skipped = new ArrayList<>();
        List<UnitRow> rows = units == null ? List.of() : parseUnits(unitsFile, units, errors);
        List<MergerRow> links = mergers == null ? List.of() : parseMergers(mergersFile, mergers, errors);
        LocalDate dayBefore = effective.minusDays(1);
        Map<String, OrgUnitView> onEffective = validOn(effective);
        Map<String, OrgUnitView> onDayBefore = validOn(dayBefore);
        Map<String, UnitRow> inFile = index(rows);

        List<UnitRow> toInsert = new ArrayList<>();
        Map<Long, OrgUnitView> toClose = new LinkedHashMap<>();
        int unchanged = 0;
        for (UnitRow row : rows) {
            checkParent(unitsFile, row, inFile, onEffective, errors);
            OrgUnitView current = onEffective.get(row.code());
            if (current == null) {
                toInsert.add(row);
            } else if (row.sameAs(current)) {
                unchanged++;
            } else if (effective.equals(current.validFrom())) {
                errors.add(
                        RowProblem.of(unitsFile, row.line(), "organisation.import.codeTaken", row.code(), effective));
            } else {
                toClose.put(current.id(), current);
                toInsert.add(row);
            }
        }
        for (MergerRow link : links) {
            if (link.oldCode().isEmpty() || "unmatched".equals(link.match())) {
                skipped.add(RowProblem.of(mergersFile, link.line(), "organisation.import.notAUnit", link.newCode()));
                continue;
            }
            if (!inFile.containsKey(link.newCode()) && !onEffective.containsKey(link.newCode())) {
                errors.add(RowProblem.of(
                        mergersFile, link.line(), "organisation.import.newUnitMissing", link.newCode(), effective));
            }
            OrgUnitView old = onDayBefore.get(link.oldCode());
            if (old == null) {
                errors.add(RowProblem.of(
                        mergersFile, link.line(), "organisation.import.oldUnitMissing", link.oldCode(), dayBefore));
            } else if (old.validTo() == null && !inFile.containsKey(link.oldCode())) {
                toClose.put(old.id(), old);
            }
        }
        if (!errors.isEmpty()) {
            return report(dataset, 0, 0, 0, 0, 0, 0, skipped, errors);
        }

        close(toClose.keySet(), dayBefore);
        insert(toInsert, effective, null);
        Map<String, OrgUnitView> after = validOn(effective);
        int linksInserted = 0;
        int linksExisting = 0;
        Map<String, Set<String>> successorsOfOld = new HashMap<>();
        List<Object[]> linkArgs = new ArrayList<>();
        for (MergerRow link : links) {
            if (link.oldCode().isEmpty() || "unmatched".equals(link.match())) {
                continue;
            }
            OrgUnitView successor = after.get(link.newCode());
            OrgUnitView predecessor = onDayBefore.get(link.oldCode());
            successorsOfOld
                    .computeIfAbsent(link.oldCode(), c -> new LinkedHashSet<>())
                    .add(link.newCode());
            if (successor.id() == predecessor.id()) {
                continue;
            }
            linkArgs.add(new Object[] {successor.id(), predecessor.id(), link.partial(), link.match(), effective});
        }
        int[][] results = template.batchUpdate("""
                insert into org_unit_succession (successor_id, predecessor_id, partial, match_kind, effective_date)
                values (?, ?, ?, ?, ?) on conflict (successor_id, predecessor_id) do nothing""", linkArgs, 1000, (ps, args) -> {
            ps.setLong(1, (Long) args[0]);
            ps.setLong(2, (Long) args[1]);
            ps.setBoolean(3, (Boolean) args[2]);
            ps.setString(4, (String) args[3]);
            ps.setDate(5, Date.valueOf((LocalDate) args[4]));
        });
        for (int[] batch : results) {
            for (int count : batch) {
                if (count == 0) {
                    linksExisting++;
                } else {
                    linksInserted++;
                }
            }
        }
        int villagesMoved = moveVillages(toClose.values(), successorsOfOld, effective, mergersFile, skipped);
        ImportReport report = report(
                dataset,
                toInsert.size(),
                unchanged,
                toClose.size(),
                linksInserted,
                linksExisting,
                villagesMoved,
                skipped,
                errors);
        recordRun(report, checksum(units, mergers), effective, actor);
        return report;
    }

    private int moveVillages(
            Iterable<OrgUnitView> closed,
            Map<String, Set<String>> successorsOfOld,
            LocalDate effective,
            String file,
            List<RowProblem> skipped) {
        int moved = 0;
        LocalDate dayBefore = effective.minusDays(1);
        for (OrgUnitView commune : closed) {
            if (!commune.isCommune()) {
                continue;
            }
            List<OrgUnitView> villages = jdbc.sql("select " + HierarchyQueries.COLUMNS
                            + " from org_unit u where u.parent_code = :code and u.valid_to is null")
                    .param("code", commune.code())
                    .query(HierarchyQueries::view)
                    .list();
            if (villages.isEmpty()) {
                continue;
            }
            Set<String> successors = successorsOfOld.getOrDefault(commune.code(), Set.of());
            if (successors.size() != 1) {
                skipped.add(RowProblem.of(file, 0, "organisation.import.villagesNeedReview", commune.code()));
                continue;
            }
            String newCommune = successors.iterator().next();
            if (newCommune.equals(commune.code())) {
                continue;
            }
            OrgUnitView successor = validOn(effective).get(newCommune);
            for (OrgUnitView village : villages) {
                close(List.of(village.id()), dayBefore);
                long newId = jdbc.sql("""
                                insert into org_unit (code, name, full_name, unit_type, level, parent_code,
                                    valid_from, name_folded)
                                values (:code, :name, :fullName, :type, :level, :parent, :from, :folded)
                                returning id""")
                        .param("code", village.code())
                        .param("name", village.name())
                        .param("fullName", village.fullName())
                        .param("type", village.type())
                        .param("level", successor.level() + 1)
                        .param("parent", newCommune)
                        .param("from", effective)
                        .param("folded", VietnameseText.fold(village.fullName()))
                        .query(Long.class)
                        .single();
                jdbc.sql("""
                                insert into org_unit_succession (successor_id, predecessor_id, partial, match_kind,
                                    effective_date) values (:s, :p, false, 'exact', :d)""")
                        .param("s", newId)
                        .param("p", village.id())
                        .param("d", effective)
                        .update();
                moved++;
            }
        }
        return moved;
    }

    private static void checkParent(
            String file,
            UnitRow row,
            Map<String, UnitRow> inFile,
            Map<String, OrgUnitView> existing,
            List<RowProblem> errors) {
        if (row.level() == 1) {
            return;
        }
        if (!inFile.containsKey(row.parentCode()) && !existing.containsKey(row.parentCode())) {
            errors.add(RowProblem.of(file, row.line(), "organisation.import.parentMissing", row.parentCode()));
        }
    }

    private List<UnitRow> parseUnits(String file, byte[] data, List<RowProblem> errors) {
        List<UnitRow> rows = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        String text = decode(file, data, errors);
        if (text == null) {
            return rows;
        }
        try {
            List<String> header = CsvReader.read(new StringReader(text), row -> {
                String code = row.get("code");
                String name = VietnameseText.clean(row.get("name"));
                String fullName = VietnameseText.clean(row.get("full_name"));
                String type = VietnameseText.clean(row.get("unit_type"));
                String parent = row.get("parent_code");
                Integer level = parseLevel(row.get("level"));
                int before = errors.size();
                if (!code.matches("\\d{2,5}")) {
                    errors.add(RowProblem.of(file, row.line(), "organisation.import.badCode", code));
                } else if (!seen.add(code)) {
                    errors.add(RowProblem.of(file, row.line(), "organisation.import.duplicateCode", code));
                }
                if (name.isEmpty() || fullName.isEmpty()) {
                    errors.add(RowProblem.of(file, row.line(), "organisation.import.nameMissing"));
                }
                if (level == null) {
                    errors.add(RowProblem.of(file, row.line(), "organisation.import.badLevel", row.get("level")));
                } else if (level == 1 != parent.isEmpty()) {
                    errors.add(RowProblem.of(file, row.line(), "organisation.import.badParent", parent));
                }
                if (!UnitTypes.isKnown(type)) {
                    errors.add(RowProblem.of(file, row.line(), "organisation.import.badType", type));
                }
                if (errors.size() == before) {
                    rows.add(new UnitRow(row.line(), code, name, fullName, level, parent, type));
                }
            });
            checkColumns(file, header, UNIT_COLUMNS, errors);
        } catch (CsvReader.MalformedCsv e) {
            errors.add(RowProblem.of(file, e.line(), "organisation.import.malformed"));
        }
        return rows;
    }

    private List<MergerRow> parseMergers(String file, byte[] data, List<RowProblem> errors) {
        List<MergerRow> rows = new ArrayList<>();
        String text = decode(file, data, errors);
        if (text == null) {
            return rows;
        }
        try {
            List<String> header = CsvReader.read(new StringReader(text), row -> {
                String newCode = row.get("new_code");
                String oldCode = row.get("old_code");
                String match = row.get("match");
                if (!newCode.matches("\\d{2,5}")) {
                    errors.add(RowProblem.of(file, row.line(), "organisation.import.badCode", newCode));
                } else if (!oldCode.isEmpty() && !oldCode.matches("\\d{2,5}")) {
                    errors.add(RowProblem.of(file, row.line(), "organisation.import.badCode", oldCode));
                } else if (!List.of("exact", "normalized", "partial", "unmatched")
                        .contains(match)) {
                    errors.add(RowProblem.of(file, row.line(), "organisation.import.badMatch", match));
                } else {
                    rows.add(new MergerRow(row.line(), newCode, oldCode, "partial".equals(match), match));
                }
            });
            checkColumns(file, header, MERGER_COLUMNS, errors);
        } catch (CsvReader.MalformedCsv e) {
            errors.add(RowProblem.of(file, e.line(), "organisation.import.malformed"));
        }
        return rows;
    }

    private static void checkColumns(String file, List<String> header, List<String> required, List<RowProblem> errors) {
        for (String column : required) {
            if (header.stream().noneMatch(h -> h.trim().equals(column))) {
                errors.add(0, RowProblem.of(file, 1, "organisation.import.columnMissing", column));
            }
        }
    }

    private static String decode(String file, byte[] data, List<RowProblem> errors) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(data))
                    .toString();
        } catch (CharacterCodingException e) {
            errors.add(RowProblem.of(file, 0, "organisation.import.notUtf8"));
            return null;
        }
    }

    private static Integer parseLevel(String text) {
        try {
            int level = Integer.parseInt(text);
            return level >= 1 && level <= 3 ? level : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Map<String, UnitRow> index(List<UnitRow> rows) {
        Map<String, UnitRow> map = new HashMap<>();
        rows.forEach(r -> map.put(r.code(), r));
        return map;
    }

    private Map<String, OrgUnitView> validOn(LocalDate date) {
        Map<String, OrgUnitView> map = new HashMap<>();
        jdbc.sql("select " + HierarchyQueries.COLUMNS + " from org_unit u where " + HierarchyQueries.VALID_ON)
                .param("date", date)
                .query(HierarchyQueries::view)
                .list()
                .forEach(u -> map.put(u.code(), u));
        return map;
    }

    private void close(Iterable<Long> ids, LocalDate lastDay) {
        List<Object[]> args = new ArrayList<>();
        ids.forEach(id -> args.add(new Object[] {Date.valueOf(lastDay), id}));
        template.batchUpdate("update org_unit set valid_to = ?, version = version + 1 where id = ?", args);
    }

    private void insert(List<UnitRow> rows, LocalDate validFrom, LocalDate validTo) {
        template.batchUpdate("""
                insert into org_unit (code, name, full_name, unit_type, level, parent_code, valid_from, valid_to,
                    name_folded) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows, 1000, (ps, row) -> {
            ps.setString(1, row.code());
            ps.setString(2, row.name());
            ps.setString(3, row.fullName());
            ps.setString(4, row.type());
            ps.setInt(5, row.level());
            ps.setString(6, emptyToNull(row.parentCode()));
            ps.setDate(7, validFrom == null ? null : Date.valueOf(validFrom));
            ps.setDate(8, validTo == null ? null : Date.valueOf(validTo));
            ps.setString(9, VietnameseText.fold(row.fullName()));
        });
    }

    private void recordRun(ImportReport report, String checksum, LocalDate effective, String actor) {
        StringBuilder rejections = new StringBuilder();
        report.skipped()
                .forEach(p -> rejections
                        .append(p.file())
                        .append(':')
                        .append(p.line())
                        .append(' ')
                        .append(p.messageKey())
                        .append(' ')
                        .append(p.arguments())
                        .append('\n'));
        jdbc.sql("""
                        insert into org_import_run (dataset, checksum, effective_date, started_by, units_inserted,
                            units_closed, links_inserted, rows_rejected, rejections)
                        values (:dataset, :checksum, :effective, :actor, :inserted, :closed, :links, :rejected,
                            :rejections)""")
                .param("dataset", report.dataset())
                .param("checksum", checksum)
                .param("effective", effective)
                .param("actor", actor)
                .param("inserted", report.unitsInserted())
                .param("closed", report.unitsClosed())
                .param("links", report.linksInserted())
                .param("rejected", report.skipped().size())
                .param("rejections", rejections.toString())
                .update();
    }

    private static ImportReport report(
            String dataset,
            int inserted,
            int unchanged,
            int closed,
            int links,
            int linksExisting,
            int villagesMoved,
            List<RowProblem> skipped,
            List<RowProblem> errors) {
        return new ImportReport(
                dataset, inserted, unchanged, closed, links, linksExisting, villagesMoved, skipped, errors);
    }

    static String emptyToNull(String text) {
        return text == null || text.isEmpty() ? null : text;
    }
}
