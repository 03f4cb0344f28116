package vn.chungtay.organisation.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import vn.chungtay.organisation.ImportReport;
import vn.chungtay.organisation.OrganisationManagement;

/**
 * On first start, loads the administrative units shipped in {@code reference/dvhc/}: the 2024
 * list valid until 2025-06-30, then the 2025 list with the mergers, effective 2025-07-01. On later
 * starts it sees both loads recorded and does nothing.
 */
@Component
@Order(10)
class ReferenceDataLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ReferenceDataLoader.class);
    static final LocalDate REFORM = LocalDate.of(2025, 7, 1);

    private final OrganisationManagement organisation;

    ReferenceDataLoader(OrganisationManagement organisation) {
        this.organisation = organisation;
    }

    @Override
    public void run(ApplicationArguments args) {
        byte[] units2024 = read("units-2024.csv");
        byte[] units2025 = read("units-2025.csv");
        byte[] mergers2025 = read("mergers-2025.csv");
        if (!organisation.alreadyLoaded("dvhc-2024", units2024)) {
            ImportReport report =
                    organisation.importSnapshot("dvhc-2024", "units-2024.csv", units2024, null, REFORM.minusDays(1));
            log.info(
                    "Loaded units-2024.csv: {} units inserted, {} already present",
                    report.unitsInserted(),
                    report.unitsUnchanged());
        }
        if (!organisation.alreadyLoaded("dvhc-2025", units2025, mergers2025)) {
            ImportReport report = organisation.importChangeList(
                    "dvhc-2025", REFORM, "units-2025.csv", units2025, "mergers-2025.csv", mergers2025);
            log.info(
                    "Loaded units-2025.csv and mergers-2025.csv: {} units inserted, {} succession links, {} rows"
                            + " skipped (not units)",
                    report.unitsInserted(),
                    report.linksInserted(),
                    report.skipped().size());
        }
    }

    private static byte[] read(String file) {
        try (InputStream in = new ClassPathResource("reference/dvhc/" + file).getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Missing reference file " + file, e);
        }
    }
}
