/**
 * Sign-in attempts per key (username and client address) in a sliding window. Held in process:
 * with several API instances each enforces its own window, which still bounds guessing per instance.
 */
export class AttemptLimiter {
  private readonly attempts = new Map<string, number[]>();
  constructor(private readonly max: number, private readonly windowMs: number) {}

  /** Returns seconds to wait, or 0 when another attempt is allowed now. */
  retryAfter(key: string, now = Date.now()): number {
    const list = (this.attempts.get(key) ?? []).filter((t) => now - t < this.windowMs);
    this.attempts.set(key, list);
    if (list.length < this.max) return 0;
    return Math.ceil((this.windowMs - (now - list[0]!)) / 1000);
  }

  fail(key: string, now = Date.now()): void {
    const list = this.attempts.get(key) ?? [];
    list.push(now);
    this.attempts.set(key, list);
    if (this.attempts.size > 100_000) this.attempts.clear(); // bound memory under a spray
  }

  reset(key: string): void {
    this.attempts.delete(key);
  }
}
