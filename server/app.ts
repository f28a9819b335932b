import type { GraphQLSchema } from 'graphql';
import { buildApiSchema } from './api/schema.js';
import type { Services } from './api/context.js';
import { AttemptLimiter } from './auth/rateLimit.js';
import type { Config } from './config.js';
import type { Db } from './db/db.js';
import { Agencies } from './graph/agencies.js';
import { startHttp, type App } from './http.js';

let schemaPromise: Promise<GraphQLSchema> | undefined;
/** The schema is the same for every app in a process; build it once. */
export const apiSchema = () => (schemaPromise ??= buildApiSchema());

export function createServices(db: Db, config: Config): Services {
  return { db, config, agencies: new Agencies(db), signInLimiter: new AttemptLimiter(5, 5 * 60_000) };
}

/** API + client over an already connected, migrated database. Used by main and by tests. */
export async function startApp(db: Db, config: Config): Promise<App & { services: Services }> {
  const services = createServices(db, config);
  const app = await startHttp(services, await apiSchema(), { port: config.port, host: config.host });
  return { ...app, services };
}
