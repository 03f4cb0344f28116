package vn.chungtay.shared.demo;

import org.springframework.core.env.Environment;

/**
 * Whether demo data (villages, accounts) is loaded: {@code chungtay.demo-data} (env
 * {@code CHUNGTAY_DEMO_DATA}) when set, otherwise only on the embedded database, never on an
 * external one.
 */
public final class DemoData {

    private DemoData() {}

    public static boolean enabled(Environment environment) {
        String explicit = environment.getProperty("chungtay.demo-data", "");
        if (!explicit.isBlank()) {
            return Boolean.parseBoolean(explicit.trim());
        }
        String url = environment.getProperty("spring.datasource.url");
        return url == null || url.isBlank();
    }
}
