/** Small statistics helpers for benchmarks: percentiles over repeated runs. */
export function percentile(samples: number[], p: number): number {
  if (!samples.length) return NaN;
  const s = [...samples].sort((a, b) => a - b);
  const i = Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1));
  return s[i]!;
}

export interface Summary { n: number; p50: number; p95: number; mean: number }

export function summarise(samples: number[]): Summary {
  const mean = samples.reduce((a, b) => a + b, 0) / Math.max(1, samples.length);
  return { n: samples.length, p50: percentile(samples, 50), p95: percentile(samples, 95), mean };
}

export async function timeEach<T>(items: T[], fn: (item: T) => Promise<unknown>, warmup = 10): Promise<number[]> {
  for (const item of items.slice(0, warmup)) await fn(item);
  const out: number[] = [];
  for (const item of items) {
    const t = performance.now();
    await fn(item);
    out.push(performance.now() - t);
  }
  return out;
}

/**
 * Times two ways of doing the same thing on the same items, fairly: one untimed pass of both over
 * every item first (caches and JIT warm for both), then each item done both ways back to back,
 * the order alternating item by item, so neither side profits from the other's warm-up or from a
 * quieter phase of the machine. `rounds` repeats the timed pass.
 */
export async function timePaired<T>(
  items: T[], a: (item: T) => Promise<unknown>, b: (item: T) => Promise<unknown>, rounds = 1,
): Promise<{ a: number[]; b: number[]; ratios: number[] }> {
  for (const item of items) { await a(item); await b(item); }
  const out = { a: [] as number[], b: [] as number[], ratios: [] as number[] };
  const time = async (fn: (item: T) => Promise<unknown>, item: T) => {
    const t = performance.now();
    await fn(item);
    return performance.now() - t;
  };
  for (let r = 0; r < rounds; r++) {
    for (const [i, item] of items.entries()) {
      let ta: number;
      let tb: number;
      if ((i + r) % 2 === 0) { ta = await time(a, item); tb = await time(b, item); } else { tb = await time(b, item); ta = await time(a, item); }
      out.a.push(ta);
      out.b.push(tb);
      out.ratios.push(tb / ta);
    }
  }
  return out;
}

export const ms = (v: number) => (Number.isFinite(v) ? `${v.toFixed(1)} ms` : 'n/a');
