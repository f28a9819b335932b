import { isIP } from 'node:net';
import path from 'node:path';

/** Every setting of the platform, parsed and validated once. Only entry points pass `process.env` in. */
export interface Config {
  port: number;
  host: string;
  dataDir: string;
  /** Set: use this Neo4j and start nothing. Unset: run the local (embedded) Neo4j. */
  neo4jUri?: string;
  neo4jUser: string;
  neo4jPassword?: string;
  local: {
    boltPort: number;
    heap: string;
    pagecacheMiB: number;
    txTimeoutSeconds: number;
    startTimeoutMs: number;
  };
  seedOnEmpty: boolean;
  seedSize: 'demo' | 'medium' | 'large';
  sessionTtlMinutes: number;
  /** How long a checked session is trusted without reading it again (0: read on every request). */
  sessionCacheMs: number;
  /** ALERT_POLL_MS: how often this process delivers pending watch alerts (0: it delivers none; another process does). */
  alertPollMs: number;
  /** Stack traces in the server log mapped to TypeScript lines. */
  sourceMaps: boolean;
  queryTimeoutMs: number;
  /**
   * Budget of one transaction of bulk work (seed, imports, migrations), which never uses the
   * interactive QUERY_TIMEOUT_MS; doubled on each retry after a timeout.
   */
  bulkTxTimeoutMs: number;
  /** How long bulk work keeps retrying one transaction through transient failures. */
  bulkRetryForMs: number;
  /** Investigation runs one user may have in progress at once (per API instance). */
  maxConcurrentQueriesPerUser: number;
  maxGraphNodes: number;
  maxBodyBytes: number;
  secureCookies: boolean;
  clientDir: string;
  logRequests: boolean;
  /** AUDIT_KEY: the audit chain's HMAC key (at least 32 characters); unset: `<dataDir>/audit.key`, made on first start. */
  auditKey?: string;
  /** CURSOR_KEY: seals list cursors (unset: derived from the audit key, so every process of a deployment shares it). */
  cursorKey?: string;
  /** Audit events anonymous callers may cause per address per minute (beyond: refused, 429). */
  auditAnonPerMinute: number;
  /**
   * Which proxies' X-Forwarded-For is believed for the client address (sign-in limits, audit):
   * false (the default) uses the socket address; a number trusts that many proxy hops; a list
   * trusts proxies at those addresses or subnets (Express "trust proxy" names allowed).
   */
  trustProxy: false | number | string[];
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid settings:\n  - ${problems.join('\n  - ')}`);
  }
}

type Env = Record<string, string | undefined>;

/**
 * TRUST_PROXY: unset, "false" or 0 trusts no proxy header; a whole number of hops; or a comma
 * list of proxy addresses, subnets (CIDR) or the names loopback, linklocal, uniquelocal.
 * "true" is refused: it would believe the left-most address, which any client can write.
 */
function trustProxy(raw: string | undefined, problems: string[]): Config['trustProxy'] {
  const v = raw?.trim();
  if (!v || /^(false|no|off)$/i.test(v)) return false;
  if (/^\d+$/.test(v)) {
    const n = Number(v);
    if (n > 10) problems.push(`TRUST_PROXY=${JSON.stringify(raw)}: at most 10 proxy hops`);
    return n === 0 ? false : n;
  }
  const list = v.split(',').map((x) => x.trim()).filter(Boolean);
  const ok = (x: string) => {
    if (['loopback', 'linklocal', 'uniquelocal'].includes(x)) return true;
    const [addr = '', bits, more] = x.split('/');
    if (more !== undefined || !isIP(addr)) return false;
    if (bits === undefined) return true;
    const n = Number(bits);
    return /^\d+$/.test(bits) && n <= (isIP(addr) === 4 ? 32 : 128);
  };
  const bad = list.filter((x) => !ok(x));
  if (bad.length || !list.length) {
    problems.push(`TRUST_PROXY=${JSON.stringify(raw)}: expected false, a number of proxy hops, or a comma list of proxy addresses, subnets or loopback/linklocal/uniquelocal`);
    return false;
  }
  return list;
}

export function loadConfig(env: Env, cwd = process.cwd()): Config {
  const problems: string[] = [];
  const int = (name: string, def: number, min: number, max: number): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') return def;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min || n > max) {
      problems.push(`${name}=${JSON.stringify(raw)}: expected a whole number from ${min} to ${max}`);
      return def;
    }
    return n;
  };
  const bool = (name: string, def: boolean): boolean => {
    const raw = env[name];
    if (raw === undefined || raw === '') return def;
    if (/^(1|true|yes|on)$/i.test(raw)) return true;
    if (/^(0|false|no|off)$/i.test(raw)) return false;
    problems.push(`${name}=${JSON.stringify(raw)}: expected true or false`);
    return def;
  };
  const oneOf = <T extends string>(name: string, def: T, allowed: readonly T[]): T => {
    const raw = env[name];
    if (raw === undefined || raw === '') return def;
    if (!(allowed as readonly string[]).includes(raw)) {
      problems.push(`${name}=${JSON.stringify(raw)}: expected one of ${allowed.join(', ')}`);
      return def;
    }
    return raw as T;
  };

  const neo4jUri = env.NEO4J_URI || undefined;
  if (neo4jUri && !/^(neo4j|bolt)(\+s|\+ssc)?:\/\/[^\s]+$/.test(neo4jUri)) {
    problems.push(`NEO4J_URI=${JSON.stringify(neo4jUri)}: expected a bolt:// or neo4j:// URI`);
  }
  const heap = env.NEO4J_HEAP || '1g';
  if (!/^\d+[mg]$/i.test(heap)) problems.push(`NEO4J_HEAP=${JSON.stringify(heap)}: expected a size such as 1g or 1536m`);
  const host = env.HOST || '127.0.0.1';

  const config: Config = {
    port: int('PORT', 4000, 0, 65535),
    host,
    dataDir: path.resolve(cwd, env.DATA_DIR || 'data'),
    neo4jUri,
    neo4jUser: env.NEO4J_USER || 'neo4j',
    neo4jPassword: env.NEO4J_PASSWORD || undefined,
    local: {
      boltPort: int('NEO4J_BOLT_PORT', 7697, 1024, 65535),
      heap,
      pagecacheMiB: int('NEO4J_PAGECACHE_MB', 1024, 16, 16384),
      txTimeoutSeconds: int('NEO4J_TX_TIMEOUT_S', 120, 0, 86400),
      startTimeoutMs: int('NEO4J_START_TIMEOUT_MS', 180000, 1000, 1800000),
    },
    seedOnEmpty: bool('SEED_ON_EMPTY', true),
    seedSize: oneOf('SEED_SIZE', 'demo', ['demo', 'medium', 'large'] as const),
    sessionTtlMinutes: int('SESSION_TTL_MINUTES', 480, 1, 10080),
    sessionCacheMs: int('SESSION_CACHE_MS', 5000, 0, 60000),
    alertPollMs: int('ALERT_POLL_MS', 1000, 0, 600000),
    queryTimeoutMs: int('QUERY_TIMEOUT_MS', 15000, 100, 600000),
    bulkTxTimeoutMs: int('BULK_TX_TIMEOUT_MS', 600000, 1000, 86400000),
    bulkRetryForMs: int('BULK_RETRY_FOR_MS', 900000, 0, 86400000),
    maxConcurrentQueriesPerUser: int('MAX_CONCURRENT_QUERIES_PER_USER', 2, 1, 100),
    maxGraphNodes: int('MAX_GRAPH_NODES', 2000, 10, 100000),
    maxBodyBytes: int('MAX_BODY_BYTES', 1_000_000, 1000, 100_000_000),
    secureCookies: bool('SECURE_COOKIES', false),
    clientDir: path.resolve(cwd, env.CLIENT_DIR || 'dist/client'),
    logRequests: bool('LOG_REQUESTS', false),
    auditKey: env.AUDIT_KEY || undefined,
    cursorKey: env.CURSOR_KEY || undefined,
    auditAnonPerMinute: int('AUDIT_ANON_PER_MINUTE', 120, 1, 100000),
    sourceMaps: bool('SOURCE_MAPS', false),
    trustProxy: trustProxy(env.TRUST_PROXY, problems),
  };
  if (config.auditKey && config.auditKey.length < 32) problems.push('AUDIT_KEY must have at least 32 characters');
  if (config.cursorKey && config.cursorKey.length < 32) problems.push('CURSOR_KEY must have at least 32 characters');
  if (neo4jUri && !config.neo4jPassword) problems.push('NEO4J_PASSWORD must be set when NEO4J_URI is set');
  if (problems.length) throw new ConfigError(problems);
  return config;
}
