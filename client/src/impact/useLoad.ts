import { useCallback, useEffect, useRef, useState } from 'react';
import { useWorkspace } from '../ui/context.js';

export type Loaded<T> =
  | { status: 'loading'; data?: T }
  | { status: 'ready'; data: T }
  | { status: 'error'; error: string; data?: T };

/**
 * Runs `load` whenever `key` changes; an answer to an older key is dropped. A lost session ends the
 * workspace's session (back to sign-in), as the chart's own calls do.
 */
export function useLoad<T>(key: string, load: () => Promise<T>): Loaded<T> & { retry(): void } {
  const ws = useWorkspace();
  const [state, setState] = useState<Loaded<T>>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;
  useEffect(() => {
    let live = true;
    setState((s) => ({ status: 'loading', data: s.data }));
    loadRef.current().then(
      (data) => { if (live) setState({ status: 'ready', data }); },
      (e: unknown) => {
        if (!live) return;
        if ((e as { code?: string }).code === 'UNAUTHENTICATED') ws.sessionEnded();
        setState({ status: 'error', error: e instanceof Error ? e.message : String(e) });
      },
    );
    return () => { live = false; };
  }, [key, attempt, ws]);
  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { ...state, retry };
}
