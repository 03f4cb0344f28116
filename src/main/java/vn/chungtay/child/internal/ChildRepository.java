package vn.chungtay.child.internal;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import vn.chungtay.child.ChildStatus;
import vn.chungtay.child.ConsentMethod;
import vn.chungtay.child.ConsentPurpose;
import vn.chungtay.child.HouseholdPoverty;
import vn.chungtay.child.Schooling;
import vn.chungtay.child.Sex;

/** Child records in table {@code child}, by SQL: single rows, batches for imports, scoped lists. */
@Repository
public class ChildRepository {

    private static final String COLUMNS = """
            id, public_code, status, full_name, date_of_birth, birth_year, sex, ethnic_group_code, village_code,
            commune_code, guardian_name, guardian_relationship, guardian_phone, household_poverty,
            poverty_certificate, schooling, school_name, circumstances, disability, health_notes, nutrition_notes,
            guardian_consent_by, guardian_consent_date, guardian_consent_method, consent_purposes, child_consent_by,
            child_consent_date, consent_withdrawn_at, created_by, version""";

    private static final String INSERT = """
            insert into child (public_code, status, full_name, name_folded, date_of_birth, birth_year, sex,
                ethnic_group_code, village_code, commune_code, guardian_name, guardian_folded, guardian_relationship,
                guardian_phone, household_poverty, poverty_certificate, schooling, school_name, circumstances,
                disability, health_notes, nutrition_notes, guardian_consent_by, guardian_consent_date,
                guardian_consent_method, consent_purposes, child_consent_by, child_consent_date, created_by)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    /** Who may be listed: all, some communes, or one village; drafts and withdrawn records only for the commune. */
    public record Scope(boolean national, List<String> communes, String village, boolean withUnconsented) {}

    /** A registered child's keys for duplicate checks, told by commune only. */
    public record DuplicateKey(String nameFolded, String guardianFolded, LocalDate dateOfBirth, String communeCode) {}

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    ChildRepository(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    public long insert(Child child) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        template.update(
                connection -> {
                    PreparedStatement ps = connection.prepareStatement(INSERT, new String[] {"id"});
                    bindInsert(ps, child);
                    return ps;
                },
                keys);
        long id = keys.getKey().longValue();
        child.assignId(id);
        return id;
    }

    /**
     * Writes many new records with one COPY on the transaction's connection (ids from the table's
     * sequence; nothing read back). COPY checks every constraint and feeds every index as INSERT
     * does, in a fraction of the time of one statement per row.
     */
    public void insertAll(List<Child> children) {
        if (children.isEmpty()) {
            return;
        }
        StringBuilder rows = new StringBuilder(children.size() * 400);
        for (Child child : children) {
            ChildData d = child.data();
            Consent c = child.consent();
            copyRow(
                    rows,
                    child.publicCode(),
                    child.status().name(),
                    d.fullName(),
                    child.nameFolded(),
                    d.dateOfBirth(),
                    child.birthYear(),
                    d.sex().name(),
                    d.ethnicGroupCode(),
                    d.villageCode(),
                    d.communeCode(),
                    d.guardianName(),
                    child.guardianFolded(),
                    d.guardianRelationship(),
                    d.guardianPhone(),
                    d.householdPoverty().name(),
                    d.povertyCertificate(),
                    d.schooling() == null ? null : d.schooling().name(),
                    d.schoolName(),
                    arrayLiteral(d.circumstances()),
                    d.disability(),
                    d.healthNotes(),
                    d.nutritionNotes(),
                    c.guardianBy(),
                    c.guardianDate(),
                    c.method() == null ? null : c.method().name(),
                    arrayLiteral(c.purposes().stream().map(Enum::name).sorted().toList()),
                    c.childBy(),
                    c.childDate(),
                    child.createdBy());
        }
        template.execute((org.springframework.jdbc.core.ConnectionCallback<Long>) connection -> {
            try {
                return connection
                        .unwrap(org.postgresql.PGConnection.class)
                        .getCopyAPI()
                        .copyIn(COPY, new java.io.StringReader(rows.toString()));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    private static final String COPY = """
            copy child (public_code, status, full_name, name_folded, date_of_birth, birth_year, sex,
                ethnic_group_code, village_code, commune_code, guardian_name, guardian_folded, guardian_relationship,
                guardian_phone, household_poverty, poverty_certificate, schooling, school_name, circumstances,
                disability, health_notes, nutrition_notes, guardian_consent_by, guardian_consent_date,
                guardian_consent_method, consent_purposes, child_consent_by, child_consent_date, created_by)
            from stdin (format text)""";

    /** One row in COPY's text format: tab-separated, {@code \N} for null, backslash, tab and line ends escaped. */
    private static void copyRow(StringBuilder out, Object... values) {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                out.append('\t');
            }
            Object value = values[i];
            if (value == null) {
                out.append("\\N");
                continue;
            }
            String text = value.toString();
            for (int j = 0; j < text.length(); j++) {
                char ch = text.charAt(j);
                switch (ch) {
                    case '\\' -> out.append("\\\\");
                    case '\t' -> out.append("\\t");
                    case '\n' -> out.append("\\n");
                    case '\r' -> out.append("\\r");
                    default -> out.append(ch);
                }
            }
        }
        out.append('\n');
    }

    /** A varchar[] literal with every element double-quoted. */
    private static String arrayLiteral(Collection<String> values) {
        StringBuilder out = new StringBuilder("{");
        for (String value : values) {
            if (out.length() > 1) {
                out.append(',');
            }
            out.append('"')
                    .append(value.replace("\\", "\\\\").replace("\"", "\\\""))
                    .append('"');
        }
        return out.append('}').toString();
    }

    public Optional<Child> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from child where id = :id")
                .param("id", id)
                .query(this::row)
                .optional();
    }

    public Optional<Child> findForUpdate(long id) {
        return jdbc.sql("select " + COLUMNS + " from child where id = :id for update")
                .param("id", id)
                .query(this::row)
                .optional();
    }

    public Optional<Long> idOfPublicCode(String publicCode) {
        return jdbc.sql("select id from child where public_code = :code")
                .param("code", publicCode)
                .query(Long.class)
                .optional();
    }

    public void update(Child child) {
        ChildData d = child.data();
        Consent c = child.consent();
        int rows = jdbc.sql("""
                        update child set status = :status, full_name = :fullName, name_folded = :nameFolded,
                            date_of_birth = :dob, birth_year = :birthYear, sex = :sex, ethnic_group_code = :ethnic,
                            village_code = :village, commune_code = :commune, guardian_name = :guardian,
                            guardian_folded = :guardianFolded, guardian_relationship = :relationship,
                            guardian_phone = :phone, household_poverty = :poverty, poverty_certificate = :certificate,
                            schooling = :schooling, school_name = :school, circumstances = :circumstances,
                            disability = :disability, health_notes = :health, nutrition_notes = :nutrition,
                            guardian_consent_by = :gBy, guardian_consent_date = :gDate, guardian_consent_method = :gMethod,
                            consent_purposes = :purposes, child_consent_by = :cBy, child_consent_date = :cDate,
                            consent_withdrawn_at = :withdrawnAt,
                            erased_at = case when :status = 'ERASED' then coalesce(erased_at, now()) else erased_at end,
                            updated_at = now(), version = version + 1
                        where id = :id and version = :version""")
                .param("status", child.status().name())
                .param("fullName", d.fullName())
                .param("nameFolded", child.nameFolded())
                .param("dob", d.dateOfBirth(), Types.DATE)
                .param("birthYear", child.birthYear())
                .param("sex", d.sex().name())
                .param("ethnic", d.ethnicGroupCode())
                .param("village", d.villageCode())
                .param("commune", d.communeCode())
                .param("guardian", d.guardianName())
                .param("guardianFolded", child.guardianFolded())
                .param("relationship", d.guardianRelationship())
                .param("phone", d.guardianPhone())
                .param("poverty", d.householdPoverty().name())
                .param("certificate", d.povertyCertificate())
                .param("schooling", d.schooling() == null ? null : d.schooling().name(), Types.VARCHAR)
                .param("school", d.schoolName())
                .param("circumstances", d.circumstances().toArray(String[]::new))
                .param("disability", d.disability())
                .param("health", d.healthNotes())
                .param("nutrition", d.nutritionNotes())
                .param("gBy", c.guardianBy())
                .param("gDate", c.guardianDate(), Types.DATE)
                .param("gMethod", c.method() == null ? null : c.method().name(), Types.VARCHAR)
                .param(
                        "purposes",
                        c.purposes().stream().map(Enum::name).sorted().toArray(String[]::new))
                .param("cBy", c.childBy())
                .param("cDate", c.childDate(), Types.DATE)
                .param("withdrawnAt", child.consentWithdrawnAt(), Types.TIMESTAMP_WITH_TIMEZONE)
                .param("id", child.id())
                .param("version", child.version())
                .update();
        if (rows != 1) {
            throw new OptimisticLockingFailureException("Child " + child.id() + " was changed meanwhile");
        }
        child.nextVersion();
    }

    /** Registered children (not erased) born on the dates, with their folded name and guardian. */
    public List<DuplicateKey> keysBornOn(Collection<LocalDate> dates, Long exceptId) {
        if (dates.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        select name_folded, guardian_folded, date_of_birth, commune_code from child
                        where date_of_birth = any(cast(:dates as date[])) and status <> 'ERASED' and id <> :except""")
                .param("dates", dates.stream().map(LocalDate::toString).toArray(String[]::new))
                .param("except", exceptId == null ? -1L : exceptId)
                .query((rs, n) -> new DuplicateKey(
                        rs.getString(1), rs.getString(2), rs.getObject(3, LocalDate.class), rs.getString(4)))
                .list();
    }

    /**
     * The registered children (not erased) with the same folded name and birth date, or the same
     * folded guardian and birth date, as any of the given keys (arrays of one length; nulls never
     * match): one query for a whole import, by the two indexes.
     */
    public List<DuplicateKey> keysMatching(String[] names, String[] guardians, LocalDate[] dates) {
        if (dates.length == 0) {
            return List.of();
        }
        return jdbc.sql("""
                        with k as (
                            select * from unnest(cast(:names as text[]), cast(:guardians as text[]), cast(:dates as date[]))
                                as k(name_folded, guardian_folded, date_of_birth))
                        select c.name_folded, c.guardian_folded, c.date_of_birth, c.commune_code
                        from child c join k on c.name_folded = k.name_folded and c.date_of_birth = k.date_of_birth
                        where c.status <> 'ERASED'
                        union
                        select c.name_folded, c.guardian_folded, c.date_of_birth, c.commune_code
                        from child c join k on c.guardian_folded = k.guardian_folded and c.date_of_birth = k.date_of_birth
                        where c.status <> 'ERASED'""")
                .param("names", names)
                .param("guardians", guardians)
                .param(
                        "dates",
                        Arrays.stream(dates)
                                .map(d -> d == null ? null : d.toString())
                                .toArray(String[]::new))
                .query((rs, n) -> new DuplicateKey(
                        rs.getString(1), rs.getString(2), rs.getObject(3, LocalDate.class), rs.getString(4)))
                .list();
    }

    public Set<String> takenPublicCodes(Collection<String> codes) {
        if (codes.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("select public_code from child where public_code = any(:codes)")
                .param("codes", codes.toArray(String[]::new))
                .query(String.class)
                .list());
    }

    public long count(Scope scope, String village, String folded) {
        Map<String, Object> params = new HashMap<>();
        String where = where(scope, village, folded, params, false);
        return jdbc.sql("select count(*) from child c" + where)
                .params(params)
                .query(Long.class)
                .single();
    }

    public List<Child> list(Scope scope, String village, String folded, int offset, int limit) {
        Map<String, Object> params = new HashMap<>();
        String where = where(scope, village, folded, params, false);
        return jdbc.sql("select " + COLUMNS + " from child c" + where
                        + " order by c.village_code, c.name_folded nulls last, c.id limit :limit offset :offset")
                .params(params)
                .param("limit", limit)
                .param("offset", offset)
                .query(this::row)
                .list();
    }

    /** The consented records of a scope for an export (drafts and withdrawn records are used for nothing). */
    public List<Child> listActive(Scope scope, String village) {
        Map<String, Object> params = new HashMap<>();
        String where = where(scope, village, null, params, true);
        return jdbc.sql("select " + COLUMNS + " from child c" + where + " order by c.village_code, c.name_folded, c.id")
                .params(params)
                .query(this::row)
                .list();
    }

    public List<String> villageCodes(Scope scope) {
        Map<String, Object> params = new HashMap<>();
        String where = where(scope, null, null, params, false);
        return jdbc.sql("select distinct c.village_code from child c" + where + " order by 1")
                .params(params)
                .query(String.class)
                .list();
    }

    public List<String> villageCodesAll() {
        return jdbc.sql("select distinct village_code from child")
                .query(String.class)
                .list();
    }

    public int moveToCommune(String villageCode, String communeCode) {
        return jdbc.sql("update child set commune_code = :commune where village_code = :village"
                        + " and commune_code <> :commune")
                .param("commune", communeCode)
                .param("village", villageCode)
                .update();
    }

    /** Whether any record was created by the user (stops at the first: no count of a national registry at start-up). */
    public boolean anyCreatedBy(String username) {
        return jdbc.sql("select exists (select 1 from child where created_by = :u)")
                .param("u", username)
                .query(Boolean.class)
                .single();
    }

    private static String where(
            Scope scope, String village, String folded, Map<String, Object> params, boolean activeOnly) {
        StringBuilder where = new StringBuilder(" where true");
        if (!scope.national()) {
            if (scope.village() != null) {
                where.append(" and c.village_code = :scopeVillage");
                params.put("scopeVillage", scope.village());
            } else {
                where.append(" and c.commune_code = any(:communes)");
                params.put("communes", scope.communes().toArray(String[]::new));
            }
        }
        if (activeOnly) {
            where.append(" and c.status = 'ACTIVE'");
        } else if (!scope.withUnconsented()) {
            where.append(" and c.status in ('ACTIVE', 'ERASED')");
        }
        if (village != null && !village.isBlank()) {
            where.append(" and c.village_code = :village");
            params.put("village", village.trim());
        }
        if (folded != null && !folded.isBlank()) {
            where.append(" and (c.name_folded like :q or c.public_code = :code)");
            params.put("q", "%" + folded.replace("\\", "").replace("%", "").replace("_", "") + "%");
            params.put("code", folded.toUpperCase(java.util.Locale.ROOT).replace(' ', '-'));
        }
        return where.toString();
    }

    private void bindInsert(PreparedStatement ps, Child child) throws SQLException {
        ChildData d = child.data();
        Consent c = child.consent();
        int i = 1;
        ps.setString(i++, child.publicCode());
        ps.setString(i++, child.status().name());
        ps.setString(i++, d.fullName());
        ps.setString(i++, child.nameFolded());
        ps.setObject(i++, d.dateOfBirth(), Types.DATE);
        ps.setInt(i++, child.birthYear());
        ps.setString(i++, d.sex().name());
        ps.setString(i++, d.ethnicGroupCode());
        ps.setString(i++, d.villageCode());
        ps.setString(i++, d.communeCode());
        ps.setString(i++, d.guardianName());
        ps.setString(i++, child.guardianFolded());
        ps.setString(i++, d.guardianRelationship());
        ps.setString(i++, d.guardianPhone());
        ps.setString(i++, d.householdPoverty().name());
        ps.setString(i++, d.povertyCertificate());
        ps.setString(i++, d.schooling() == null ? null : d.schooling().name());
        ps.setString(i++, d.schoolName());
        ps.setArray(
                i++,
                ps.getConnection().createArrayOf("varchar", d.circumstances().toArray()));
        ps.setString(i++, d.disability());
        ps.setString(i++, d.healthNotes());
        ps.setString(i++, d.nutritionNotes());
        ps.setString(i++, c.guardianBy());
        ps.setObject(i++, c.guardianDate(), Types.DATE);
        ps.setString(i++, c.method() == null ? null : c.method().name());
        ps.setArray(
                i++,
                ps.getConnection()
                        .createArrayOf(
                                "varchar",
                                c.purposes().stream().map(Enum::name).sorted().toArray()));
        ps.setString(i++, c.childBy());
        ps.setObject(i++, c.childDate(), Types.DATE);
        ps.setString(i, child.createdBy());
    }

    private Child row(ResultSet rs, int n) throws SQLException {
        ChildData data = new ChildData(
                rs.getString("full_name"),
                rs.getObject("date_of_birth", LocalDate.class),
                Sex.valueOf(rs.getString("sex")),
                rs.getString("ethnic_group_code"),
                rs.getString("village_code"),
                rs.getString("commune_code"),
                rs.getString("guardian_name"),
                rs.getString("guardian_relationship"),
                rs.getString("guardian_phone"),
                HouseholdPoverty.valueOf(rs.getString("household_poverty")),
                rs.getString("poverty_certificate"),
                rs.getString("schooling") == null ? null : Schooling.valueOf(rs.getString("schooling")),
                rs.getString("school_name"),
                strings(rs.getArray("circumstances")),
                rs.getString("disability"),
                rs.getString("health_notes"),
                rs.getString("nutrition_notes"));
        Set<ConsentPurpose> purposes = EnumSet.noneOf(ConsentPurpose.class);
        strings(rs.getArray("consent_purposes")).forEach(p -> purposes.add(ConsentPurpose.valueOf(p)));
        String method = rs.getString("guardian_consent_method");
        Consent consent = new Consent(
                rs.getString("guardian_consent_by"),
                rs.getObject("guardian_consent_date", LocalDate.class),
                method == null ? null : ConsentMethod.valueOf(method),
                purposes,
                rs.getString("child_consent_by"),
                rs.getObject("child_consent_date", LocalDate.class));
        return Child.restore(
                rs.getLong("id"),
                rs.getString("public_code"),
                ChildStatus.valueOf(rs.getString("status")),
                data,
                rs.getInt("birth_year"),
                consent,
                rs.getObject("consent_withdrawn_at", OffsetDateTime.class),
                rs.getString("created_by"),
                rs.getLong("version"));
    }

    private static List<String> strings(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        Object[] values = (Object[]) array.getArray();
        return new ArrayList<>(Arrays.stream(values).map(String::valueOf).toList());
    }
}
