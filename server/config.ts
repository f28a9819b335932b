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
  /** Stack traces in the server log mapped to TypeScript lines. */
  sourceMaps: boolean;
  queryTimeoutMs: number;
  maxGraphNodes: number;
  maxBodyBytes: number;
  secureCookies: boolean;
  clientDir: string;
  logRequests: boolean;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid settings:\n  - ${problems.join('\n  - ')}`);
  }
}

type Env = Record<string, string | undefined>;

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
    queryTimeoutMs: int('QUERY_TIMEOUT_MS', 15000, 100, 600000),
    maxGraphNodes: int('MAX_GRAPH_NODES', 2000, 10, 100000),
    maxBodyBytes: int('MAX_BODY_BYTES', 1_000_000, 1000, 100_000_000),
    secureCookies: bool('SECURE_COOKIES', false),
    clientDir: path.resolve(cwd, env.CLIENT_DIR || 'dist/client'),
    logRequests: bool('LOG_REQUESTS', false),
    sourceMaps: bool('SOURCE_MAPS', false),
  };
  if (neo4jUri && !config.neo4jPassword) problems.push('NEO4J_PASSWORD must be set when NEO4J_URI is set');
  if (problems.length) throw new ConfigError(problems);
  return config;
}
