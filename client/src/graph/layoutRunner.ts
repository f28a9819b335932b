import type { LayoutInput, LayoutOutput } from './layoutEngine.js';

/** Sends layouts to a worker; falls back to the main thread (loaded on demand) without one. */
export class LayoutRunner {
  private worker: Worker | null = null;
  private readonly pending = new Map<number, { resolve: (o: LayoutOutput) => void; reject: (e: Error) => void }>();
  private seq = 0;

  constructor() {
    try {
      this.worker = new Worker(new URL('./layout.worker.ts', import.meta.url), { type: 'module', name: 'layout' });
      this.worker.onmessage = (ev: MessageEvent<LayoutOutput & { id: number; error?: string }>) => {
        const p = this.pending.get(ev.data.id);
        if (!p) return;
        this.pending.delete(ev.data.id);
        if (ev.data.error) p.reject(new Error(ev.data.error));
        else p.resolve(ev.data);
      };
      this.worker.onerror = () => {
        // A worker that cannot start (policy, old browser): finish what is pending on the main thread.
        this.worker?.terminate();
        this.worker = null;
        const waiting = [...this.pending.values()];
        this.pending.clear();
        for (const w of waiting) w.reject(new Error('retry'));
      };
    } catch {
      this.worker = null;
    }
  }

  async run(input: LayoutInput): Promise<LayoutOutput> {
    if (this.worker) {
      const id = ++this.seq;
      try {
        return await new Promise<LayoutOutput>((resolve, reject) => {
          this.pending.set(id, { resolve, reject });
          this.worker!.postMessage({ id, input });
        });
      } catch (e) {
        if ((e as Error).message !== 'retry') throw e;
      }
    }
    const { computeLayout } = await import('./layoutEngine.js');
    await new Promise((r) => setTimeout(r, 0));
    return computeLayout(input);
  }

  dispose(): void {
    this.worker?.terminate();
    this.worker = null;
  }
}
