import { useSyncExternalStore } from 'react';
import { BOUNDARY_STORAGE_KEY, readStoredBoundaries, type UserBoundarySet } from './userBoundaries.js';

/**
 * The user's own boundaries, one set for both maps, kept in local storage until removed (other tabs
 * follow through the storage event). Nothing here talks to the server.
 */
const listeners = new Set<() => void>();
let current: UserBoundarySet | null | undefined;

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}
const notify = () => { for (const fn of [...listeners]) fn(); };

export const boundaryStore = {
  get(): UserBoundarySet | null {
    if (current === undefined) {
      const s = storage();
      current = s ? readStoredBoundaries(s) : null;
    }
    return current;
  },
  /** Keeps (or, with null, removes) the set; throws a readable error when the browser cannot keep it. */
  set(next: UserBoundarySet | null): void {
    const s = storage();
    try {
      if (next) s?.setItem(BOUNDARY_STORAGE_KEY, JSON.stringify(next));
      else s?.removeItem(BOUNDARY_STORAGE_KEY);
    } catch {
      throw new Error('This browser could not keep the boundaries (its storage is full or disabled). Simplify the file or free some space, then load it again.');
    }
    current = next;
    notify();
  },
  subscribe(fn: () => void): () => void {
    listeners.add(fn);
    const onStorage = (e: StorageEvent) => {
      if (e.key !== BOUNDARY_STORAGE_KEY && e.key !== null) return;
      current = undefined;
      fn();
    };
    window.addEventListener('storage', onStorage);
    return () => { listeners.delete(fn); window.removeEventListener('storage', onStorage); };
  },
};

export function useUserBoundaries(): UserBoundarySet | null {
  return useSyncExternalStore(boundaryStore.subscribe, boundaryStore.get);
}
