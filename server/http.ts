import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import cookieParser from 'cookie-parser';
import { bookmarkMiddleware } from './db/causal.js';
import { DomainError } from './domain/errors.js';
import express from 'express';
import { GraphQLError, Kind, visit, type DocumentNode, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import helmet from 'helmet';
import { SESSION_COOKIE } from './api/auth.js';
import type { Ctx, Services } from './api/context.js';
import { formatError } from './api/errors.js';
import { AnonymousAuditLimit, declaredArgs, declaredRootFields, instrumentRootFields, requestAudit } from './audit/request.js';
import { appendAudit } from './audit/trail.js';
import { sessionViewer } from './auth/users.js';
import { cypher } from './db/db.js';
import { MAX_JSON_DEPTH, nestsDeeperThan } from './domain/validate.js';

/** Limits on the shape of a query: depth, aliases, cost, directives, tokens. */
export const LIMITS = { maxDepth: 10, maxAliases: 15, maxCost: 20000, maxDirectives: 20, maxTokens: 2000 } as const;

function asksIntrospection(doc: DocumentNode): boolean {
  let found = false;
  visit(doc, { Field(node) { if (node.name.value === '__schema' || node.name.value === '__type') found = true; } });
  return found;
}

/** The operation a request names (or its only one): for requests that failed before it was resolved. */
function namedOperation(doc: DocumentNode | undefined, name: string | null | undefined): OperationDefinitionNode | undefined {
  const ops = (doc?.definitions ?? []).filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  return name ? ops.find((o) => o.name?.value === name) : ops.length === 1 ? ops[0] : undefined;
}

/** What an event calls the request: the root fields that ran, else (nothing ran) those the document asked for. */
function rootFields(executed: string[], doc: DocumentNode | undefined): string {
  if (executed.length) return [...new Set(executed)].join(',');
  if (!doc) return 'invalid-request';
  return doc.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION).map((d) => declaredRootFields(d)).join(',') || 'introspection';
}

function auditArgs(op: OperationDefinitionNode | undefined, request: { operationName?: string | null; variables?: Record<string, unknown> }, anonymous: boolean): Record<string, unknown> {
  try {
    return declaredArgs(op, request.operationName, request.variables, anonymous);
  } catch {
    return { operationName: null, unrecordable: true }; // a request must never make its own audit fail
  }
}

const tooMany = () => new GraphQLError('Too many requests without signing in: try again in a minute', { extensions: { code: 'RATE_LIMITED', http: { status: 429 } } });

