import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.neo4j.batchimport.api.Configuration;
import org.neo4j.batchimport.api.InputIterable;
import org.neo4j.batchimport.api.InputIterator;
import org.neo4j.batchimport.api.input.Collector;
import org.neo4j.batchimport.api.input.IdType;
import org.neo4j.batchimport.api.input.Input;
import org.neo4j.batchimport.api.input.InputChunk;
import org.neo4j.batchimport.api.input.InputEntityVisitor;
import org.neo4j.batchimport.api.input.PropertySizeCalculator;
import org.neo4j.batchimport.api.input.ReadableGroups;
import org.neo4j.cli.ExecutionContext;
import org.neo4j.configuration.Config;
import org.neo4j.importer.ImportCommand;
import org.neo4j.io.fs.FileSystemAbstraction;
import org.neo4j.io.layout.DatabaseLayout;
import org.neo4j.io.pagecache.context.CursorContext;
import org.neo4j.io.pagecache.context.CursorContextFactory;
import org.neo4j.io.pagecache.tracing.PageCacheTracer;
import org.neo4j.logging.InternalLogProvider;
import org.neo4j.logging.internal.LogService;
import org.neo4j.internal.schema.SchemaCommand;
import org.neo4j.internal.schema.SchemaDescriptor;
import org.neo4j.internal.schema.SchemaTokens;
import org.neo4j.memory.EmptyMemoryTracker;
import org.neo4j.memory.MemoryTracker;
import org.neo4j.scheduler.JobScheduler;
import org.neo4j.token.TokenHolders;
import org.neo4j.values.storable.Value;
import org.neo4j.values.storable.Values;
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
 *
 * With a first argument --created-at=TIME, every record read also gets the properties the write
 * path gives a new record: createdAt and updatedAt TIME, archived false. A load has one such time,
 * so the files leave these columns out: a quarter of their bytes, written and parsed for nothing.
 */
public final class BulkImport {
    static final class Full extends ImportCommand.Full {
        private final String createdAt;

        Full(ExecutionContext ctx, String createdAt) {
            super(ctx);
            this.createdAt = createdAt;
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
            Input read = createdAt == null ? input : new Stamped(input, createdAt);
            super.doImport(fs, layout, config, scheduler, logs, tracer, contexts, tuned, logService, out, err, verbose,
                    badCollector, memory, read);
        }
    }

    /** The input with the creation properties added to every node and relationship. */
    static final class Stamped implements Input {
        private final Input input;
        private final String[] keys = {"createdAt", "updatedAt", "archived"};
        private final Object[] values;

        Stamped(Input input, String createdAt) {
            this.input = input;
            this.values = new Object[] {createdAt, createdAt, Boolean.FALSE};
        }

        @Override
        public InputIterable nodes(Collector badCollector) {
            return stamp(input.nodes(badCollector));
        }

        @Override
        public InputIterable relationships(Collector badCollector) {
            return stamp(input.relationships(badCollector));
        }

        private InputIterable stamp(InputIterable records) {
            return () -> {
                InputIterator it = records.iterator();
                return new InputIterator() {
                    @Override
                    public InputChunk newChunk() {
                        return new StampedChunk(it.newChunk());
                    }

                    @Override
                    public boolean next(InputChunk chunk) throws IOException {
                        return it.next(((StampedChunk) chunk).chunk);
                    }

                    @Override
                    public void close() throws IOException {
                        it.close();
                    }
                };
            };
        }

        /** A chunk that hands each record to the importer with the creation properties added. */
        private final class StampedChunk implements InputChunk {
            final InputChunk chunk;
            private InputEntityVisitor seen;
            private InputEntityVisitor stamped;

            StampedChunk(InputChunk chunk) {
                this.chunk = chunk;
            }

            @Override
            public boolean next(InputEntityVisitor visitor) throws IOException {
                if (visitor != seen) {
                    seen = visitor;
                    stamped = new InputEntityVisitor.Delegate(visitor) {
                        @Override
                        public void endOfEntity() throws IOException {
                            for (int i = 0; i < keys.length; i++) {
                                super.property(keys[i], values[i]);
                            }
                            super.endOfEntity();
                        }
                    };
                }
                return chunk.next(stamped);
            }

            @Override
            public void close() throws IOException {
                chunk.close();
            }
        }

        @Override
        public IdType idType() {
            return input.idType();
        }

        @Override
        public ReadableGroups groups() {
            return input.groups();
        }

        /** The files' estimates, with the added properties counted (the importer sizes its stores by them). */
        @Override
        public Estimates validateAndEstimate(PropertySizeCalculator sizes) throws IOException {
            Estimates e = input.validateAndEstimate(sizes);
            Value[] added = {Values.of(values[0]), Values.of(values[1]), Values.of(values[2])};
            long size = sizes.calculateSize(added, CursorContext.NULL_CONTEXT, EmptyMemoryTracker.INSTANCE);
            return new Estimates(
                    e.numberOfNodes(),
                    e.numberOfRelationships(),
                    e.numberOfNodeProperties() + e.numberOfNodes() * keys.length,
                    e.numberOfRelationshipProperties() + e.numberOfRelationships() * keys.length,
                    e.sizeOfNodeProperties() + e.numberOfNodes() * size,
                    e.sizeOfRelationshipProperties() + e.numberOfRelationships() * size,
                    e.numberOfNodeLabels());
        }

        @Override
        public Map<String, SchemaDescriptor> referencedNodeSchema(TokenHolders tokens) {
            return input.referencedNodeSchema(tokens);
        }

        @Override
        public List<SchemaCommand> schemaCommands() {
            return input.schemaCommands();
        }

        @Override
        public SchemaTokens schemaTokens() {
            return input.schemaTokens();
        }

        @Override
        public void close() {
            input.close();
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
        String createdAt = null;
        if (args.length > 0 && args[0].startsWith("--created-at=")) {
            createdAt = args[0].substring("--created-at=".length());
            args = java.util.Arrays.copyOfRange(args, 1, args.length);
        }
        CommandLine command = new CommandLine(new Full(ctx, createdAt)).setCaseInsensitiveEnumValuesAllowed(true);
        System.exit(command.execute(args));
    }
}
