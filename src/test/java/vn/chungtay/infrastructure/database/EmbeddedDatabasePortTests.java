package vn.chungtay.infrastructure.database;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

class EmbeddedDatabasePortTests {

    @Test
    void refusesAPortAnotherProgramListensOn() throws Exception {
        try (ServerSocket other = new ServerSocket()) {
            other.bind(new InetSocketAddress("localhost", 0));
            int port = other.getLocalPort();
            assertThatThrownBy(() -> EmbeddedDatabaseConfiguration.requireFreePort(port))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("chungtay.embedded-db.port");
        }
    }

    @Test
    void acceptsAFreePort() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        int free = port;
        assertThatCode(() -> EmbeddedDatabaseConfiguration.requireFreePort(free))
                .doesNotThrowAnyException();
    }
}
