import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;

/**
 * Runs Neo4j Community with a Bolt listener on 127.0.0.1 only.
 *
 * Usage: java ... Launcher <home> <boltPort> [pagecacheMiB] [txTimeoutSeconds] [settingsFile]
 *
 * A settings file (neo4j.conf syntax) is applied after the launcher's own settings.
 *
 * On first start a random password is written to <home>/password (0600) and set on the
 * neo4j user; later starts reuse it. Prints "READY bolt://127.0.0.1:<port>" once Bolt accepts.
 */
public final class Launcher {
    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: Launcher <home> <boltPort> [pagecacheMiB] [txTimeoutSeconds] [settingsFile]");
            System.exit(2);
        }
        // The process that started us holds our stdin open; when it dies the pipe closes and we
        // shut down cleanly instead of living on as an orphan holding the store lock. Watched from
        // the first moment: an owner killed while the database is still starting stops it too.
        Thread watchdog = new Thread(() -> {
            try {
                while (System.in.read() != -1) { /* ignore input */ }
            } catch (IOException ignored) {
                // closed: same as end of input
            }
            System.out.println("OWNER GONE");
            System.exit(0);
        }, "owner-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();

        Path home = Path.of(args[0]).toAbsolutePath();
        int port = Integer.parseInt(args[1]);
        long pagecacheMiB = args.length > 2 ? Long.parseLong(args[2]) : 512;
        long txTimeout = args.length > 3 ? Long.parseLong(args[3]) : 0;
        Files.createDirectories(home);

        Path passwordFile = home.resolve("password");
        boolean firstStart = !Files.exists(passwordFile);
        String password = firstStart ? newPassword() : Files.readString(passwordFile).trim();

        Path settings = args.length > 4 ? Path.of(args[4]) : null;
        DatabaseManagementServiceBuilder builder = new DatabaseManagementServiceBuilder(home);
        builder
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
                // What the routing table names (neo4j:// URIs): this listener, not the default localhost:7687.
                .setConfig(BoltConnector.advertised_address, new SocketAddress("127.0.0.1", port))
                .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                .setConfig(HttpConnector.enabled, false)
                .setConfig(GraphDatabaseSettings.auth_enabled, true)
                .setConfig(GraphDatabaseSettings.udc_enabled, false)
                .setConfig(GraphDatabaseSettings.pagecache_memory, pagecacheMiB * 1024 * 1024)
                .setConfig(GraphDatabaseSettings.transaction_timeout, Duration.ofSeconds(txTimeout))
                .setConfig(GraphDatabaseSettings.preallocate_logical_logs, false)
                // Bolt's event loops wait for a quiet period before they stop (5 s each by default,
                // two of them): with the driver already closed there is nothing to wait for.
                .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
                // A runaway query fails on its own instead of exhausting the heap.
                .setConfig(GraphDatabaseSettings.memory_transaction_global_max_size, Runtime.getRuntime().maxMemory() / 2);
        if (settings != null) builder.loadPropertiesFromFile(settings);
        DatabaseManagementService service = builder.build();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("STOPPING");
            service.shutdown();
            System.out.println("STOPPED");
        }));

        if (firstStart) {
            service.database("system").executeTransactionally(
                    "ALTER USER neo4j SET PASSWORD $pw CHANGE NOT REQUIRED", Map.of("pw", password));
            writePrivate(passwordFile, password);
        }
        service.database("neo4j").executeTransactionally("RETURN 1");
        System.out.println("READY bolt://127.0.0.1:" + port);
        System.out.flush();
        Thread.currentThread().join();
    }

    private static String newPassword() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static void writePrivate(Path file, String content) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(tmp, content);
        Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }
}
