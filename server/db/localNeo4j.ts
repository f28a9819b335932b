import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { interruptedLoadMessage } from './bulkLoad.js';

/**
 * The embedded default: Neo4j Community 5.26 run by neo4j/Launcher.java, Bolt on 127.0.0.1.
 * Jars come from Maven Central once (cached in neo4j/lib and ~/.m2); the launcher is compiled once.
 */
export class LocalNeo4jError extends Error {
  readonly code = 'LOCAL_NEO4J';
}

export interface LocalNeo4jOptions {
  projectRoot: string;
  home: string;
  boltPort: number;
  heap: string;
  pagecacheMiB: number;
  txTimeoutSeconds: number;
  startTimeoutMs: number;
  javaBin?: string;
  mvnBin?: string;
  /**
   * Further Neo4j settings (neo4j.conf names), applied after the launcher's own: written to
   * <home>/launcher-settings.conf at each start.
   */
  settings?: Record<string, string>;
  log?: (line: string) => void;
  /** Aborting while the database starts stops it (cleanly) and rejects with a LocalNeo4jError. */
  signal?: AbortSignal;
}

export interface LocalNeo4j {
  uri: string;
  user: string;
  password: string;
  /** True when an already running local database (e.g. `npm start`) was found and reused. */
  reused: boolean;
  stop(): Promise<void>;
}

export const JVM_FLAGS = [
  '--add-opens=java.base/java.nio=ALL-UNNAMED',
  '--add-opens=java.base/java.io=ALL-UNNAMED',
  '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
  '--enable-native-access=ALL-UNNAMED',
  '-Dio.netty.tryReflectionSetAccessible=true',
  '-XX:+UseG1GC',
];

const NO_JAVA =
  'Java 17 or newer is needed to run the local Neo4j, and `java` was not found. Install it ' +
  '(Debian/Ubuntu: apt-get install openjdk-17-jdk-headless maven) or set NEO4J_URI, NEO4J_USER and ' +
  'NEO4J_PASSWORD to use an existing Neo4j 5 server instead.';
const NO_MAVEN =
  'Maven is needed once to fetch the Neo4j jars from Maven Central, and `mvn` was not found. Install it ' +
  '(Debian/Ubuntu: apt-get install maven) or set NEO4J_URI, NEO4J_USER and NEO4J_PASSWORD to use an existing Neo4j.';

function which(bin: string, args: string[]): { ok: boolean; output: string } {
  const r = spawnSync(bin, args, { encoding: 'utf8' });
  if (r.error) return { ok: false, output: String(r.error.message) };
  return { ok: r.status === 0, output: `${r.stdout}${r.stderr}` };
}

/** Fails at once with an actionable message when Java is missing or too old. */
export function checkJava(javaBin = 'java'): void {
  const r = which(javaBin, ['-version']);
  if (!r.ok) throw new LocalNeo4jError(NO_JAVA);
  const m = /version "(\d+)/.exec(r.output);
  if (m && Number(m[1]) < 17) {
    throw new LocalNeo4jError(`Java ${m[1]} found; the local Neo4j needs Java 17 or newer. ${NO_JAVA.split('. ').slice(1).join('. ')}`);
  }
}

