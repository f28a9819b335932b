import { COVERAGE_LOOK } from '../graph/style.js';

/**
 * A coverage state as words, colour and the ring style the chart uses, so it reads without colour.
 * Small and shared by the toolbar's legend and the (lazily loaded) requirement views.
 */
export function CoverageRing({ state, size = 12 }: { state: string; size?: number }) {
  const look = COVERAGE_LOOK[state];
  if (!look) return null;
  return (
    <span
      aria-hidden
      style={{
        display: 'inline-block', flex: 'none', width: size, height: size, borderRadius: '50%', boxSizing: 'border-box',
        border: `${look.ring === 'double' ? 4 : 2.5}px ${look.ring} ${look.colour}`, background: '#fff',
      }}
    />
  );
}

export function CoverageBadge({ state, testId }: { state: string; testId?: string }) {
  const look = COVERAGE_LOOK[state];
  return (
    <span
      className="coverage-badge"
      data-state={state}
      data-testid={testId}
      title={look ? `${look.title}: ${look.meaning}` : state}
      style={{
        display: 'inline-flex', alignItems: 'center', gap: 4, whiteSpace: 'nowrap', fontSize: 11.5, fontWeight: 600,
        padding: '0 7px 0 4px', borderRadius: 999, border: `1px solid ${look?.colour ?? '#64748b'}`,
        color: look?.colour ?? '#334155', background: look?.soft ?? '#f8fafc',
      }}
    >
      <CoverageRing state={state} size={11} /> {look?.title ?? state}
    </span>
  );
}

/** The key to coverage: each state's ring, name and meaning. */
export function CoverageLegend({ title = 'Coverage', testId, className }: { title?: string; testId?: string; className?: string }) {
  return (
    <div data-testid={testId} className={className}>
      <h4 style={{ marginTop: 0 }}>{title}</h4>
      <ul className="legend-list">
        {Object.entries(COVERAGE_LOOK).map(([state, look]) => (
          <li key={state} data-state={state}>
            <CoverageRing state={state} size={14} /> <b style={{ color: look.colour }}>{look.title}</b> <span className="muted small">{look.meaning}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
