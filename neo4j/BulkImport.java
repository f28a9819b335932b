import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import org.neo4j.batchimport.api.Configuration;
import org.neo4j.batchimport.api.input.Collector;
import org.neo4j.batchimport.api.input.Input;
import org.neo4j.cli.ExecutionContext;
import org.neo4j.configuration.Config;
import org.neo4j.importer.ImportCommand;
import org.neo4j.io.fs.FileSystemAbstraction;
import org.neo4j.io.layout.DatabaseLayout;
import org.neo4j.io.pagecache.context.CursorContextFactory;
import org.neo4j.io.pagecache.tracing.PageCacheTracer;
import org.neo4j.logging.InternalLogProvider;
import org.neo4j.logging.internal.LogService;
import org.neo4j.memory.MemoryTracker;
import org.neo4j.scheduler.JobScheduler;
import picocli.CommandLine;

/**
 * Runs Neo4j's batch importer (the `neo4j-admin database import full` command, its options passed
 * through) for the platform's bulk load. Like Launcher, it watches its owner through stdin: when the
 * process that started it dies the pipe closes and the import stops at once, so an abandoned load
 * never goes on writing a store that the next load is about to replace.
 *
 * One setting differs from the command's: no page-cache flusher thread. That thread calls flush on
 * the whole page cache in a loop through the node and relationship stages, to turn the stores'
 * writes into one sequential stream for spinning disks. On two cores it took a tenth of the
 * importer's CPU scanning pages, and the node and relationship stages took 1.8-2.9 times as long
 * with it (docs/BENCHMARKS.md). The stores are flushed when each stage ends either way.
 */
public final class BulkImport {
    static final class Full extends ImportCommand.Full {
        Full(ExecutionContext ctx) {
            super(ctx);
        }

        // Run on its own, the command has no parent `import` command to ask (the inherited check would
        // fail on that): Community features only, as from the admin tool.
        @Override
        public boolean allowEnterpriseFeatures() {
            return false;
        }

        @Override
        protected void doImport(
                FileSystemAbstraction fs,
                DatabaseLayout layout,
                Config config,
                JobScheduler scheduler,
                InternalLogProvider logs,
                PageCacheTracer tracer,
                CursorContextFactory contexts,
                Configuration importConfig,
                LogService logService,
                PrintStream out,
                PrintStream err,
                boolean verbose,
                Collector badCollector,
                MemoryTracker memory,
                Input input)
                throws IOException {
            Configuration tuned = new Configuration.Overridden(importConfig) {
                @Override
                public boolean sequentialBackgroundFlushing() {
                    return false;
                }
            };
            super.doImport(fs, layout, config, scheduler, logs, tracer, contexts, tuned, logService, out, err, verbose,
                    badCollector, memory, input);
        }
    }

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
        Path home = Path.of(System.getenv("NEO4J_HOME")).toAbsolutePath();
        ExecutionContext ctx = new ExecutionContext(home, home.resolve("conf"));
        CommandLine command = new CommandLine(new Full(ctx)).setCaseInsensitiveEnumValuesAllowed(true);
        System.exit(command.execute(args));
    }
}