/** Fetches the Neo4j jar set (once) and compiles the launcher (once). Returns the class path. */
export function ensureLauncher(opts: Pick<LocalNeo4jOptions, 'projectRoot' | 'javaBin' | 'mvnBin' | 'log'>): string {
  const dir = path.join(opts.projectRoot, 'neo4j');
  const lib = path.join(dir, 'lib');
  const classes = path.join(dir, 'classes');
  const pom = path.join(dir, 'pom.xml');
  const stamp = path.join(lib, '.complete');
  const pomText = fs.readFileSync(pom, 'utf8');
  if (!fs.existsSync(stamp) || fs.readFileSync(stamp, 'utf8') !== pomText) {
    const mvn = opts.mvnBin ?? 'mvn';
    if (!which(mvn, ['-v']).ok) throw new LocalNeo4jError(NO_MAVEN);
    const cached = fs.existsSync(path.join(os.homedir(), '.m2/repository/org/neo4j/neo4j'));
    opts.log?.(cached
      ? 'Copying the Neo4j Community jars from the local Maven cache (first run only)...'
      : 'Fetching the Neo4j Community jars from Maven Central (first run only, about 150 MB)...');
    fs.rmSync(lib, { recursive: true, force: true });
    const r = spawnSync(mvn, ['-q', '-B', '-f', pom, 'dependency:copy-dependencies', `-DoutputDirectory=${lib}`], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    if (r.status !== 0) {
      throw new LocalNeo4jError(
        'Maven could not fetch the Neo4j jars: check the connection to Maven Central (or the mirror in ~/.m2/settings.xml) and run it again, ' +
        `or set NEO4J_URI to use an existing Neo4j.\n${(r.stdout + r.stderr).slice(-2000)}`,
      );
    }
    fs.writeFileSync(stamp, pomText);
    fs.rmSync(classes, { recursive: true, force: true });
  }
  const sources = ['Launcher', 'BulkImport'].map((n) => ({ source: path.join(dir, `${n}.java`), compiled: path.join(classes, `${n}.class`) }));
  if (sources.some(({ source, compiled }) => !fs.existsSync(compiled) || fs.statSync(compiled).mtimeMs < fs.statSync(source).mtimeMs)) {
    const javac = opts.javaBin ? path.join(path.dirname(opts.javaBin), 'javac') : 'javac';
    // Compiled aside and moved into place, so a start killed while compiling never leaves a
    // truncated class file that looks newer than its source.
    const building = `${classes}.${process.pid}.tmp`;
    fs.rmSync(building, { recursive: true, force: true });
    const r = spawnSync(javac, ['-nowarn', '-cp', `${lib}/*`, '-d', building, ...sources.map((x) => x.source)], { encoding: 'utf8' });
    if (r.status !== 0) {
      fs.rmSync(building, { recursive: true, force: true });
      throw new LocalNeo4jError(`Could not compile the Neo4j launcher:\n${r.error?.message ?? ''}${r.stderr}`);
    }
    fs.rmSync(classes, { recursive: true, force: true });
    fs.renameSync(building, classes);
  }
  return `${classes}${path.delimiter}${lib}/*`;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.connect({ port, host: '127.0.0.1' });
    s.once('connect', () => { s.destroy(); resolve(true); });
    s.once('error', () => resolve(false));
    s.setTimeout(1000, () => { s.destroy(); resolve(false); });
  });
}

function pidAlive(pid: number): boolean {
  try { process.kill(pid, 0); return true; } catch { return false; }
}

interface RunningInfo { pid: number; port: number }

