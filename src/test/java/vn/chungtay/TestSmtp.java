package vn.chungtay;

import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;

/**
 * The SMTP server tests start with GreenMail: port 3025, or {@code CHUNGTAY_TEST_SMTP_PORT} so
 * that two builds can run their tests side by side (the test configuration reads the same variable).
 */
public final class TestSmtp {

    public static final ServerSetup SETUP = ServerSetupTest.SMTP.port(port());

    private TestSmtp() {}

    private static int port() {
        String configured = System.getenv("CHUNGTAY_TEST_SMTP_PORT");
        return configured == null || configured.isBlank() ? 3025 : Integer.parseInt(configured.trim());
    }
}
