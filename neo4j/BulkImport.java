import java.io.IOException;

/**
 * Runs Neo4j's batch importer (`neo4j-admin database import ...`, arguments passed through) for the
 * platform's bulk load. Like Launcher, it watches its owner through stdin: when the process that
 * started it dies the pipe closes and the import stops at once, so an abandoned load never goes on
 * writing a store that the next load is about to replace.
 */
public final class BulkImport {
    public static void main(String[] args) throws Exception {
        Thread watchdog = new Thread(() -> {
            try {
                while (System.in.read() != -1) { /* ignore input */ }
            } catch (IOException ignored) {
                // closed: same as end of input
            }
            System.err.println("OWNER GONE: import stopped");
            Runtime.getRuntime().halt(3);
        }, "owner-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        org.neo4j.cli.AdminTool.main(args);
    }
}
