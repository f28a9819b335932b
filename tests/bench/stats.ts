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

export const ms = (v: number) => (Number.isFinite(v) ? `${v.toFixed(1)} ms` : 'n/a');