function plugins(services: Services): ApolloServerPlugin<Ctx>[] {
  const anonymous = new AnonymousAuditLimit(services.config.auditAnonPerMinute);
  return [
    ApolloServerPluginCacheControlDisabled(),
    {
      async requestDidStart() {
        let limit: ReturnType<AnonymousAuditLimit['take']> | undefined;
        return {
          async didResolveOperation({ document, operation, request, contextValue }) {
            if (!contextValue.viewer) {
              // Anonymous callers write to the trail too: bounded per address before anything runs.
              limit = anonymous.take(contextValue.ip);
              if (limit !== 'ok') throw tooMany();
              if (asksIntrospection(document)) {
                throw new GraphQLError('Introspection needs a signed-in user', { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
              }
            }
            requestAudit(contextValue).args = auditArgs(operation, request, !contextValue.viewer);
          },
          async willSendResponse({ response, contextValue, document, operation, request, errors }) {
            const body = response.body.kind === 'single' ? response.body.singleResult : undefined;
            const codes = (body?.errors ?? []).map((e) => e.extensions?.code as string);
            if (codes.includes('DATABASE_UNAVAILABLE')) response.http.status = 503;
            const audit = requestAudit(contextValue);
            // signIn audits itself; it hides nothing that ran beside it (those fields are listed below).
            if (audit.executed.length && audit.executed.every((f) => f === 'signIn')) return;
            if (!document && !errors?.length) return;
            if (!contextValue.viewer && limit === undefined) limit = anonymous.take(contextValue.ip); // failed before it was resolved
            if (limit === 'refuse') return;
            if (limit === 'first-refusal' && body && !codes.includes('RATE_LIMITED')) {
              body.data = null;
              body.errors = [{ message: tooMany().message, extensions: { code: 'RATE_LIMITED' } }];
              response.http.status = 429;
            }
            const denied = codes.some((c) => c === 'FORBIDDEN' || c === 'UNAUTHENTICATED');
            const op = namedOperation(document, request.operationName) ?? operation ?? undefined;
            try {
              await appendAudit(services.db, {
                actor: contextValue.viewer?.username ?? 'anonymous',
                agency: contextValue.viewer?.agency,
                op: limit === 'first-refusal' ? 'rateLimited' : rootFields(audit.executed, document),
                outcome: limit === 'first-refusal' || denied ? 'denied' : codes.length ? 'error' : 'ok',
                args: limit === 'first-refusal' ? { perMinute: services.config.auditAnonPerMinute }
                  : Object.keys(audit.args).length ? audit.args : auditArgs(document ? op : undefined, request, !contextValue.viewer),
                resultIds: [...contextValue.seen].sort(), // a set: sorted, so its order says nothing about how records are stored
                detail: [codes.join(','), contextValue.auditDetail ?? '', audit.intents.length ? `intent=${audit.intents.join(',')}` : ''].filter(Boolean).join(' '),
              });
            } catch (e) {
              // An unauditable answer is not sent (a mutation's write-ahead event is already committed).
              if (body) {
                body.data = null;
                body.errors = [{ message: 'The database is unavailable; try again shortly.', extensions: { code: 'DATABASE_UNAVAILABLE' } }];
              }
              response.http.status = 503;
              if (!/unavailable/i.test(String((e as Error).message))) console.error('audit write failed', e);
            }
          },
        };
      },
    },
  ];
}

/** A body nested deeper than any request needs is refused before GraphQL or a resolver walks it. */
function refuseDeepJson(req: express.Request, res: express.Response, next: express.NextFunction): void {
  // A GET carries its variables and extensions as JSON text in the query string.
  const inQuery = req.method === 'GET' ? [req.query.variables, req.query.extensions].map(parsedOrNull) : [];
  if (![req.body, ...inQuery].some((v) => nestsDeeperThan(v, MAX_JSON_DEPTH))) return next();
  res.status(400).json({ errors: [{ message: `The request's JSON is nested too deeply (more than ${MAX_JSON_DEPTH} levels)`, extensions: { code: 'BAD_REQUEST' } }] });
}

const parsedOrNull = (v: unknown): unknown => {
  try {
    return typeof v === 'string' ? JSON.parse(v) : null;
  } catch {
    return null; // malformed: Apollo answers it
  }
};

export interface App {
  server: http.Server;
  url: string;
  close(): Promise<void>;
}

export async function startHttp(services: Services, schema: GraphQLSchema, opts: { port: number; host: string }): Promise<App> {
  const armor = new ApolloArmor({
    maxDepth: { n: LIMITS.maxDepth },
    maxAliases: { n: LIMITS.maxAliases },
    costLimit: { maxCost: LIMITS.maxCost },
    maxDirectives: { n: LIMITS.maxDirectives },
    maxTokens: { enabled: false }, // enforced by the parser below: armor's plugin answers every syntax error with a 500
    blockFieldSuggestion: { enabled: true },
  });
  const protection = armor.protect();
  instrumentRootFields(schema); // every root field records itself as it runs; mutations write ahead
  const apollo = new ApolloServer<Ctx>({
    ...protection,
    schema,
    introspection: true, // anonymous introspection is refused by the plugin above
    csrfPrevention: true,
    stopOnTerminationSignals: false, // main.ts owns shutdown order: HTTP, then driver, then Neo4j
    parseOptions: { maxTokens: LIMITS.maxTokens },
    includeStacktraceInErrorResponses: false,
    plugins: [...protection.plugins, ...plugins(services)],
    validationRules: [...protection.validationRules],
    formatError: (f, e) => formatError(f, e, (err) => console.error('internal error:', err)),
  });
  await apollo.start();

  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', services.config.trustProxy); // TRUST_PROXY: by default the socket address, never a header
  app.use(helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"], imgSrc: ["'self'", 'data:', 'blob:'], styleSrc: ["'self'", "'unsafe-inline'"],
        scriptSrc: ["'self'"], connectSrc: ["'self'"], workerSrc: ["'self'", 'blob:'], objectSrc: ["'none'"], frameAncestors: ["'none'"],
      },
    },
    crossOriginEmbedderPolicy: false,
  }));
  app.get('/healthz', (_req, res) => { res.json({ status: 'ok' }); });
  app.get('/readyz', async (_req, res) => {
    try {
      await services.db.read(cypher('RETURN 1 AS ok'), 3000);
      res.json({ status: 'ready' });
    } catch {
      res.status(503).json({ status: 'database unavailable' });
    }
  });
  app.use('/graphql',
    express.json({ limit: services.config.maxBodyBytes }),
    refuseDeepJson,
    cookieParser(),
    bookmarkMiddleware(),
    expressMiddleware(apollo, {
      context: async ({ req, res }): Promise<Ctx> => {
        const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
        const token = bearer ?? (req.cookies?.[SESSION_COOKIE] as string | undefined);
        const ctx: Ctx = { services, ip: req.ip ?? 'unknown', req, res, seen: new Set() };
        if (token && token.length < 200) {
          try {
            const s = await sessionViewer(services.db, token, services.config.sessionCacheMs);
            ctx.viewer = s.viewer;
            ctx.sessionExpired = s.expired;
            ctx.token = token;
          } catch (e) {
            if (e instanceof DomainError && e.field === 'bookmark') throw new GraphQLError(e.message, { extensions: { code: 'VALIDATION', field: 'bookmark', http: { status: 400 } } });
            throw new GraphQLError('The database is unavailable; try again shortly.', { extensions: { code: 'DATABASE_UNAVAILABLE', http: { status: 503 } }, originalError: e as Error });
          }
        }
        return ctx;
      },
    }));
  // Body too large or malformed JSON: a clear JSON error rather than an HTML page.
  app.use((err: { type?: string; status?: number; message?: string }, _req: express.Request, res: express.Response, next: express.NextFunction) => {
    if (err?.type === 'entity.too.large') return void res.status(413).json({ errors: [{ message: `Request body too large (limit ${services.config.maxBodyBytes} bytes)`, extensions: { code: 'PAYLOAD_TOO_LARGE' } }] });
    if (err?.type === 'entity.parse.failed') return void res.status(400).json({ errors: [{ message: 'Malformed JSON body', extensions: { code: 'BAD_REQUEST' } }] });
    next(err);
  });

  const clientDir = services.config.clientDir;
  if (fs.existsSync(path.join(clientDir, 'index.html'))) {
    app.use(express.static(clientDir, { index: false, maxAge: '1h' }));
    app.get(/^\/(?!graphql).*/, (_req, res) => { res.sendFile(path.join(clientDir, 'index.html')); });
  } else {
    app.get('/', (_req, res) => { res.type('text').send('The client is not built: run `npm run build`.'); });
  }

  const server = http.createServer(app);
  server.requestTimeout = 120_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host, () => resolve());
  });
  const addr = server.address() as { port: number };
  return {
    server,
    url: `http://${opts.host === '0.0.0.0' ? '127.0.0.1' : opts.host}:${addr.port}`,
    async close() {
      // Stop accepting, drop idle keep-alive sockets now and busy ones after a grace period,
      // so a shutdown never waits on a client that keeps its connection open.
      const closed = new Promise<void>((r) => server.close(() => r()));
      server.closeIdleConnections();
      const force = setTimeout(() => server.closeAllConnections(), 3000);
      force.unref();
      await closed;
      clearTimeout(force);
      await apollo.stop();
    },
  };
}
