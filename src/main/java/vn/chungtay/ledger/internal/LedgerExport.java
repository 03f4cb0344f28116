package vn.chungtay.ledger.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.chungtay.ledger.LedgerHashing;

/**
 * The public CSV of a campaign's ledger, streamed row by row from the database: a byte order mark
 * (so Excel reads UTF-8), the header of {@link LedgerHashing#CSV_COLUMNS}, then every entry in
 * sequence order with exactly the values its hash covers, its previous hash and its hash.
 */
@Component
public class LedgerExport {

    private final JdbcTemplate jdbc;

    LedgerExport(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public void writeCsv(long campaignId, Writer out) {
        try {
            out.write('\uFEFF');
            out.write(LedgerHashing.csvLine(LedgerHashing.CSV_COLUMNS));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        jdbc.query(
                connection -> {
                    var statement = connection.prepareStatement("select " + PostgresLedger.COLUMNS
                            + " from ledger_entry e where e.campaign_id = ? order by e.sequence");
                    statement.setFetchSize(1000);
                    statement.setLong(1, campaignId);
                    return statement;
                },
                rs -> {
                    List<String> fields = PostgresLedger.publicFields(rs);
                    List<String> cells = new ArrayList<>(fields.size() + 2);
                    for (String field : fields) {
                        cells.add(LedgerHashing.toCell(field));
                    }
                    cells.add(rs.getString("previous_hash"));
                    cells.add(rs.getString("hash"));
                    try {
                        out.write(LedgerHashing.csvLine(cells));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
    }
}
