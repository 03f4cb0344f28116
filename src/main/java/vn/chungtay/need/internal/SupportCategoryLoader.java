package vn.chungtay.need.internal;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.chungtay.shared.csv.CsvReader;
import vn.chungtay.shared.text.VietnameseText;

/**
 * Seeds {@code support_category} from {@code reference/programme/support-categories.csv} at every
 * start: new codes are added, categories already present (perhaps renamed by an administrator)
 * are left as they are.
 */
@Component
@Order(15)
class SupportCategoryLoader implements ApplicationRunner {

    static final String FILE = "reference/programme/support-categories.csv";
    private static final Logger log = LoggerFactory.getLogger(SupportCategoryLoader.class);

    private final JdbcClient jdbc;

    SupportCategoryLoader(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        int[] added = {0};
        try (var reader = new InputStreamReader(new ClassPathResource(FILE).getInputStream(), StandardCharsets.UTF_8)) {
            CsvReader.read(reader, row -> {
                String code = row.get("code");
                if (code.isEmpty()) {
                    return;
                }
                added[0] += jdbc.sql("""
                                insert into support_category (code, name_vi, name_en, name_folded, source, created_by)
                                values (:code, :vi, :en, :folded, :source, 'system')
                                on conflict (code) do nothing""")
                        .param("code", code)
                        .param("vi", row.get("name_vi"))
                        .param("en", row.get("name_en"))
                        .param("folded", VietnameseText.fold(row.get("name_vi")))
                        .param("source", row.get("source").isEmpty() ? null : row.get("source"))
                        .update();
            });
        } catch (IOException e) {
            throw new UncheckedIOException("Missing " + FILE, e);
        }
        if (added[0] > 0) {
            log.info("Support categories added from {}: {}", FILE, added[0]);
        }
    }
}
