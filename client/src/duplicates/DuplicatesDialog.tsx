import { useCallback, useEffect, useMemo, useState } from 'react';
import { ApiError, type GraphQLApi } from '../api.js';
import { useWorkspace, useWorkspaceState } from '../ui/context.js';
import { ukDateTime } from '../ui/evidence.js';
import type { GraphSlice } from '../workspace/types.js';
import { CANDIDATE_PAGE, DuplicatesApi, MAX_CANDIDATES } from './api.js';
import {
  compareFields, defaultKept, evidenceItems, mergePlan, mergeRefusal, mergeSummary, pairKey, permissionRefusal, scoreBand, scoreText, supportOf,
  type DuplicatePair, type Support,
} from './model.js';
import './duplicates.css';

/** A merge made from this screen, offered for undo until undone. */
interface MergeDone {
  keepId: string; keepLabel: string; mergeId: string; mergeLabel: string; at: string;
  /** The merged record was on the chart: undoing puts it back. */
  wasOnChart: boolean;
}

// Merges made in this page, per signed-in user, so closing the screen loses none of the undo offers.
const mergesByViewer = new Map<string, MergeDone[]>();

interface Confirm {
  pair: DuplicatePair;
  keepId: string;
  why: string;
  /** The analyst chose the record kept: the proposal no longer overrides it. */
  chosen: boolean;
  around: GraphSlice | null;
  support: Record<string, Support> | null;
  /** The links around the pair could not be read (the merge can still go ahead). */
  aroundError: string | null;
  /** The links around the pair are being read. */
  busy: boolean;
  merging: boolean;
  error: string | null;
}

const MIN_SCORES = [{ v: 0, t: 'All candidates' }, { v: 0.7, t: 'Likely and strong (70%+)' }, { v: 0.85, t: 'Strong only (85%+)' }];

/** The pair is not as the list showed it: a record was merged, archived or withdrawn since. */
const stale = (e: unknown) => e instanceof ApiError && (e.code === 'NOT_FOUND' || (e.code === 'VALIDATION' && /archived/.test(e.message)));

function errorText(e: unknown, what: string): string {
  if (stale(e)) return `${what}: this pair no longer exists as listed (${(e as Error).message}; a record was merged, archived or withdrawn since). The list has been read again.`;
  if (e instanceof ApiError && e.code === 'FORBIDDEN') return `${what}: refused — ${e.message}.`;
  return `${what}: ${e instanceof Error ? e.message : String(e)}`;
}

/**
 * Candidate duplicate subjects, best first, with the evidence; merge (choosing the record kept)
 * and undo. The chart follows a merge and its undo.
 */
