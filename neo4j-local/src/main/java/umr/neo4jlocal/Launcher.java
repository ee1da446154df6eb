package umr.neo4jlocal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

import org.neo4j.cli.ExecutionContext;
import org.neo4j.commandline.admin.security.SetInitialPasswordCommand;
import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.internal.helpers.HostnamePort;
import org.neo4j.io.fs.DefaultFileSystemAbstraction;
import org.neo4j.kernel.api.procedure.GlobalProcedures;
import org.neo4j.kernel.internal.GraphDatabaseAPI;
import picocli.CommandLine;

/**
 * Runs an embedded Neo4j Community server with only the Bolt connector, bound to loopback.
 *
 * <p>Arguments: {@code --home DIR --port N [--pagecache BYTES] [--parent-pid PID] [--tx-timeout SECONDS]}.
 * Port 0 picks a free port; the chosen one is announced on stdout as the single line
 * {@code UMR_NEO4J_READY bolt://127.0.0.1:PORT}, which the Node side waits for.
 *
 * <p>The server stops on SIGTERM/SIGINT (shutdown hook), when its standard input reaches end of
 * file (the parent's end of the pipe closed: the parent died, however it died), and when the
 * parent process named by --parent-pid is no longer alive. A JVM must never outlive the Node
 * process that started it.
 */
public final class Launcher {
    private static final AtomicBoolean STOPPING = new AtomicBoolean(false);

    public static void main(String[] args) throws Exception {
        Path home = null;
        int port = 7687;
        long pagecache = 128L * 1024 * 1024;
        long parentPid = -1;
        long txTimeoutSeconds = 0;
        Path passwordFile = null;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            String v = i + 1 < args.length ? args[i + 1] : null;
            switch (a) {
                case "--home" -> { home = Path.of(require(a, v)); i++; }
                case "--port" -> { port = Integer.parseInt(require(a, v)); i++; }
                case "--pagecache" -> { pagecache = Long.parseLong(require(a, v)); i++; }
                case "--parent-pid" -> { parentPid = Long.parseLong(require(a, v)); i++; }
                case "--tx-timeout" -> { txTimeoutSeconds = Long.parseLong(require(a, v)); i++; }
                case "--password-file" -> { passwordFile = Path.of(require(a, v)); i++; }
                default -> fail("unknown argument " + a + "; expected --home, --port, --pagecache, --parent-pid, --tx-timeout or --password-file");
            }
        }
        if (home == null) fail("--home DIR is required");
        Files.createDirectories(home);

