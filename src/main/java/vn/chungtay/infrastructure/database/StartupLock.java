package vn.chungtay.infrastructure.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Several instances started together on one database run their start-up work — the application
 * runners that load the reference data, the programmes, the yearly campaigns and the demo data —
 * one after the other: the first runner takes a PostgreSQL session advisory lock on its own
 * connection and the last one releases it. The next instance waits, then finds the data loaded and
 * skips it. Without it, two instances starting on an empty database both insert the administrative
 * units and one of them fails. If a start fails half-way, closing the context (or the process
 * dying) closes the connection and PostgreSQL releases the lock.
 */
@Configuration(proxyBeanMethods = false)
class StartupLock implements DisposableBean {

    /** The lock's key: "ChungTay" in ASCII, the same for every instance of one database. */
    static final long KEY = 0x4368756e67546179L;

    private static final Logger log = LoggerFactory.getLogger(StartupLock.class);

    private final DataSource dataSource;
    private Connection held;

    StartupLock(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Bean
    ApplicationRunner takeStartupLock() {
        return new Step(Ordered.HIGHEST_PRECEDENCE, this::lock);
    }

    @Bean
    ApplicationRunner releaseStartupLock() {
        return new Step(Ordered.LOWEST_PRECEDENCE, this::unlock);
    }

    synchronized void lock() throws SQLException {
        if (held != null) {
            return;
        }
        Connection connection = dataSource.getConnection();
        try (Statement statement = connection.createStatement()) {
            connection.setAutoCommit(true);
            long started = System.nanoTime();
            try (var tried = statement.executeQuery("select pg_try_advisory_lock(" + KEY + ")")) {
                tried.next();
                if (!tried.getBoolean(1)) {
                    log.info("Another instance is running its start-up work on this database; waiting for it");
                    statement.execute("select pg_advisory_lock(" + KEY + ")");
                    log.info("Start-up lock taken after {} ms", (System.nanoTime() - started) / 1_000_000);
                }
            }
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
        held = connection;
    }

    synchronized void unlock() throws SQLException {
        if (held == null) {
            return;
        }
        try (Connection connection = held;
                Statement statement = connection.createStatement()) {
            statement.execute("select pg_advisory_unlock(" + KEY + ")");
        } finally {
            held = null;
        }
    }

    @Override
    public void destroy() {
        try {
            unlock();
        } catch (SQLException e) {
            // the connection is gone, and with it the lock
            log.debug("Start-up lock released with its connection: {}", e.getMessage());
        }
    }

    private interface Action {
        void run() throws Exception;
    }

    private record Step(int order, Action action) implements ApplicationRunner, Ordered {
        @Override
        public void run(ApplicationArguments args) throws Exception {
            action.run();
        }

        @Override
        public int getOrder() {
            return order;
        }
    }
}
