package vn.chungtay.commendation;

import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Draft proposals for tests of the workflow and the documents, written straight into the tables
 * (the way {@link CommendationManagement#generate} leaves them); candidates from the ledger are
 * tested through {@code generate} itself.
 */
final class CommendationMother {

    record Donor(
            long id,
            String name,
            String kind,
            boolean collective,
            boolean domestic,
            String country,
            long value,
            String form) {}

    static final Donor NHUNG =
            new Donor(880_001, "Nguyễn Thị Hồng Nhung", "INDIVIDUAL", false, true, "VN", 12_500_000, "GIAY_KHEN");
    static final Donor PHUOC_LOC = new Donor(
            880_002, "Công ty TNHH Thương mại Phước Lộc", "BUSINESS", true, true, "VN", 150_000_000, "BANG_KHEN");
    static final Donor KOBE = new Donor(
            880_003, "Kobe Friendship Association", "ORGANISATION", true, false, "JP", 60_000_000, "THU_CAM_ON");
    static final Donor DUNG =
            new Donor(880_004, "Trần Văn Dũng", "INDIVIDUAL", false, true, "VN", 3_000_000, "THU_CAM_ON");

    private CommendationMother() {}

    /** A draft proposal of the unit for the year over a period no other test uses; answers its id. */
    static long draft(
            JdbcClient jdbc,
            String unitCode,
            String level,
            int year,
            LocalDate from,
            LocalDate to,
            List<Donor> donors) {
        long id = jdbc.sql("""
                        insert into commendation_proposal (unit_code, level, year, period_from, period_to, created_by)
                        values (?, ?, ?, ?, ?, 'test') returning id""")
                .params(unitCode, level, year, from, to)
                .query(Long.class)
                .single();
        for (Donor d : donors) {
            jdbc.sql("""
                            insert into commendation_candidate (proposal_id, donor_id, donor_name, donor_kind, donor_group,
                                   domestic, country, value_dong, basis, form, achievements)
                            values (?, ?, ?, ?, ?, ?, ?, ?, 'DELIVERED', ?, ?)""")
                    .params(
                            id,
                            d.id(),
                            d.name(),
                            d.kind(),
                            d.collective() ? "COLLECTIVE" : "INDIVIDUAL",
                            d.domestic(),
                            d.country(),
                            d.value(),
                            d.form(),
                            d.domestic()
                                    ? "Ủng hộ áo ấm và học bổng cho trẻ em các buôn đặc biệt khó khăn"
                                    : "Gave warm clothes and scholarships to children of the poorest villages")
                    .update();
        }
        return id;
    }
}