        DatabaseManagementServiceBuilder builder = new DatabaseManagementServiceBuilder(home)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
                .setConfig(BoltConnector.advertised_address, new SocketAddress("127.0.0.1", port))
                .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                .setConfig(HttpConnector.enabled, false)
                // Bolt asks for the password the parent generated (kept in the data folder): on a
                // shared machine, no other local process reads or writes this database.
                .setConfig(GraphDatabaseSettings.auth_enabled, passwordFile != null)
                .setConfig(GraphDatabaseSettings.pagecache_memory, pagecache)
                // The project's procedures read the store through the kernel's cursors.
                .setConfig(GraphDatabaseSettings.procedure_unrestricted, java.util.List.of("umr.*"))
                // Bolt's two Netty event loop groups each wait out a 5 s quiet period when they
                // stop: 10 s of every stop (every CLI command that started its own Neo4j) spent
                // idle. Connections are closed by then; stop at once.
                .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
                .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_timeout, Duration.ofSeconds(5));
        if (txTimeoutSeconds > 0) {
            builder.setConfig(GraphDatabaseSettings.transaction_timeout, Duration.ofSeconds(txTimeoutSeconds));
        }

        // Bolt asks for the password the parent generated. A new data folder gets it as the
        // initial password, before its system database exists (no Cypher, which costs seconds at
        // start); a later start changes it only when the file differs from what was applied.
        String password = passwordFile != null ? Files.readString(passwordFile).trim() : null;
        boolean firstStart = !Files.exists(home.resolve("data").resolve("databases").resolve("system"));
        Path applied = home.resolve("bolt-password.applied");
        if (password != null && firstStart) {
            ExecutionContext ctx = new ExecutionContext(home, home.resolve("conf"), System.err, System.err, new DefaultFileSystemAbstraction());
            // "--": a generated password may begin with "-", which is not an option.
            int code = new CommandLine(new SetInitialPasswordCommand(ctx)).execute("--", password);
            if (code != 0) {
                System.out.println("UMR_NEO4J_FAILED setting the initial Bolt password (exit code " + code + ")");
                System.out.flush();
                System.exit(2);
            }
        }

        final DatabaseManagementService dbms;
        try {
            dbms = builder.build();
        } catch (RuntimeException e) {
            // Another process holds the store: one line that says so, no stack trace.
            for (Throwable c = e; c != null; c = c.getCause()) {
                if (c.getClass().getSimpleName().equals("FileLockException")) {
                    System.out.println("UMR_NEO4J_FAILED locked " + c.getMessage());
                    System.out.flush();
                    System.exit(3);
                    return;
                }
            }
            System.err.println("UMR_NEO4J_FAILED " + e);
            e.printStackTrace();
            System.exit(2);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(dbms, "signal", stopped), "umr-neo4j-shutdown"));

        boolean changed = password != null && !fingerprint(password).equals(readQuietly(applied));
        if (changed && !firstStart) {
            // The password file changed since it was last applied: change the user's password.
            try {
                dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME).executeTransactionally(
                        "ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED", java.util.Map.of("password", password));
            } catch (RuntimeException e) {
                // Already this password (a marker lost): nothing to change.
                if (!String.valueOf(e.getMessage()).contains("cannot be the same")) {
                    System.out.println("UMR_NEO4J_FAILED setting the Bolt password: " + e.getMessage());
                    System.out.flush();
                    System.exit(2);
                }
            }
        }
        if (changed) Files.writeString(applied, fingerprint(password));
        GraphDatabaseAPI db = (GraphDatabaseAPI) dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
        // The project's procedures (neo4j-plugin/), compiled into this launcher: what a server of
        // one's own gets from target/plugins/umr-graph-procedures.jar.
        GlobalProcedures procedures = db.getDependencyResolver().resolveDependency(GlobalProcedures.class);
        procedures.registerProcedure(umr.graph.Walk.class);
        procedures.registerFunction(umr.graph.Walk.class);
        procedures.registerProcedure(umr.graph.Reach.class);
        HostnamePort bolt = db.getDependencyResolver().resolveDependency(ConnectorPortRegister.class)
                .getLocalAddress(ConnectorType.BOLT);
        System.out.println("UMR_NEO4J_READY bolt://127.0.0.1:" + bolt.getPort());
        System.out.flush();

        watchStdin(dbms, stopped);
        if (parentPid > 0) watchParent(parentPid, dbms, stopped);
        stopped.await();
        // Leave through System.exit so that the JVM ends even if a library left a non-daemon thread.
        if (!Thread.currentThread().isInterrupted()) System.exit(0);
    }

    private static void watchStdin(DatabaseManagementService dbms, CountDownLatch stopped) {
        Thread t = new Thread(() -> {
            try (InputStream in = System.in) {
                byte[] buf = new byte[256];
                while (in.read(buf) >= 0) { /* the parent never writes; we only wait for EOF */ }
            } catch (IOException ignored) {
                // a broken pipe means the same as EOF: the parent is gone
            }
            stop(dbms, "stdin closed (parent exited)", stopped);
        }, "umr-neo4j-stdin-watch");
        t.setDaemon(true);
        t.start();
    }

    private static void watchParent(long pid, DatabaseManagementService dbms, CountDownLatch stopped) {
        Thread t = new Thread(() -> {
            Optional<ProcessHandle> parent = ProcessHandle.of(pid);
            while (parent.isPresent() && parent.get().isAlive()) {
                try { Thread.sleep(500); } catch (InterruptedException e) { return; }
            }
            stop(dbms, "parent process " + pid + " is gone", stopped);
        }, "umr-neo4j-parent-watch");
        t.setDaemon(true);
        t.start();
    }

    private static void stop(DatabaseManagementService dbms, String why, CountDownLatch stopped) {
        if (!STOPPING.compareAndSet(false, true)) {
            awaitQuietly(stopped);
            return;
        }
        System.err.println("UMR_NEO4J_STOPPING " + why);
        try {
            dbms.shutdown();
        } catch (RuntimeException e) {
            System.err.println("UMR_NEO4J_STOP_ERROR " + e);
        } finally {
            stopped.countDown();
        }
        if (!why.equals("signal")) System.exit(0);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try { latch.await(); } catch (InterruptedException ignored) { Thread.currentThread().interrupt(); }
    }

    /** What the marker keeps of the password applied: its SHA-256, never the password. */
    private static String fingerprint(String password) {
        try {
            byte[] d = java.security.MessageDigest.getInstance("SHA-256").digest(password.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(d);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String readQuietly(Path file) {
        try {
            return Files.readString(file).trim();
        } catch (IOException e) {
            return "";
        }
    }

    private static String require(String flag, String value) {
        if (value == null) fail(flag + " needs a value");
        return value;
    }

    private static void fail(String message) {
        System.err.println("UMR_NEO4J_FAILED " + message);
        System.exit(64);
    }
}
