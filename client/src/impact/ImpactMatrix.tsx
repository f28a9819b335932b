import { useMemo, useState } from 'react';
import { humanCode } from '../ui/format.js';
import type { ImpactApi } from './api.js';
import { ImpactRequest, type ImpactAsked } from './ImpactRequest.js';
import { isRestrictedId, matrixTable, requestable, type BandScale, type ColumnSort, type ImpactFilter, type MatrixRow, type MatrixSort, type RowSort } from './model.js';
import { Empty, Loading, OcgButton, Problem, statusText } from './parts.js';
import { useLoad } from './useLoad.js';

interface Props {
  api: ImpactApi;
  filter: ImpactFilter;
  filtered: boolean;
  scale: BandScale;
  onOpenOcg(ocgId: string): void;
}

const sameRows = (a: RowSort, b: RowSort) => a.by === b.by && (a.by !== 'ocg' || (b.by === 'ocg' && a.ocgId === b.ocgId));

/** Areas x groups: one impact record per cell with its harm score and band. */
export function ImpactMatrix({ api, filter, filtered, scale, onOpenOcg }: Props) {
  const res = useLoad(`matrix:${JSON.stringify(filter)}`, () => api.impactMatrix(filter));
  const [sort, setSort] = useState<MatrixSort>({ rows: { by: 'worst' }, dir: 'desc', columns: 'harm' });
  const table = useMemo(() => matrixTable(res.data ?? [], sort, scale), [res.data, sort, scale]);
  const [asking, setAsking] = useState<ImpactAsked | null>(null);

  if (res.status === 'error') return <Problem text={`The impact matrix could not be loaded: ${res.error}`} onRetry={res.retry} />;
  if (!res.data) return <Loading />;
  if (!res.data.length) return <div className="impact-matrix"><Empty filtered={filtered} /></div>;

  // The same key again flips the direction; a new key starts in its natural order.
  const sortRows = (rows: RowSort) =>
    setSort((s) => (sameRows(s.rows, rows) ? { ...s, dir: s.dir === 'asc' ? 'desc' : 'asc' } : { ...s, rows, dir: rows.by === 'area' ? 'asc' : 'desc' }));
  const ariaSort = (rows: RowSort) => (sameRows(sort.rows, rows) ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none');
  const arrow = (rows: RowSort) => (sameRows(sort.rows, rows) ? (sort.dir === 'asc' ? '▲' : '▼') : '↕');

  return (
    <div className={`impact-matrix${asking ? ' asking' : ''}`} data-testid="impact-matrix" aria-busy={res.status === 'loading'}>
      <div className="impact-matrix-bar">
        <span className="muted">{table.rows.length} area{table.rows.length === 1 ? '' : 's'} × {table.columns.length} group{table.columns.length === 1 ? '' : 's'}</span>
        <label className="inline">
          Order groups by
          <select value={sort.columns} onChange={(e) => setSort((s) => ({ ...s, columns: e.target.value as ColumnSort }))} data-testid="matrix-columns">
            <option value="harm">worst impact</option>
            <option value="name">name</option>
          </select>
        </label>
        <span className="muted small">Click a group or a cell to open the group&rsquo;s network in the chart.</span>
        {res.status === 'loading' && <span className="muted small"><span className="spinner" /> Updating…</span>}
      </div>
      {asking && <ImpactRequest key={asking.impactId} impact={asking} onClose={() => setAsking(null)} />}
      <div className="impact-matrix-scroll">
        <table className="impact-table">
          <thead>
            <tr>
              <th scope="col" className="corner" aria-sort={ariaSort({ by: 'area' })}>
                <button onClick={() => sortRows({ by: 'area' })} data-testid="matrix-sort-area">Area {arrow({ by: 'area' })}</button>
              </th>
              <th scope="col" aria-sort={ariaSort({ by: 'worst' })}>
                <button onClick={() => sortRows({ by: 'worst' })} data-testid="matrix-sort-worst">Worst {arrow({ by: 'worst' })}</button>
              </th>
              {table.columns.map((c) => (
                <th key={c.ocgId} scope="col" data-testid={`matrix-col-${c.ocgId}`} aria-sort={ariaSort({ by: 'ocg', ocgId: c.ocgId })}>
                  <OcgButton id={c.ocgId} name={c.ocgName} onOpen={onOpenOcg} testid={`matrix-ocg-${c.ocgId}`} />
                  <div className="impact-col-meta">
                    <span className="muted small" title="Crime types">{c.crimeTypes.map(humanCode).join(', ') || '—'}</span>
                    <button className="icon small" onClick={() => sortRows({ by: 'ocg', ocgId: c.ocgId })} title={`Sort areas by ${c.ocgName}’s harm`}
                      data-testid={`matrix-sort-ocg-${c.ocgId}`}>{arrow({ by: 'ocg', ocgId: c.ocgId })}</button>
                  </div>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((r) => (
              <tr key={r.areaId} data-testid={`matrix-row-${r.areaId}`}>
                <th scope="row" className={isRestrictedId(r.areaId) ? 'restricted' : undefined}>{r.areaName}</th>
                <td className="worst"><Cell rec={r.worst} scale={scale} /></td>
                {table.columns.map((c) => {
                  const rec = r.cells.get(c.ocgId);
                  return (
                    <td key={c.ocgId}>
                      {rec ? (
                        <span className="impact-cell-wrap">
                          <Cell rec={rec} scale={scale} onOpen={onOpenOcg} testid={`matrix-cell-${r.areaId}-${c.ocgId}`} />
                          {requestable(rec) && <AskButton rec={rec} onAsk={setAsking} />}
                        </span>
                      ) : <span className="muted" data-testid={`matrix-cell-${r.areaId}-${c.ocgId}`} data-band="none">–</span>}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

/** For an impact another agency holds: ask that agency for more. */
function AskButton({ rec, onAsk }: { rec: MatrixRow; onAsk(a: ImpactAsked): void }) {
  return (
    <button className="small impact-ask" title={`Request information from the holder about ${rec.ocgName} in ${rec.areaName}`}
      aria-label={`Request information about ${rec.ocgName} in ${rec.areaName}`}
      onClick={() => onAsk({ impactId: rec.impactId, ocgName: rec.ocgName, areaName: rec.areaName, band: rec.band, harm: rec.harm })}
      data-testid={`matrix-request-${rec.impactId}`}>Ask…</button>
  );
}

function Cell({ rec, scale, onOpen, testid }: { rec: MatrixRow; scale: BandScale; onOpen?(id: string): void; testid?: string }) {
  const title = `${rec.ocgName} in ${rec.areaName}: harm ${rec.harm}, band ${rec.band}; ${statusText(rec.status).toLowerCase()}; assessed ${rec.assessedAt.slice(0, 10)}, review due ${rec.reviewDue}${rec.reviewOverdue ? ' (overdue)' : ''}`;
  const body = (
    <>
      <b data-testid={testid && `${testid}-harm`}>{rec.harm}</b>
      <span className="band" data-testid={testid && `${testid}-band`}>{rec.band}</span>
      {rec.status !== 'DISSEMINATED' && <span className="status">{rec.status === 'NFD' ? 'NFD' : 'open'}</span>}
      {rec.reviewOverdue && <span className="status" title="Review overdue">!</span>}
    </>
  );
  const props = {
    className: 'impact-cell', style: { background: scale.colour(rec.band) }, title,
    'data-testid': testid, 'data-band': rec.band, 'data-harm': rec.harm, 'data-status': rec.status,
  };
  return onOpen && !isRestrictedId(rec.ocgId)
    ? <button {...props} onClick={() => onOpen(rec.ocgId)}>{body}</button>
    : <span {...props}>{body}</span>;
}
