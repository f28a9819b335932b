import { setStubKey } from './domain/policy.js';
import { setBookmarkKey } from './db/causal.js';
import type { GraphQLSchema } from 'graphql';
import { buildApiSchema } from './api/schema.js';
import { loadAuditSeal } from './audit/seal.js';
import { useAuditSeal } from './audit/trail.js';
import type { Services } from './api/context.js';
import { SignInLimiter } from './auth/rateLimit.js';
import type { Config } from './config.js';
import type { Db } from './db/db.js';
import { Agencies } from './graph/agencies.js';
import { AlertDelivery } from './graph/watches.js';
import { setCursorKey } from './graph/entities.js';
import { startHttp, type App } from './http.js';

let schemaPromise: Promise<GraphQLSchema> | undefined;
/** The schema is the same for every app in a process; build it once. */
export const apiSchema = () => (schemaPromise ??= buildApiSchema());

export function createServices(db: Db, config: Config): Services {
  const agencies = new Agencies(db);
  // Its own directory: delivery reads it afresh each round and must not decide when requests' copy is reloaded.
  const alerts = new AlertDelivery(db, new Agencies(db), config.alertPollMs || 1000, (e) => {
    // Delivery is retried on the next round; a failure must not go unseen.
    console.error(`alert delivery: ${e instanceof Error ? e.message : String(e)} (retried)`);
  });
  return { db, config, agencies, signInLimiter: new SignInLimiter(), alerts };
}

/**
 * Loads the audit chain's key (AUDIT_KEY, else DATA_DIR/audit.key, made on first use): every writer
 * of the trail needs it, the seed and the CLIs included, so entry points call this before any write.
 */
export function prepareAudit(config: Config): void {
  const seal = loadAuditSeal({ auditKey: config.auditKey, dataDir: config.dataDir });
  useAuditSeal(seal);
  // Stub references and list cursors must read the same in every process and after a restart:
  // derived from the same secret (each under its own label), unless CURSOR_KEY names its own.
  setStubKey(seal.key);
  setCursorKey(config.cursorKey ?? seal.key);
  setBookmarkKey(seal.key);
}

/** API + client over an already connected, migrated database. Used by main and by tests. */
export async function startApp(db: Db, config: Config): Promise<App & { services: Services }> {
  prepareAudit(config);
  const services = createServices(db, config);
  const app = await startHttp(services, await apiSchema(), { port: config.port, host: config.host });
  if (config.alertPollMs > 0) services.alerts.start();
  return { ...app, services, async close() { await services.alerts.stop(); await app.close(); } };
}
