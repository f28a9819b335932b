import { useEffect, useState } from 'react';
import { useWorkspace, useWorkspaceState } from '../ui/context.js';
import { CoverageLegend, CoverageRing } from './CoverageBadge.js';
import { COVERAGE_ORDER, type CoverageState } from './model.js';
import { requirementOptions, showRequirementGaps, type RequirementOption } from './gaps.js';
import type { Requester } from './model.js';

const SHOWN = 12;

/**
 * The gap overlay's place in the legend: which requirement is shown (and a choice of another),
 * a button that draws the entities it names, and the key to the rings. Nothing when it is off.
 */
export function GapPanel() {
  const ws = useWorkspace();
  const s = useWorkspaceState();
  const api = ws.api as unknown as Requester;
  const [options, setOptions] = useState<RequirementOption[] | null>(null);
  const [busy, setBusy] = useState(false);
  const on = !!s.gaps;
  const viewerId = s.viewer?.id;

  useEffect(() => {
    if (!on || !viewerId) return;
    let live = true;
    requirementOptions(api, viewerId).then((o) => live && setOptions(o), () => live && setOptions([]));
    return () => { live = false; };
  }, [on, viewerId, api]);

  if (!s.gaps) return null;
  const gaps = s.gaps;
  const named = [...gaps.marks.keys()].filter((id) => !id.startsWith('restricted-'));
  const onChart = named.filter((id) => s.doc.nodes.has(id)).length;
  // Worst first, so the gaps lead.
  const marks = [...gaps.marks].sort(([, a], [, b]) =>
    COVERAGE_ORDER.indexOf(a.state as CoverageState) - COVERAGE_ORDER.indexOf(b.state as CoverageState) || a.label.localeCompare(b.label));

  const choose = async (id: string) => {
    const label = options?.find((o) => o.id === id)?.label ?? id;
    setBusy(true);
    try {
      await showRequirementGaps(ws, api, id, label, false);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="gap-panel" data-testid="gap-panel" style={{ minWidth: 0 }}>
      <h4 style={{ marginTop: 0 }}>Gap overlay</h4>
      <select
        value={gaps.requirementId} onChange={(e) => void choose(e.target.value)} disabled={busy || !options}
        aria-label="Requirement shown" data-testid="gap-requirement" style={{ width: '100%', maxWidth: '100%', marginBottom: 4 }}
      >
        {(options ?? [{ id: gaps.requirementId, label: gaps.requirementLabel }]).map((o) => <option key={o.id} value={o.id}>{o.label}</option>)}
      </select>
      <button
        onClick={() => void ws.add(named)} disabled={busy || !named.length} style={{ width: '100%', marginBottom: 6, whiteSpace: 'normal', height: 'auto', minHeight: 26 }}
        title="Add the subjects, groups, places and areas this requirement names to the chart" data-testid="gap-add-entities"
      >
        Add named entities ({onChart} of {named.length} on chart)
      </button>
      <ul className="legend-list" data-testid="gap-entities">
        {marks.slice(0, SHOWN).map(([id, m]) => (
          <li key={id} data-testid={`gap-entity-${id}`} data-state={m.state} style={{ alignItems: 'flex-start' }}>
            <CoverageRing state={m.state} size={13} />
            <span style={{ minWidth: 0 }}>
              {s.doc.nodes.has(id)
                ? <button className="link" onClick={() => { ws.select([id]); ws.focus([id]); }}>{m.label}</button>
                : <span>{m.label}</span>}
              <span className="small muted" style={{ display: 'block' }}>{m.reason}</span>
            </span>
          </li>
        ))}
        {marks.length > SHOWN && <li className="small muted">and {marks.length - SHOWN} more</li>}
        {!marks.length && <li className="small muted">It names no entities you may see.</li>}
      </ul>
      <CoverageLegend title="Rings" testId="gap-legend" />
    </div>
  );
}
