import { CoverageBadge } from './CoverageBadge.js';
import { methodTitle, questionText, statusTitle, type CollectionGap, type CollectionTask } from './model.js';

/**
 * What to collect next: open gaps, most urgent first (priority rank, then how bad the gap is,
 * then gaps nobody is collecting against), each with the tasks that address it or the plain
 * statement that no task does.
 */
export function CollectNext({ gaps, onPlan }: { gaps: CollectionGap[]; onPlan(requirementId: string): void }) {
  if (!gaps.length) {
    return <p className="muted" data-testid="collect-next-empty">No open gaps: every question you may see is covered.</p>;
  }
  return (
    <ol className="req-next" data-testid="collect-next">
      {gaps.map((g, i) => {
        const open = g.tasks.filter((t) => t.status !== 'DONE' && t.status !== 'CANCELLED');
        return (
          <li key={`${g.requirement.id}/${g.question.id}`} className="req-next-item" data-testid={`next-${g.question.id}`} data-state={g.state} data-rank={i + 1}>
            <div className="req-title-row">
              <span className="req-next-rank" aria-label={`Rank ${i + 1}`}>{i + 1}</span>
              <CoverageBadge state={g.state} />
              <span className="small muted">{g.priorityRank !== null ? `P${g.priorityRank}` : 'No priority'}{g.priority ? ` · ${g.priority.label}` : ''}</span>
            </div>
            <div className="req-next-question">{questionText(g.question)}</div>
            <div className="small muted">{g.requirement.label}</div>
            <div className="req-reason">{g.reason}</div>
            {g.tasks.length > 0 && (
              <ul className="req-next-tasks">
                {g.tasks.map((t) => <TaskLine key={t.id} t={t} />)}
              </ul>
            )}
            {!open.length && (
              <div className="req-no-task" data-testid={`no-task-${g.question.id}`}>
                <span>{g.tasks.length ? 'No open task: those that addressed it are finished' : 'No task exists for this gap'}</span>
                <button className="small" onClick={() => onPlan(g.requirement.id)}>Plan collection</button>
              </div>
            )}
          </li>
        );
      })}
    </ol>
  );
}

function TaskLine({ t }: { t: CollectionTask }) {
  return (
    <li data-testid={`next-task-${t.id}`}>
      <b>{methodTitle(t.method)}</b> · {t.owner} · due {t.dueDate} · {statusTitle(t.status)}
      {t.overdue && <>{' '}<span className="req-flag">Overdue</span></>}
    </li>
  );
}
