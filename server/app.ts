import type { GraphQLSchema } from 'graphql';
import { buildApiSchema } from './api/schema.js';
import { loadAuditSeal } from './audit/seal.js';
import { useAuditSeal } from './audit/trail.js';
import type { Services } from './api/context.js';
import { SignInLimiter } from './auth/rateLimit.js';
import type { Config } from './config.js';
import type { Db } from './db/db.js';
import { Agencies } from './graph/agencies.js';
import { setCursorKey } from './graph/entities.js';
import { startHttp, type App } from './http.js';

let schemaPromise: Promise<GraphQLSchema> | undefined;
/** The schema is the same for every app in a process; build it once. */
export const apiSchema = () => (schemaPromise ??= buildApiSchema());

export function createServices(db: Db, config: Config): Services {
  return { db, config, agencies: new Agencies(db), signInLimiter: new SignInLimiter() };
}

/**
 * Loads the audit chain's key (AUDIT_KEY, else DATA_DIR/audit.key, made on first use): every writer
 * of the trail needs it, the seed and the CLIs included, so entry points call this before any write.
 */
export function prepareAudit(config: Config): void {
  useAuditSeal(loadAuditSeal({ auditKey: config.auditKey, dataDir: config.dataDir }));
}

/** API + client over an already connected, migrated database. Used by main and by tests. */
export async function startApp(db: Db, config: Config): Promise<App & { services: Services }> {
  prepareAudit(config);
  if (config.cursorKey) setCursorKey(config.cursorKey);
  const services = createServices(db, config);
  const app = await startHttp(services, await apiSchema(), { port: config.port, host: config.host });
  return { ...app, services };
}
