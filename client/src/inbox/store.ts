import { createContext, useContext, useSyncExternalStore } from 'react';
import type { InboxApi, InboxCounts, Watch, WatchKind } from './api.js';

/**
 * What the toolbar and the details panel know of the inbox: the counts (polled) and the viewer's
 * watches. Framework-free; React reads it through `useInboxState`. Actions refresh it at once.
 */
export interface InboxState { counts: InboxCounts | null; watches: Watch[] | null }

export const POLL_MS = 10_000;

export class InboxStore {
  private state: InboxState = { counts: null, watches: null };
  private readonly listeners = new Set<() => void>();
  // Answers that arrive out of order never overwrite a newer one (a poll started before an action).
  private countsSeq = 0;
  private watchesSeq = 0;

  constructor(readonly api: InboxApi) {}

  getState = (): InboxState => this.state;

  subscribe = (l: () => void): (() => void) => {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  };

  private set(patch: Partial<InboxState>): void {
    this.state = { ...this.state, ...patch };
    for (const l of this.listeners) l();
  }

  /** A failed poll keeps what was shown (the next one tries again). */
  async refreshCounts(): Promise<void> {
    const mine = ++this.countsSeq;
    try {
      const counts = await this.api.counts();
      if (mine === this.countsSeq) this.set({ counts });
    } catch { /* kept */ }
  }

  async refreshWatches(): Promise<void> {
    const mine = ++this.watchesSeq;
    try {
      const watches = await this.api.watches();
      if (mine === this.watchesSeq) this.set({ watches });
    } catch { /* kept */ }
  }

  refresh(): Promise<void> {
    return Promise.all([this.refreshCounts(), this.refreshWatches()]).then(() => undefined);
  }

  async watch(kind: WatchKind, target: string, label?: string): Promise<Watch> {
    const w = await this.api.watch(kind, target, label);
    await this.refreshWatches();
    return w;
  }

  async unwatch(id: string): Promise<void> {
    await this.api.unwatch(id);
    await this.refresh();
  }

  /** Polls the counts until the returned function is called. */
  startPolling(ms = POLL_MS): () => void {
    void this.refresh();
    const t = setInterval(() => void this.refreshCounts(), ms);
    return () => clearInterval(t);
  }
}

export const InboxContext = createContext<InboxStore | null>(null);

export const useInbox = (): InboxStore | null => useContext(InboxContext);

const EMPTY: InboxState = { counts: null, watches: null };
const none = () => () => {};

/** The inbox state, or an empty one where no inbox is provided. */
export function useInboxState(): InboxState {
  const store = useInbox();
  return useSyncExternalStore(store ? store.subscribe : none, store ? store.getState : () => EMPTY);
}
