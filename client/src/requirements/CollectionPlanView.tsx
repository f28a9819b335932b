import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { UkDateInput } from '../components/UkDateInput.js';
import { COLLECTION_METHODS, TASK_STATUS } from '../../../server/domain/codes.js';
import { AUTHORITY_REQUIRED, MIN_JUSTIFICATION } from '../../../server/domain/coverage.js';
import { CoverageBadge } from './CoverageBadge.js';
import {
  addDaysIso, fieldError, methodTitle, Q, questionText, statusTitle, todayIso,
  type CollectionPlanDetail, type CollectionTask, type FieldError, type NodeRef, type RequirementCard, type Requester,
} from './model.js';

/**
 * The collection plan for a requirement: its tasks (method, owner, due date, status and the
 * written necessity and proportionality justification), with overdue, unjustified and
 * unauthorised tasks flagged; a form to add a task, which shows the server's refusal at the
 * field it names; and status changes. The server is the judge of a task: the form does not
 * pre-empt it, so what is shown is always the rule as enforced.
 */
interface Props {
  api: Requester;
  requirements: RequirementCard[];
  requirementId: string;
  onRequirement(id: string): void;
  canWrite: boolean;
  viewerName: string;
}

type Load<T> = { status: 'loading' } | { status: 'error'; error: string } | { status: 'ready'; data: T };

export function CollectionPlanView({ api, requirements, requirementId, onRequirement, canWrite, viewerName }: Props) {
  const req = requirements.find((r) => r.requirement.id === requirementId) ?? null;
  const [plans, setPlans] = useState<Load<NodeRef[]>>({ status: 'loading' });
  const [planId, setPlanId] = useState('');
  const [detail, setDetail] = useState<Load<CollectionPlanDetail | null>>({ status: 'loading' });
  const [statusError, setStatusError] = useState<string | null>(null);

  const loadPlans = useCallback(async (rid: string, choose?: string) => {
    setPlans({ status: 'loading' });
    try {
      const r = await api.request<{ neighbourPage: { slice: { nodes: NodeRef[] } } | null }>(Q.plansFor, { id: rid });
      const list = (r.neighbourPage?.slice.nodes ?? []).filter((n) => n.type === 'CollectionPlan' && !n.restricted);
      setPlans({ status: 'ready', data: list });
      setPlanId(choose && list.some((p) => p.id === choose) ? choose : (list[0]?.id ?? ''));
    } catch (e) {
      setPlans({ status: 'error', error: fieldError(e).message });
    }
  }, [api]);

  const loadDetail = useCallback(async (id: string) => {
    try {
      const r = await api.request<{ collectionPlan: CollectionPlanDetail | null }>(Q.plan, { id });
      setDetail({ status: 'ready', data: r.collectionPlan });
    } catch (e) {
      setDetail({ status: 'error', error: fieldError(e).message });
    }
  }, [api]);

  useEffect(() => {
    if (requirementId) void loadPlans(requirementId);
  }, [requirementId, loadPlans]);

  useEffect(() => {
    setStatusError(null);
    if (!planId) return;
    setDetail({ status: 'loading' });
    void loadDetail(planId);
  }, [planId, loadDetail]);

  const startPlan = async () => {
    if (!req) return;
    try {
      const { createEntity } = await api.request<{ createEntity: { id: string } }>(Q.createPlan, {
        i: { type: 'CollectionPlan', label: `Plan: ${req.requirement.label}`.slice(0, 200), props: { owner: viewerName } },
      });
      await api.request(Q.linkPlan, { i: { source: createEntity.id, target: req.requirement.id, type: 'PLANS_FOR' } });
      await loadPlans(req.requirement.id, createEntity.id);
    } catch (e) {
      setPlans({ status: 'error', error: `The plan could not be started: ${fieldError(e).message}` });
    }
  };

  const setStatus = async (t: CollectionTask, status: string) => {
    setStatusError(null);
    try {
      await api.request(Q.setTaskStatus, { id: t.id, s: status });
      await loadDetail(t.planId);
    } catch (e) {
      setStatusError(`${methodTitle(t.method)} task: ${fieldError(e).message}`);
    }
  };

  return (
    <div className="req-plan" data-testid="collection-plan">
      <div className="req-plan-main">
        <div className="form-row">
          <label className="inline">
            Requirement
            <select value={requirementId} onChange={(e) => onRequirement(e.target.value)} data-testid="plan-requirement">
              {!requirementId && <option value="">Choose a requirement…</option>}
              {requirements.map((r) => <option key={r.requirement.id} value={r.requirement.id}>{r.requirement.label}</option>)}
            </select>
          </label>
          {plans.status === 'ready' && plans.data.length > 1 && (
            <label className="inline">
              Plan
              <select value={planId} onChange={(e) => setPlanId(e.target.value)} data-testid="plan-choice">
                {plans.data.map((p) => <option key={p.id} value={p.id}>{p.label}</option>)}
              </select>
            </label>
          )}
          {req && <CoverageBadge state={req.state} />}
        </div>
        {!requirementId && <p className="muted">Choose a requirement to see the collection that answers it.</p>}
        {requirementId && plans.status === 'loading' && <p className="muted" data-testid="plan-loading"><span className="spinner" /> Loading the collection plan…</p>}
        {plans.status === 'error' && <p className="req-error" role="alert" data-testid="plan-error">{plans.error}</p>}
        {requirementId && plans.status === 'ready' && !plans.data.length && (
          <div className="req-empty" data-testid="plan-none">
            <p>No collection plan serves this requirement yet.</p>
            {canWrite && <button className="primary" onClick={() => void startPlan()} data-testid="plan-start">Start a collection plan</button>}
          </div>
        )}
        {planId && plans.status === 'ready' && detail.status === 'loading' && <p className="muted"><span className="spinner" /> Loading tasks…</p>}
        {planId && detail.status === 'error' && <p className="req-error" role="alert">{detail.error}</p>}
        {planId && detail.status === 'ready' && !detail.data && <p className="muted">This plan is not available to you.</p>}
        {planId && detail.status === 'ready' && detail.data && (
          <PlanTasks plan={detail.data} req={req} canWrite={canWrite} onStatus={setStatus} statusError={statusError} />
        )}
      </div>
      {canWrite && planId && detail.status === 'ready' && detail.data && req && (
        <AddTaskForm api={api} planId={planId} req={req} viewerName={viewerName} onAdded={() => loadDetail(planId)} />
      )}
    </div>
  );
}