/** Starts the local Neo4j, or reuses the one already running on the same data folder. */
export async function startLocalNeo4j(opts: LocalNeo4jOptions): Promise<LocalNeo4j> {
  const log = opts.log ?? (() => {});
  checkJava(opts.javaBin);
  const home = path.resolve(opts.home);
  fs.mkdirSync(home, { recursive: true });
  const runningFile = path.join(home, 'running.json');
  const passwordFile = path.join(home, 'password');

  if (fs.existsSync(runningFile)) {
    const info = JSON.parse(fs.readFileSync(runningFile, 'utf8')) as RunningInfo;
    if (pidAlive(info.pid) && (await portOpen(info.port))) {
      log(`Using the local Neo4j already running on bolt://127.0.0.1:${info.port} (pid ${info.pid})`);
      return {
        uri: `bolt://127.0.0.1:${info.port}`, user: 'neo4j', password: fs.readFileSync(passwordFile, 'utf8').trim(),
        reused: true, stop: async () => {},
      };
    }
    fs.rmSync(runningFile, { force: true });
  }

  const interrupted = interruptedLoadMessage(home);
  if (interrupted) throw new LocalNeo4jError(interrupted);
  const classPath = ensureLauncher(opts);
  if (await portOpen(opts.boltPort)) {
    throw new LocalNeo4jError(
      `Port ${opts.boltPort} on 127.0.0.1 is already in use by another program. Set NEO4J_BOLT_PORT to a free port, or NEO4J_URI to use that server.`,
    );
  }
  const args = [
    `-Xmx${opts.heap}`, `-Xms${opts.heap}`, ...JVM_FLAGS, '-cp', classPath, 'Launcher',
    home, String(opts.boltPort), String(opts.pagecacheMiB), String(opts.txTimeoutSeconds),
  ];
  const settingsFile = path.join(home, 'launcher-settings.conf');
  if (opts.settings && Object.keys(opts.settings).length) {
    for (const [k, v] of Object.entries(opts.settings)) {
      if (!/^[a-z][a-z0-9_.]*$/.test(k) || /[\r\n]/.test(v)) throw new LocalNeo4jError(`Not a Neo4j setting: ${JSON.stringify(k)}=${JSON.stringify(v)}`);
    }
    fs.writeFileSync(settingsFile, Object.entries(opts.settings).map(([k, v]) => `${k}=${v}\n`).join(''));
    args.push(settingsFile);
  } else {
    fs.rmSync(settingsFile, { force: true });
  }
  log(`Starting local Neo4j (data in ${home})...`);
  // stdin stays open as a lifeline: the launcher stops itself when this process dies.
  const child: ChildProcess = spawn(opts.javaBin ?? 'java', args, { stdio: ['pipe', 'pipe', 'pipe'] });
  child.stdin!.on('error', () => {});
  let output = '';
  const collect = (chunk: Buffer) => { output = (output + chunk.toString()).slice(-8000); };
  child.stdout!.on('data', collect);
  child.stderr!.on('data', collect);

  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let aborted = false;
  const onAbort = () => {
    aborted = true;
    child.kill('SIGTERM');
    setTimeout(() => child.kill('SIGKILL'), 60000).unref();
  };
  if (opts.signal?.aborted) onAbort();
  opts.signal?.addEventListener('abort', onAbort, { once: true });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new LocalNeo4jError(
        `The local Neo4j did not become ready within ${Math.round(opts.startTimeoutMs / 1000)} s: the machine may be busy; run it again, ` +
        `or allow longer with NEO4J_START_TIMEOUT_MS.\n${output.slice(-2000)}`,
      ));
    }, opts.startTimeoutMs);
    child.stdout!.on('data', () => {
      if (output.includes('READY bolt://')) { clearTimeout(timer); resolve(); }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      const locked = /store_lock|locked by another process/i.test(output);
      reject(new LocalNeo4jError(
        aborted
          ? 'Stopped while the local Neo4j was starting.'
          : locked
          ? `The data folder ${home} is in use by another Neo4j process. Stop it first, or set DATA_DIR to another folder.`
          : `The local Neo4j exited (code ${code}) before it was ready; its own log is ${path.join(home, 'logs/debug.log')}.\n${output.slice(-3000)}`,
      ));
    });
  });
  opts.signal?.removeEventListener('abort', onAbort);
  fs.writeFileSync(runningFile, JSON.stringify({ pid: child.pid!, port: opts.boltPort } satisfies RunningInfo));
  const password = fs.readFileSync(passwordFile, 'utf8').trim();
  log(`Local Neo4j ready on bolt://127.0.0.1:${opts.boltPort}`);

  let stopping: Promise<void> | undefined;
  return {
    uri: `bolt://127.0.0.1:${opts.boltPort}`,
    user: 'neo4j',
    password,
    reused: false,
    stop() {
      stopping ??= (async () => {
        if (child.exitCode === null) {
          child.kill('SIGTERM');
          const timeout = new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), 60000).unref());
          if ((await Promise.race([exited, timeout])) === 'timeout') child.kill('SIGKILL');
        }
        fs.rmSync(runningFile, { force: true });
      })();
      return stopping;
    },
  };
}
