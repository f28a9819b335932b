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

/** API + client over an already connected, migrated database. Used by main and by tests. */
export async function startApp(db: Db, config: Config): Promise<App & { services: Services }> {
  useAuditSeal(loadAuditSeal({ auditKey: config.auditKey, dataDir: config.dataDir })); // the audit key lives outside the database
  if (config.cursorKey) setCursorKey(config.cursorKey);
  const services = createServices(db, config);
  const app = await startHttp(services, await apiSchema(), { port: config.port, host: config.host });
  return { ...app, services };
}
