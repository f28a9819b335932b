import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import cookieParser from 'cookie-parser';
import express from 'express';
import { GraphQLError, Kind, visit, type DocumentNode, type GraphQLSchema } from 'graphql';
import helmet from 'helmet';
import { SESSION_COOKIE } from './api/auth.js';
import type { Ctx, Services } from './api/context.js';
import { formatError } from './api/errors.js';
import { appendAudit, hashArg } from './audit/trail.js';
import { sessionViewer } from './auth/users.js';
import { cypher } from './db/db.js';

/** Limits on the shape of a query: depth, aliases, cost, directives, tokens. */
export const LIMITS = { maxDepth: 10, maxAliases: 15, maxCost: 20000, maxDirectives: 20, maxTokens: 2000 } as const;

const SENSITIVE_ARG = /password|text|query|cypher|sanitised|justification|notes/i;

function auditArgs(vars: Record<string, unknown> | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(vars ?? {})) {
    if (/password/i.test(k)) continue; // never recorded, not even hashed
    out[k] = SENSITIVE_ARG.test(k) || (typeof v === 'object' && v !== null) ? hashArg(v) : v;
  }
  return out;
}

function asksIntrospection(doc: DocumentNode): boolean {
  let found = false;
  visit(doc, { Field(node) { if (node.name.value === '__schema' || node.name.value === '__type') found = true; } });
  return found;
}

function rootFields(doc: DocumentNode): string {
  const names: string[] = [];
  for (const def of doc.definitions) {
    if (def.kind === Kind.OPERATION_DEFINITION) {
      for (const sel of def.selectionSet.selections) if (sel.kind === Kind.FIELD && !sel.name.value.startsWith('__')) names.push(sel.name.value);
    }
  }
  return names.join(',') || 'introspection';
}

function plugins(services: Services): ApolloServerPlugin<Ctx>[] {
  return [
    ApolloServerPluginCacheControlDisabled(),
    {
      async requestDidStart() {
        return {
          async didResolveOperation({ document, contextValue }) {
            if (!contextValue.viewer && asksIntrospection(document)) {
              throw new GraphQLError('Introspection needs a signed-in user', { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
            }
          },
          async willSendResponse({ response, contextValue, document, request, errors }) {
            const body = response.body.kind === 'single' ? response.body.singleResult : undefined;
            const codes = (body?.errors ?? []).map((e) => e.extensions?.code as string);
            if (codes.includes('DATABASE_UNAVAILABLE')) response.http.status = 503;
            if (contextValue.audited && document && rootFields(document) === 'signIn') return; // signIn audits itself, never what travels with it
            if (!document && !errors?.length) return;
            const denied = codes.some((c) => c === 'FORBIDDEN' || c === 'UNAUTHENTICATED');
            const op = document ? rootFields(document) : 'invalid-request';
            try {
              await appendAudit(services.db, {
                actor: contextValue.viewer?.username ?? 'anonymous',
                agency: contextValue.viewer?.agency,
                op,
                outcome: denied ? 'denied' : codes.length ? 'error' : 'ok',
                args: { operationName: request.operationName ?? null, ...(document && !/password/i.test(request.query ?? '') ? auditArgs(request.variables) : {}) }, // a password may sit in a variable of any name
                resultIds: [...contextValue.seen],
                detail: [codes.join(','), contextValue.auditDetail ?? ''].filter(Boolean).join(' '),
              });
            } catch (e) {
              // An unauditable answer is not sent.
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
  app.set('trust proxy', 'loopback');
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
    cookieParser(),
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
