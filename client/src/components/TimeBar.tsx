import { useEffect, useMemo, useRef, useState } from 'react';
import { UkDateInput } from './UkDateInput.js';
import { isoToUk } from '../ui/ukDate.js';
import { edgeSpan, nodeSpan } from '../workspace/visibility.js';
import { useWorkspace, useWorkspaceState } from '../ui/context.js';

const DAY = 86_400_000;
const toDay = (iso: string) => Math.floor(Date.parse(`${iso}T00:00:00Z`) / DAY);
const toIso = (day: number) => new Date(day * DAY).toISOString().slice(0, 10);
const BUCKETS = 60;

/**
 * The time bar: a histogram of the chart's dated records with a two-handled range; moving it
 * filters the chart to records active in the period (undated records stay). Play slides the
 * window forward through time.
 */
export function TimeBar() {
  const ws = useWorkspace();
  const s = useWorkspaceState();
  const extent = useMemo(() => ws.timeExtent(), [ws, s.doc]);
  const [playing, setPlaying] = useState(false);
  const timer = useRef<ReturnType<typeof setInterval> | null>(null);

  const lo = extent ? toDay(extent.from) : 0;
  const hi = extent ? Math.max(toDay(extent.to), lo + 1) : 1;
  const range = s.timeRange;
  const a = range ? Math.max(lo, toDay(range.from)) : lo;
  const b = range ? Math.min(hi, toDay(range.to)) : hi;

  const histogram = useMemo(() => {
    const counts = new Array<number>(BUCKETS).fill(0);
    if (!extent) return counts;
    // Each dated record counts once, where it starts (or ends, when only its end is known).
    const add = (sp: { start?: string; end?: string } | undefined) => {
      const d = sp?.start ?? sp?.end;
      if (!d) return;
      const i = Math.round(((toDay(d) - lo) / (hi - lo)) * (BUCKETS - 1));
      counts[Math.max(0, Math.min(BUCKETS - 1, i))]!++;
    };
    for (const n of s.doc.nodes.values()) add(nodeSpan(n.data));
    for (const e of s.doc.edges.values()) add(edgeSpan(e.data));
    return counts;
  }, [s.doc, extent, lo, hi]);
  const max = Math.max(1, ...histogram);

  useEffect(() => () => { if (timer.current) clearInterval(timer.current); }, []);
  useEffect(() => {
    if (!playing) {
      if (timer.current) clearInterval(timer.current);
      timer.current = null;
      return;
    }
    const width = Math.max(1, (range ? toDay(range.to) - toDay(range.from) : Math.round((hi - lo) / 5)));
    let start = range && toDay(range.to) < hi ? toDay(range.from) : lo;
    const step = Math.max(1, Math.round((hi - lo) / 60));
    ws.setTimeRange({ from: toIso(start), to: toIso(Math.min(hi, start + width)) });
    timer.current = setInterval(() => {
      start += step;
      if (start + width > hi) {
        ws.setTimeRange({ from: toIso(hi - width), to: toIso(hi) });
        setPlaying(false);
        return;
      }
      ws.setTimeRange({ from: toIso(start), to: toIso(start + width) });
    }, 120);
    // Restart only when play is pressed, not on every step.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [playing]);

  if (!extent) {
    return (
      <footer className="timebar empty" data-testid="timebar">
        <span className="muted small">Time bar: no dated records on the chart (links with a period, events and reports are dated).</span>
      </footer>
    );
  }

  const set = (na: number, nb: number) => {
    if (na <= lo && nb >= hi) ws.setTimeRange(null);
    else ws.setTimeRange({ from: toIso(Math.min(na, nb)), to: toIso(Math.max(na, nb)) });
  };
  const pct = (d: number) => `${((d - lo) / (hi - lo)) * 100}%`;
  return (
    <footer className="timebar" data-testid="timebar">
      <button className="icon" onClick={() => setPlaying((p) => !p)} title={playing ? 'Pause' : 'Play through time'} data-testid="time-play" aria-pressed={playing}>{playing ? '❚❚' : '▶'}</button>
      <div className="time-track">
        <div className="histogram" aria-hidden>
          {histogram.map((c, i) => <span key={i} style={{ height: `${(c / max) * 100}%` }} className={lo + ((hi - lo) * i) / (BUCKETS - 1) >= a && lo + ((hi - lo) * i) / (BUCKETS - 1) <= b ? 'in' : ''} />)}
        </div>
        <div className="time-window" style={{ left: pct(a), width: `calc(${pct(b)} - ${pct(a)})` }} />
        <input type="range" min={lo} max={hi} value={a} onChange={(e) => set(Number(e.target.value), b)} aria-label="Start date" data-testid="time-from" />
        <input type="range" min={lo} max={hi} value={b} onChange={(e) => set(a, Number(e.target.value))} aria-label="End date" data-testid="time-to" />
        <div className="time-ends small muted"><span>{isoToUk(extent.from)}</span><span>{isoToUk(extent.to)}</span></div>
      </div>
      <div className="time-range" data-testid="time-range">
        {range ? <><b>{isoToUk(range.from)}</b> → <b>{isoToUk(range.to)}</b></> : <span className="muted">all dates</span>}
      </div>
      <div className="time-inputs">
        <UkDateInput value={toIso(a)} min={extent.from} max={extent.to} onChange={(v) => v && set(toDay(v), b)} aria-label="From" data-testid="time-from-date" />
        <UkDateInput value={toIso(b)} min={extent.from} max={extent.to} onChange={(v) => v && set(a, toDay(v))} aria-label="To" data-testid="time-to-date" />
        {range && <button className="small" onClick={() => { setPlaying(false); ws.setTimeRange(null); }} data-testid="time-reset">All dates</button>}
      </div>
    </footer>
  );
}
