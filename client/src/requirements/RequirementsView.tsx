import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useWorkspace, useWorkspaceState } from '../ui/context.js';
import { CollectionPlanView } from './CollectionPlanView.js';
import { CollectNext } from './CollectNext.js';
import { CoverageLegend } from './CoverageBadge.js';
import { DecisionLog } from './DecisionLog.js';
import { forgetRequirementOptions, showRequirementGaps } from './gaps.js';
import { fieldError, Q, requirementsOf, type CollectionGap, type PriorityCard, type RequirementCard, type Requester } from './model.js';
import { RequirementBoard } from './RequirementBoard.js';
import './requirements.css';

/**
 * Direction and collection, full screen over the workspace: the requirement board with what to
 * collect next, a requirement's collection plan, and the tasking and coordination decision log.
 * Loaded on first use (its own chunk); it reaches the chart only through the workspace.
 */
export type RequirementsTab = 'board' | 'plan' | 'decisions';

type Load<T> = { status: 'loading' } | { status: 'error'; error: string } | { status: 'ready'; data: T };

const TABS: [RequirementsTab, string][] = [['board', 'Board'], ['plan', 'Collection plan'], ['decisions', 'Decisions']];

export function RequirementsView({ api, initialTab = 'board', onClose }: { api: Requester; initialTab?: RequirementsTab; onClose(): void }) {
  const ws = useWorkspace();
  const viewer = useWorkspaceState().viewer;
  const canWrite = viewer?.permissions.includes('write') ?? false;
  const [tab, setTab] = useState<RequirementsTab>(initialTab);
  const [board, setBoard] = useState<Load<PriorityCard[]>>({ status: 'loading' });
  const [next, setNext] = useState<Load<CollectionGap[]>>({ status: 'loading' });
  const [planRequirement, setPlanRequirement] = useState('');
  const closeRef = useRef<HTMLButtonElement>(null);

  const load = useCallback(async () => {
    forgetRequirementOptions();
    setBoard((b) => (b.status === 'ready' ? b : { status: 'loading' }));
    await Promise.all([
      api.request<{ requirementBoard: PriorityCard[] }>(Q.board).then(
        (r) => setBoard({ status: 'ready', data: r.requirementBoard }),
        (e) => setBoard({ status: 'error', error: fieldError(e).message }),
      ),
      api.request<{ collectNext: CollectionGap[] }>(Q.collectNext, { limit: 50 }).then(
        (r) => setNext({ status: 'ready', data: r.collectNext }),
        (e) => setNext({ status: 'error', error: fieldError(e).message }),
      ),
    ]);
  }, [api]);

  useEffect(() => {
    void load();
    closeRef.current?.focus();
  }, [load]);

  const requirements = useMemo(() => (board.status === 'ready' ? requirementsOf(board.data) : []), [board]);
  const labels = useMemo(() => new Map(requirements.map((r) => [r.requirement.id, r.requirement.label])), [requirements]);
  const planFor = planRequirement || requirements[0]?.requirement.id || '';

  const switchTab = (t: RequirementsTab) => {
    // Tasks added or moved on change what to collect next: the board is read again on return.
    if (t === 'board' && tab !== 'board') void load();
    setTab(t);
  };
  const openPlan = (id: string) => {
    setPlanRequirement(id);
    setTab('plan');
  };
  const showGaps = (r: RequirementCard) => {
    onClose();
    void showRequirementGaps(ws, api, r.requirement.id, r.requirement.label, true);
  };

  return (
    <div className="req-overlay" role="dialog" aria-modal aria-label="Intelligence requirements" data-testid="requirements-dialog">
      <header className="req-head">
        <h2>Intelligence requirements</h2>
        <div className="req-tabs" role="tablist">
          {TABS.map(([t, title]) => (
            <button key={t} role="tab" aria-selected={tab === t} className={tab === t ? 'active' : ''} onClick={() => switchTab(t)} data-testid={`req-tab-${t}`}>{title}</button>
          ))}
        </div>
        <div className="spacer" />
        <button onClick={() => void load()} title="Read coverage again" data-testid="req-refresh">Refresh</button>
        <button ref={closeRef} className="icon" onClick={onClose} aria-label="Close" title="Close (Esc)" data-testid="req-close">×</button>
      </header>
      <div className="req-body">
        {tab !== 'decisions' && board.status === 'loading' && <p className="muted req-pad" data-testid="board-loading"><span className="spinner" /> Reading requirements and coverage…</p>}
        {tab !== 'decisions' && board.status === 'error' && (
          <div className="req-pad">
            <p className="req-error" role="alert" data-testid="board-error">The requirements could not be read: {board.error}</p>
            <button onClick={() => void load()}>Try again</button>
          </div>
        )}
        {board.status === 'ready' && tab === 'board' && (
          <div className="req-board-layout">
            <div className="req-board-main">
              <CoverageLegend title="Coverage of each question, from intelligence you may see" className="req-legend" testId="board-legend" />
              <RequirementBoard board={board.data} onPlan={openPlan} onShowGaps={showGaps} />
            </div>
            <aside className="req-next-panel" aria-label="What to collect next">
              <h3>What to collect next</h3>
              <p className="small muted">Open gaps by priority rank, then severity (none, weak, stale), then those no task addresses.</p>
              {next.status === 'loading' && <p className="muted"><span className="spinner" /> Ranking gaps…</p>}
              {next.status === 'error' && <p className="req-error" role="alert">{next.error}</p>}
              {next.status === 'ready' && <CollectNext gaps={next.data} onPlan={openPlan} />}
            </aside>
          </div>
        )}
        {board.status === 'ready' && tab === 'plan' && (
          <CollectionPlanView
            api={api} requirements={requirements} requirementId={planFor} onRequirement={setPlanRequirement}
            canWrite={canWrite} viewerName={viewer?.displayName ?? ''}
          />
        )}
        {tab === 'decisions' && <DecisionLog api={api} labels={labels} />}
      </div>
    </div>
  );
}