export function DuplicatesDialog({ api, onClose }: { api: Pick<GraphQLApi, 'request'>; onClose(): void }) {
  const ws = useWorkspace();
  const viewer = useWorkspaceState().viewer!;
  const dup = useMemo(() => new DuplicatesApi(api), [api]);
  const [limit, setLimit] = useState(CANDIDATE_PAGE);
  const [pairs, setPairs] = useState<DuplicatePair[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [minScore, setMinScore] = useState(0);
  const [nameFilter, setNameFilter] = useState('');
  const [confirm, setConfirm] = useState<Confirm | null>(null);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [merges, setMerges] = useState<MergeDone[]>(() => mergesByViewer.get(viewer.id) ?? []);
  const [undoing, setUndoing] = useState<string | null>(null);
  const [earlierId, setEarlierId] = useState('');

  useEffect(() => { mergesByViewer.set(viewer.id, merges); }, [merges, viewer.id]);

  const load = useCallback(async (n: number) => {
    setLoading(true);
    try {
      setPairs(await dup.candidates(n));
      setLoadError(null);
    } catch (e) {
      setLoadError(errorText(e, 'The candidates could not be read'));
    } finally {
      setLoading(false);
    }
  }, [dup]);
  useEffect(() => { void load(limit); }, [load, limit]);

  const shown = useMemo(() => {
    const f = nameFilter.trim().toLowerCase();
    return (pairs ?? []).filter((p) => p.score >= minScore && (!f || `${p.a.label} ${p.b.label} ${p.a.id} ${p.b.id}`.toLowerCase().includes(f)));
  }, [pairs, minScore, nameFilter]);

  const startMerge = async (pair: DuplicatePair) => {
    setMessage(null);
    const first = defaultKept(pair, null, null);
    setConfirm({ pair, keepId: first.keepId, why: first.why, chosen: false, around: null, support: null, aroundError: null, busy: true, merging: false, error: null });
    try {
      const around = await dup.around([pair.a.id, pair.b.id]);
      const sa = supportOf(pair.a, around.edges);
      const sb = supportOf(pair.b, around.edges);
      const kept = defaultKept(pair, sa, sb);
      setConfirm((c) => c && pairKey(c.pair) === pairKey(pair)
        ? { ...c, ...(c.chosen ? {} : { keepId: kept.keepId, why: kept.why }), around, support: { [pair.a.id]: sa, [pair.b.id]: sb }, busy: false }
        : c);
    } catch (e) {
      setConfirm((c) => c && pairKey(c.pair) === pairKey(pair) ? { ...c, busy: false, aroundError: errorText(e, 'The links could not be counted') } : c);
    }
  };

  const doMerge = async () => {
    if (!confirm) return;
    const { pair, keepId } = confirm;
    const keep = keepId === pair.a.id ? pair.a : pair.b;
    const merge = keepId === pair.a.id ? pair.b : pair.a;
    setConfirm({ ...confirm, merging: true, error: null });
    try {
      await dup.merge(keep.id, merge.id);
    } catch (e) {
      const text = errorText(e, 'The merge was not made');
      // The choice stays on screen; a record gone or changed sends the list to be read again.
      setConfirm((c) => c && { ...c, merging: false, error: text });
      if (stale(e)) void load(limit);
      return;
    }
    const wasOnChart = ws.getState().doc.nodes.has(merge.id);
    const plan = confirm.around ? mergePlan(keep.id, merge.id, confirm.around.edges) : null;
    setMerges((m) => [{ keepId: keep.id, keepLabel: keep.label, mergeId: merge.id, mergeLabel: merge.label, at: new Date().toISOString(), wasOnChart }, ...m.filter((x) => x.mergeId !== merge.id)]);
    setConfirm(null);
    setMessage({ kind: 'ok', text: `Merged “${merge.label}” into “${keep.label}”${plan ? `: ${plan.moving.length} link${plan.moving.length === 1 ? '' : 's'} moved across` : ''}. “Undo merge” below puts it back.` });
    void ws.refreshEntities([keep.id, merge.id], { bring: wasOnChart ? [keep.id] : [], label: `Merge ${merge.label} into ${keep.label}` });
    void load(limit);
  };

  const undoMerge = async (mergeId: string, known?: MergeDone) => {
    setUndoing(mergeId);
    setMessage(null);
    try {
      await dup.unmerge(mergeId);
      setMerges((m) => m.filter((x) => x.mergeId !== mergeId));
      setMessage({ kind: 'ok', text: known ? `Merge undone: “${known.mergeLabel}” is a record of its own again, with its links.` : `Merge of ${mergeId} undone.` });
      setEarlierId('');
      const ids = known ? [known.keepId, mergeId] : [mergeId];
      void ws.refreshEntities(ids, { bring: known?.wasOnChart ? [mergeId] : [], label: `Undo merge of ${known?.mergeLabel ?? mergeId}` });
      void load(limit);
    } catch (e) {
      if (e instanceof ApiError && e.code === 'NOT_FOUND') {
        setMessage({ kind: 'error', text: `Nothing to undo for ${known ? `“${known.mergeLabel}”` : mergeId}: it is not a merged record you may change, or its merge was undone already.` });
        if (known) setMerges((m) => m.filter((x) => x.mergeId !== mergeId));
      } else setMessage({ kind: 'error', text: errorText(e, 'The merge was not undone') });
    } finally {
      setUndoing(null);
    }
  };

  const canMerge = viewer.permissions.includes('merge');
  const more = pairs !== null && pairs.length >= limit && limit < MAX_CANDIDATES;

  return (
    <div className="overlay" role="dialog" aria-modal aria-label="Duplicates" onMouseDown={(e) => { if (e.target === e.currentTarget) onClose(); }}>
      <div className="dialog wide duplicates-dialog" data-testid="duplicates-dialog">
        <button className="close" onClick={onClose} aria-label="Close" data-testid="duplicates-close">×</button>
        <h2>Duplicate subjects</h2>
        <p className="muted small">Pairs of records that probably describe the same person, best first, with the reasons. {canMerge
          ? 'Merging moves the links of one record onto the other, with their provenance; it can be undone here.'
          : <span data-testid="dup-no-merge">{permissionRefusal(viewer.permissions, viewer.role)}</span>}</p>

        {message && <div className={message.kind === 'ok' ? 'dup-message ok' : 'dup-message error'} role="status" data-testid="dup-message">{message.text}</div>}

        {canMerge && merges.length > 0 && (
          <section className="dup-merges" aria-label="Merges you can undo">
            <h3>Merged from this screen</h3>
            <ul className="dup-merge-list">
              {merges.map((m) => (
                <li key={m.mergeId} data-testid="dup-merged" data-id={m.mergeId}>
                  <span>“{m.mergeLabel}” merged into “{m.keepLabel}” at {ukDateTime(m.at)}</span>
                  <button onClick={() => void undoMerge(m.mergeId, m)} disabled={undoing !== null} data-testid="dup-undo">{undoing === m.mergeId ? 'Undoing…' : 'Undo merge'}</button>
                </li>
              ))}
            </ul>
          </section>
        )}

        {confirm ? (
          <MergeConfirm confirm={confirm} onKeep={(keepId) => setConfirm((c) => c && { ...c, keepId, why: 'your choice', chosen: true })} onCancel={() => setConfirm(null)} onMerge={() => void doMerge()} />
        ) : (
          <>
            <div className="dup-filters">
              <label>Show <select value={minScore} onChange={(e) => setMinScore(Number(e.target.value))} data-testid="dup-min-score">
                {MIN_SCORES.map((m) => <option key={m.v} value={m.v}>{m.t}</option>)}
              </select></label>
              <label>Name or id <input value={nameFilter} onChange={(e) => setNameFilter(e.target.value)} placeholder="filter the list" data-testid="dup-name-filter" /></label>
              <button onClick={() => void load(limit)} disabled={loading} data-testid="dup-reload" title="Read the candidates again">Refresh</button>
              {pairs && <span className="muted" data-testid="dup-count">{shown.length === pairs.length ? `${pairs.length} pair${pairs.length === 1 ? '' : 's'}` : `${shown.length} of ${pairs.length} pairs`}</span>}
            </div>
            <p className="dup-key muted small" aria-label="Colour key"><span className="dup-same">same</span> <span className="dup-alike">alike</span> <span className="dup-differ">differs</span> <span className="dup-one">held by one record only</span></p>
            {loadError && <div className="dup-message error" role="alert" data-testid="dup-load-error">{loadError} <button onClick={() => void load(limit)}>Try again</button></div>}
            {pairs === null && !loadError && <p className="muted" data-testid="dup-loading"><span className="spinner" /> Reading candidates…</p>}
            {pairs !== null && !shown.length && (
              <p className="dup-empty" data-testid="dup-empty">{pairs.length ? 'No pair matches these filters.' : 'No likely duplicates among the subjects you can see.'}</p>
            )}
            <ol className="dup-list" data-testid="dup-list">
              {shown.map((p) => (
                <PairCard key={pairKey(p)} pair={p} refusal={mergeRefusal(viewer.permissions, viewer.role, p)} canMerge={canMerge}
                  onShow={() => { void ws.add([p.a.id, p.b.id]).then(() => setMessage({ kind: 'ok', text: `“${p.a.label}” and “${p.b.label}” are on the chart (selected).` })); }} onMerge={() => void startMerge(p)} />
              ))}
            </ol>
            {more && <button onClick={() => setLimit((l) => Math.min(MAX_CANDIDATES, l + CANDIDATE_PAGE))} disabled={loading} data-testid="dup-more">{loading ? 'Reading…' : 'More pairs'}</button>}
            {canMerge && (
              <form className="dup-earlier" onSubmit={(e) => { e.preventDefault(); if (earlierId.trim()) void undoMerge(earlierId.trim()); }}>
                <label>Undo an earlier merge: id of the merged record <input value={earlierId} onChange={(e) => setEarlierId(e.target.value)} placeholder="e.g. S-1042" data-testid="dup-earlier-id" /></label>
                <button type="submit" disabled={!earlierId.trim() || undoing !== null} data-testid="dup-earlier-undo">Undo merge</button>
              </form>
            )}
          </>
        )}
      </div>
    </div>
  );
}

function PairCard({ pair, refusal, canMerge, onShow, onMerge }: { pair: DuplicatePair; refusal: string | null; canMerge: boolean; onShow(): void; onMerge(): void }) {
  const rows = compareFields(pair.a, pair.b, pair.evidence);
  return (
    <li className="dup-pair" data-testid="dup-pair" data-ids={pairKey(pair)}>
      <div className="dup-pair-head">
        <span className={`dup-score dup-${scoreBand(pair.score)}`} data-testid="dup-score">{scoreText(pair.score)}</span>
        <span className="dup-actions">
          <button onClick={onShow} data-testid="dup-show" title="Add both records to the chart">Show on chart</button>
          {canMerge && !refusal && <button onClick={onMerge} data-testid="dup-merge" title="Choose the record kept and merge the other into it">Merge…</button>}
          {canMerge && refusal && <span className="muted small" data-testid="dup-merge-refused">{refusal}</span>}
        </span>
      </div>
      <table className="dup-fields">
        <thead><tr><th scope="col">Field</th><th scope="col">{pair.a.id}</th><th scope="col">{pair.b.id}</th></tr></thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key} className={`dup-${r.agreement}`} data-testid="dup-field" data-field={r.key} data-agreement={r.agreement}>
              <th scope="row">{r.title}</th><td>{r.a || '—'}</td><td>{r.b || '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <ul className="dup-evidence" aria-label="Evidence">
        {evidenceItems(pair.evidence).map((e, i) => (
          <li key={i} className={e.against ? 'against' : 'for'} data-testid="dup-reason"><span aria-hidden>{e.against ? '✗' : '✓'}</span> {e.text}{e.against ? ' (counts against)' : ''}</li>
        ))}
      </ul>
    </li>
  );
}

function MergeConfirm({ confirm, onKeep, onCancel, onMerge }: { confirm: Confirm; onKeep(id: string): void; onCancel(): void; onMerge(): void }) {
  const { pair, keepId } = confirm;
  const keep = keepId === pair.a.id ? pair.a : pair.b;
  const merge = keepId === pair.a.id ? pair.b : pair.a;
  const plan = confirm.around ? mergePlan(keep.id, merge.id, confirm.around.edges) : null;
  const partial = !!confirm.around && (confirm.around.truncated || confirm.around.edges.some((e) => e.restricted));
  const describe = (s: Support | undefined) => s ? `${s.links} link${s.links === 1 ? '' : 's'}, ${s.reports} report${s.reports === 1 ? '' : 's'}, ${s.fields} detail${s.fields === 1 ? '' : 's'}` : '';
  return (
    <section className="dup-confirm" aria-label="Confirm the merge" data-testid="dup-confirm">
      <h3>Merge two records</h3>
      <fieldset className="dup-keep">
        <legend>Record to keep</legend>
        {[pair.a, pair.b].map((n) => (
          <label key={n.id}>
            <input type="radio" name="dup-keep" value={n.id} checked={keepId === n.id} onChange={() => onKeep(n.id)} disabled={confirm.merging} data-testid={`dup-keep-${n.id}`} />
            <strong>{n.label}</strong> <span className="muted">({n.id}{confirm.support ? `; ${describe(confirm.support[n.id])}` : ''})</span>
          </label>
        ))}
        <p className="muted small" data-testid="dup-keep-why">{confirm.chosen ? `Kept: “${keep.label}”, as you chose.` : `Proposed: “${keep.label}” — ${confirm.why}.`}</p>
      </fieldset>
      {confirm.aroundError && <p className="dup-message error">{confirm.aroundError}</p>}
      {confirm.busy && <p className="muted"><span className="spinner" /> Counting the links…</p>}
      <div className="dup-plan" data-testid="dup-plan">
        {plan
          ? mergeSummary(keep, merge, plan, partial).map((l, i) => <p key={i}>{l}</p>)
          : confirm.aroundError && <p>“{merge.label}” will be merged into “{keep.label}”: all its links move across with their provenance, and it is archived. “Undo merge” on this screen puts everything back.</p>}
      </div>
      {confirm.error && <p className="dup-message error" role="alert" data-testid="dup-merge-error">{confirm.error}</p>}
      <div className="dialog-actions">
        <button onClick={onCancel} disabled={confirm.merging} data-testid="dup-cancel">Back to the list</button>
        <button className="primary" onClick={onMerge} disabled={confirm.busy || confirm.merging} data-testid="dup-confirm-merge">Merge into “{keep.label}”</button>
      </div>
    </section>
  );
}
