import { isRestrictedId, type BandScale } from './model.js';

/** Small pieces both impact views use: states, status wording, band chips. */
export const statusText = (s: string): string => (s === 'NFD' ? 'Not for dissemination' : s === 'OPEN' ? 'Open' : s === 'DISSEMINATED' ? 'Disseminated' : s);

export function Loading() {
  return <div className="impact-state" data-testid="impact-loading" role="status"><span className="spinner" /> Loading impact…</div>;
}

export function Problem({ text, onRetry }: { text: string; onRetry(): void }) {
  return (
    <div className="impact-state error" data-testid="impact-error" role="alert">
      <p>{text}</p>
      <button onClick={onRetry}>Try again</button>
    </div>
  );
}

export function Empty({ filtered }: { filtered: boolean }) {
  return (
    <div className="impact-empty" data-testid="impact-empty" role="status">
      {filtered
        ? <><b>No recorded impact matches these filters.</b> Clear them to see every recorded impact you may see.</>
        : <><b>No recorded impact on your area.</b> Partners have recorded and shared no organised crime group impact with your agency yet.</>}
    </div>
  );
}

export function BandChip({ band, scale, harm }: { band: string; scale: BandScale; harm?: number }) {
  return (
    <span className="impact-band" style={{ background: scale.colour(band) }} data-band={band}>
      {harm !== undefined && <b>{harm}</b>} {band}
    </span>
  );
}

export function OcgButton({ id, name, onOpen, testid }: { id: string; name: string; onOpen(id: string): void; testid?: string }) {
  if (isRestrictedId(id)) return <span className="impact-ocg restricted" title="Held by another agency: contact them to deconflict" data-testid={testid}>{name}</span>;
  return <button className="link impact-ocg" onClick={() => onOpen(id)} title="Open its network in the chart" data-testid={testid}>{name}</button>;
}
