package vn.chungtay.reporting.internal;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Fallback;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The application's clock (system time), a fallback bean: any other {@link Clock} bean (a test's, a
 * module's) takes its place. The reminder job runs on Spring's scheduler.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class ReportingConfiguration {

    @Bean
    @Fallback
    Clock clock() {
        return Clock.systemDefaultZone();
    }
}
