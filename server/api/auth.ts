import { Arg, Ctx as C, Mutation, Query, Resolver } from 'type-graphql';
import { appendAudit } from '../audit/trail.js';
import { checkCredentials, createSession, endSession } from '../auth/users.js';
import { DomainError, invalid } from '../domain/errors.js';
import { ROLE_PERMISSIONS, type Viewer } from '../domain/policy.js';
import type { Agencies } from '../graph/agencies.js';
import type { Ctx } from './context.js';
import { SessionInfo, ViewerInfo } from './types.js';

export const SESSION_COOKIE = 'ig_session';

export function viewerInfo(v: Viewer & { displayName: string }, agencies: Agencies): ViewerInfo {
  return {
    id: v.userId, username: v.username, displayName: v.displayName, role: v.role, clearance: v.clearance,
    agency: v.agency, agencyName: agencies.desk(v.agency).name, compartments: [...v.compartments],
    permissions: [...ROLE_PERMISSIONS[v.role]],
  };
}

@Resolver()
export class AuthResolver {
  @Query(() => ViewerInfo, { nullable: true, description: 'The signed-in user, or null' })
  async me(@C() ctx: Ctx): Promise<ViewerInfo | null> {
    if (!ctx.viewer) return null;
    await ctx.services.agencies.refresh();
    return viewerInfo(ctx.viewer, ctx.services.agencies);
  }

  @Mutation(() => SessionInfo)
  async signIn(@Arg('username', () => String) username: string, @Arg('password', () => String) password: string, @C() ctx: Ctx): Promise<SessionInfo> {
    const { db, signInLimiter, config, agencies } = ctx.services;
    ctx.audited = true;
    if (username.length > 100 || password.length > 200) throw invalid('username', 'Username or password too long');
    // Decided before the password is checked, on keys that do not depend on whether the account exists.
    const attempt = signInLimiter.attempt(username, ctx.ip);
    if (attempt.limited) {
      const limited = attempt.limited;
      await appendAudit(db, { actor: username, op: 'signIn', outcome: 'denied', detail: `rate limited (${limited.kind})` });
      const which = limited.kind === 'account' ? 'for this username' : 'from this address';
      throw new DomainError('RATE_LIMITED', `Too many failed sign-ins ${which}: try again in ${limited.wait} s`, undefined, { retryAfter: limited.wait, limit: limited.kind });
    }
    // An unknown user, a disabled one and a wrong password take the same path and the same answer.
    const viewer = await checkCredentials(db, username.toLowerCase(), password);
    if (!viewer) {
      await appendAudit(db, { actor: username, op: 'signIn', outcome: 'denied', detail: 'wrong username or password' });
      throw new DomainError('UNAUTHENTICATED', 'Wrong username or password');
    }
    attempt.succeeded();
    const session = await createSession(db, viewer.userId, config.sessionTtlMinutes);
    ctx.res?.cookie(SESSION_COOKIE, session.token, {
      httpOnly: true, sameSite: 'strict', secure: config.secureCookies, path: '/', expires: new Date(session.expiresAt),
    });
    await appendAudit(db, { actor: viewer.username, agency: viewer.agency, op: 'signIn', outcome: 'ok' });
    await agencies.refresh();
    return { token: session.token, expiresAt: session.expiresAt, viewer: viewerInfo(viewer, agencies) };
  }

  @Mutation(() => Boolean)
  async signOut(@C() ctx: Ctx): Promise<boolean> {
    if (!ctx.viewer) throw new DomainError('UNAUTHENTICATED', 'Sign in first');
    if (ctx.token) await endSession(ctx.services.db, ctx.token);
    ctx.res?.clearCookie(SESSION_COOKIE, { path: '/' });
    return true;
  }
}
