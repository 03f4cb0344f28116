package vn.chungtay.infrastructure.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;

/** A separate JVM that starts the embedded PostgreSQL on a data directory, says READY and waits to be killed. */
public final class PostgresChild {

    private PostgresChild() {}

    public static void main(String[] args) throws Exception {
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(Path.of(args[0]))
                .setCleanDataDirectory(false)
                .setRegisterShutdownHook(false)
                .start();
        try (var connection = postgres.getPostgresDatabase().getConnection();
                var statement = connection.createStatement()) {
            statement.execute("create table if not exists survivor (note text)");
            statement.execute("insert into survivor values ('written before the crash')");
        }
        System.out.println("READY " + postgres.getPort());
        System.out.flush();
        Thread.sleep(120_000);
    }
}
