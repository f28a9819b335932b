import net from 'node:net';

/**
 * Failed attempts per key in a sliding window. Held in process: with several API instances each
 * enforces its own windows, which still bounds guessing per instance.
 */
export class AttemptLimiter {
  private readonly attempts = new Map<string, number[]>();
  constructor(readonly max: number, readonly windowMs: number, private readonly maxKeys = 100_000) {}

  /** Returns seconds to wait, or 0 when another attempt is allowed now. */
  retryAfter(key: string, now = Date.now()): number {
    const list = this.live(key, now);
    if (list.length < this.max) return 0;
    return Math.max(1, Math.ceil((this.windowMs - (now - list[list.length - this.max]!)) / 1000));
  }

  fail(key: string, now = Date.now()): void {
    const list = this.attempts.get(key)?.filter((t) => now - t < this.windowMs) ?? [];
    list.push(now);
    if (list.length > this.max) list.splice(0, list.length - this.max); // only the newest max matter
    // Re-inserted so that the Map's order is least recently failed first (see prune).
    this.attempts.delete(key);
    this.attempts.set(key, list);
    if (this.attempts.size > this.maxKeys) this.prune(now);
  }

  reset(key: string): void {
    this.attempts.delete(key);
  }

  /** Takes back one attempt recorded at `at` (an attempt that turned out not to be a failure). */
  forget(key: string, at: number): void {
    const list = this.attempts.get(key);
    const i = list?.lastIndexOf(at) ?? -1;
    if (i < 0) return;
    list!.splice(i, 1);
    if (!list!.length) this.attempts.delete(key);
  }

  private live(key: string, now: number): number[] {
    const list = (this.attempts.get(key) ?? []).filter((t) => now - t < this.windowMs);
    if (list.length) this.attempts.set(key, list);
    else this.attempts.delete(key);
    return list;
  }

  /**
   * Bounds memory under a spray of many keys: expired windows go first, then the least recently
   * failed keys. Never a wholesale clear, which would let a spray wipe the window of the account
   * or address it targets: dropping a live window takes more than maxKeys other keys failing
   * within one window, which the per-address limit makes costly.
   */
  private prune(now: number): void {
    for (const [k, list] of this.attempts) if (now - list[list.length - 1]! >= this.windowMs) this.attempts.delete(k);
    for (const k of this.attempts.keys()) {
      if (this.attempts.size <= this.maxKeys * 0.9) break;
      this.attempts.delete(k);
    }
  }
}

/**
 * The address a limit is kept for: IPv4 as is (IPv4-mapped IPv6 unwrapped), IPv6 by its /64,
 * since one client commonly holds a whole /64 and could otherwise take a fresh address per attempt.
 */
export function addressKey(ip: string): string {
  const v4 = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip)?.[1];
  if (v4) return v4;
  if (net.isIPv6(ip)) {
    const [head = '', tail = ''] = ip.split('%')[0]!.split('::');
    const h = head ? head.split(':') : [];
    const t = tail ? tail.split(':') : [];
    const full = ip.includes('::') ? [...h, ...Array(8 - h.length - t.length).fill('0'), ...t] : h;
    return `${full.slice(0, 4).map((x) => x.toLowerCase().replace(/^0+(?=.)/, '')).join(':')}::/64`;
  }
  return ip;
}

export type LimitKind = 'account' | 'address';

/**
 * Sign-in limits, counted on failures only and decided before the password is checked:
 * - per account: failures on one username from any address (stops guessing spread over many addresses);
 * - per account and address: a tighter window, so one address cannot use up an account's allowance alone;
 * - per address: failures from one address on any usernames (stops spraying one password over many accounts).
 * Keys never depend on whether the account exists, so an unknown username is limited exactly like a
 * known one. A success clears its own account-and-address window and takes back only its own
 * attempt from the other two: a caller holding one valid account cannot reset the per-address
 * count with it.
 */
export class SignInLimiter {
  readonly pair: AttemptLimiter;
  readonly account: AttemptLimiter;
  readonly address: AttemptLimiter;

  constructor(opts: { perPair?: number; perAccount?: number; perAddress?: number; windowMs?: number; longWindowMs?: number } = {}) {
    const windowMs = opts.windowMs ?? 5 * 60_000;
    const longWindowMs = opts.longWindowMs ?? 15 * 60_000;
    this.pair = new AttemptLimiter(opts.perPair ?? 5, windowMs);
    this.account = new AttemptLimiter(opts.perAccount ?? 10, longWindowMs);
    this.address = new AttemptLimiter(opts.perAddress ?? 50, longWindowMs);
  }

  private keys(username: string, ip: string) {
    const user = username.toLowerCase();
    const addr = addressKey(ip);
    return { pair: `${user}|${addr}`, account: user, address: addr };
  }

  /**
   * Starts an attempt: refused (seconds to wait and which limit) when a limit is reached, else
   * counted as a failure at once and taken back by `succeeded()`. Counting before the password is
   * checked means many attempts sent at the same moment cannot all pass the check before any of
   * them is recorded.
   */
  attempt(username: string, ip: string, now = Date.now()): { limited: { wait: number; kind: LimitKind } } | { limited?: undefined; succeeded(): void } {
    const k = this.keys(username, ip);
    const account = Math.max(this.pair.retryAfter(k.pair, now), this.account.retryAfter(k.account, now));
    const address = this.address.retryAfter(k.address, now);
    if (account || address) return { limited: account >= address ? { wait: account, kind: 'account' } : { wait: address, kind: 'address' } };
    this.pair.fail(k.pair, now);
    this.account.fail(k.account, now);
    this.address.fail(k.address, now);
    return {
      succeeded: () => {
        this.pair.reset(k.pair);
        this.account.forget(k.account, now);
        this.address.forget(k.address, now);
      },
    };
  }
}
