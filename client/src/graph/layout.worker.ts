import { computeLayout, type LayoutInput } from './layoutEngine.js';

/** Runs layouts off the main thread: one message in (the request id and input), one out. */
self.onmessage = (ev: MessageEvent<{ id: number; input: LayoutInput }>) => {
  const { id, input } = ev.data;
  try {
    const out = computeLayout(input);
    (self as unknown as Worker).postMessage({ id, ...out });
  } catch (e) {
    (self as unknown as Worker).postMessage({ id, error: e instanceof Error ? e.message : String(e) });
  }
};
