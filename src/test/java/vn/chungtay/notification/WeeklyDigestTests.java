package vn.chungtay.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class WeeklyDigestTests {

    @Test
    void periodIsTheIsoWeekOfTheDay() {
        assertThat(WeeklyDigest.period(LocalDate.of(2025, 2, 10))).isEqualTo("2025-W07");
        assertThat(WeeklyDigest.period(LocalDate.of(2025, 2, 16))).isEqualTo("2025-W07");
        assertThat(WeeklyDigest.period(LocalDate.of(2024, 12, 30))).isEqualTo("2025-W01");
    }

    @Test
    void addressesAreComparedLowerCased() {
        assertThat(SubscriptionManagement.normalisedEmail("  Donor.A@Example.ORG "))
                .isEqualTo("donor.a@example.org");
    }
}