function PlanTasks({ plan, req, canWrite, onStatus, statusError }: {
  plan: CollectionPlanDetail; req: RequirementCard | null; canWrite: boolean; onStatus(t: CollectionTask, s: string): void; statusError: string | null;
}) {
  const questionLabel = new Map((req?.questions ?? []).map((q) => [q.question.id, questionText(q.question)]));
  const owner = typeof plan.plan.props?.owner === 'string' ? plan.plan.props.owner : null;
  return (
    <section data-testid={`plan-${plan.plan.id}`}>
      <div className="req-title-row">
        <h3 style={{ margin: 0 }}>{plan.plan.label}</h3>
        {owner && <span className="small muted">Owner: {owner}</span>}
        <span className="chip small" data-testid="plan-task-count">{plan.tasks.length} task{plan.tasks.length === 1 ? '' : 's'}</span>
        {plan.overdueCount > 0 && <span className="req-flag-chip" data-testid="plan-overdue-count">{plan.overdueCount} overdue</span>}
        {plan.unjustifiedCount > 0 && <span className="req-flag-chip" data-testid="plan-unjustified-count">{plan.unjustifiedCount} without justification</span>}
      </div>
      {plan.requirements.length > 1 && <p className="small muted">Also serves: {plan.requirements.filter((r) => r.id !== req?.requirement.id).map((r) => r.label).join(', ')}</p>}
      {statusError && <p className="req-error" role="alert" data-testid="task-status-error">{statusError}</p>}
      {!plan.tasks.length ? (
        <p className="muted" data-testid="plan-no-tasks">No tasks yet: nothing is being collected against this plan.</p>
      ) : (
        <div className="req-table-wrap">
          <table className="req-table" data-testid="task-table">
            <thead>
              <tr><th>Method</th><th>Owner</th><th>Due</th><th>Status</th><th>Necessity and proportionality</th><th>Addresses</th></tr>
            </thead>
            <tbody>
              {plan.tasks.map((t) => (
                <tr key={t.id} data-testid={`task-${t.id}`} data-overdue={t.overdue} data-unjustified={t.unjustified} className={t.overdue || t.unjustified || t.authorityMissing ? 'flagged' : ''}>
                  <td>
                    <b>{methodTitle(t.method)}</b>
                    {t.authorityRef && <div className="small muted">Authority {t.authorityRef}</div>}
                    {t.authorityMissing && <div className="req-flag" data-testid={`task-authority-missing-${t.id}`}>Authority missing</div>}
                  </td>
                  <td>{t.owner}</td>
                  <td>
                    {t.dueDate}
                    {t.overdue && <div className="req-flag" data-testid={`task-overdue-${t.id}`}>Overdue</div>}
                  </td>
                  <td>
                    {canWrite ? (
                      <select value={t.status} onChange={(e) => onStatus(t, e.target.value)} aria-label="Status" data-testid={`task-status-${t.id}`}>
                        {TASK_STATUS.map((s) => <option key={s} value={s}>{statusTitle(s)}</option>)}
                      </select>
                    ) : statusTitle(t.status)}
                  </td>
                  <td className="req-justification">
                    {t.unjustified
                      ? <span className="req-flag" data-testid={`task-unjustified-${t.id}`}>No justification recorded</span>
                      : <span title={t.justification ?? ''}>{t.justification}</span>}
                    {t.description && <div className="small muted">{t.description}</div>}
                  </td>
                  <td className="small">
                    {t.questionIds.length ? t.questionIds.map((q) => <div key={q}>{questionLabel.get(q) ?? q}</div>) : <span className="muted">The requirement as a whole</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

const blank = (owner: string) => ({
  method: 'OPEN_SOURCE', owner, dueDate: addDaysIso(todayIso(), 14), justification: '', authorityRef: '', description: '', questionIds: [] as string[],
});

function AddTaskForm({ api, planId, req, viewerName, onAdded }: { api: Requester; planId: string; req: RequirementCard; viewerName: string; onAdded(): Promise<void> }) {
  const [f, setF] = useState(() => blank(viewerName));
  const [error, setError] = useState<FieldError | null>(null);
  const form = useRef<HTMLFormElement>(null);
  // A refusal that names a field puts the cursor in it.
  useEffect(() => { if (error?.field) form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(); }, [error]);
  const [added, setAdded] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (patch: Partial<typeof f>) => setF((x) => ({ ...x, ...patch }));
  const needs = (AUTHORITY_REQUIRED as Record<string, string | undefined>)[f.method];

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setAdded(null);
    setBusy(true);
    try {
      const { addCollectionTask: t } = await api.request<{ addCollectionTask: CollectionTask }>(Q.addTask, {
        i: {
          planId, method: f.method, owner: f.owner, dueDate: f.dueDate, justification: f.justification, questionIds: f.questionIds,
          authorityRef: f.authorityRef || null, description: f.description || null,
        },
      });
      setAdded(`${methodTitle(t.method)} task added, due ${t.dueDate}`);
      setF(blank(viewerName));
      await onAdded();
    } catch (e2) {
      setError(fieldError(e2));
    } finally {
      setBusy(false);
    }
  };

  const err = (field: string) => error?.field === field ? <p className="req-field-error" role="alert" data-testid={`task-error-${field}`}>{error.message}</p> : null;
  const invalid = (field: string) => (error?.field === field ? { 'aria-invalid': true as const, className: 'req-invalid' } : {});

  return (
    <form ref={form} className="req-task-form" onSubmit={(e) => void submit(e)} data-testid="task-form" noValidate>
      <h3>Add a task</h3>
      {error && (
        <div className="req-error" role="alert" data-testid="task-error">
          <b>Not added.</b> {error.message}
        </div>
      )}
      {added && <div className="req-ok" role="status" data-testid="task-added">{added}</div>}
      <label className="req-field">
        Method
        <select value={f.method} onChange={(e) => set({ method: e.target.value })} data-testid="task-method" {...invalid('method')}>
          {COLLECTION_METHODS.map((m) => <option key={m} value={m}>{methodTitle(m)}</option>)}
        </select>
        {err('method')}
      </label>
      <div className="req-field-pair">
        <label className="req-field">
          Owner
          <input type="text" value={f.owner} onChange={(e) => set({ owner: e.target.value })} data-testid="task-owner" {...invalid('owner')} />
          {err('owner')}
        </label>
        <label className="req-field">
          Due
          <UkDateInput value={f.dueDate} onChange={(v) => set({ dueDate: v })} data-testid="task-due" {...invalid('dueDate')} />
          {err('dueDate')}
        </label>
      </div>
      <fieldset>
        <legend>Questions it addresses</legend>
        {req.questions.map((q) => (
          <label key={q.question.id} className="req-check">
            <input
              type="checkbox" checked={f.questionIds.includes(q.question.id)} data-testid={`task-question-${q.question.id}`}
              onChange={(e) => set({ questionIds: e.target.checked ? [...f.questionIds, q.question.id] : f.questionIds.filter((x) => x !== q.question.id) })}
            />
            <span>{questionText(q.question)}</span> <CoverageBadge state={q.state} />
          </label>
        ))}
        <p className="small muted">None ticked: the task serves the requirement as a whole.</p>
        {err('questionIds')}
      </fieldset>
      <label className="req-field">
        Why it is necessary and proportionate
        <textarea
          rows={4} value={f.justification} onChange={(e) => set({ justification: e.target.value })} data-testid="task-justification" {...invalid('justification')}
          placeholder="Why this collection is needed, and why this method rather than a less intrusive one"
        />
        <span className="small muted">Required (at least {MIN_JUSTIFICATION} characters); kept with the task for review.</span>
        {err('justification')}
      </label>
      <label className="req-field">
        Authority reference
        <input type="text" value={f.authorityRef} onChange={(e) => set({ authorityRef: e.target.value })} data-testid="task-authority" {...invalid('authorityRef')} />
        <span className="small muted">{needs ? `Required: ${methodTitle(f.method)} needs ${needs}.` : 'Only intrusive methods need one.'}</span>
        {err('authorityRef')}
      </label>
      <label className="req-field">
        <span>Description <span className="muted">(optional)</span></span>
        <input type="text" value={f.description} onChange={(e) => set({ description: e.target.value })} data-testid="task-description" />
      </label>
      <div className="dialog-actions">
        <button type="submit" className="primary" disabled={busy} data-testid="task-submit">{busy ? 'Adding…' : 'Add task'}</button>
      </div>
    </form>
  );
}
