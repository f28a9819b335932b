import type { Request, Response } from 'express';
import type { SignInLimiter } from '../auth/rateLimit.js';
import type { Config } from '../config.js';
import type { Db } from '../graph/shown.js';
import { DomainError, forbidden } from '../domain/errors.js';
import { can, type Permission, type Viewer } from '../domain/policy.js';
import type { Agencies } from '../graph/agencies.js';
import type { AlertDelivery } from '../graph/watches.js';
import type { Seen } from '../graph/slice.js';

/** What every resolver gets: the database, shared services and who is asking. */
export interface Services {
  db: Db;
  config: Config;
  agencies: Agencies;
  signInLimiter: SignInLimiter;
  /** Delivers watch alerts from the change feed (started by the app; `flush` delivers what is pending now). */
  alerts: AlertDelivery;
}

export interface Ctx {
  services: Services;
  viewer?: Viewer & { displayName: string };
  sessionExpired?: boolean;
  token?: string;
  ip: string;
  req?: Request;
  res?: Response;
  /** Real ids of records returned in full or shared form: written to the audit trail. */
  seen: Seen;
  /** Set by resolvers that audit themselves (sign-in), so the generic audit does not double up. */
  audited?: boolean;
  auditDetail?: string;
}

export function requireViewer(ctx: Ctx, permission: Permission = 'read'): Viewer & { displayName: string } {
  if (!ctx.viewer) {
    throw new DomainError('UNAUTHENTICATED', ctx.sessionExpired ? 'Your session has expired: sign in again' : 'Sign in first');
  }
  if (!can(ctx.viewer, permission)) throw forbidden(`Your role (${ctx.viewer.role}) does not allow ${permission}`);
  return ctx.viewer;
}
