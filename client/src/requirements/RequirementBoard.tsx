import { COVERAGE_LOOK } from '../graph/style.js';
import { CoverageBadge } from './CoverageBadge.js';
import {
  COVERAGE_ORDER, countStates, coveredText, evidenceFacts, questionText,
  type CoverageState, type PriorityCard, type QuestionCoverage, type RequirementCard,
} from './model.js';

/**
 * The requirement board: control-strategy priorities as columns, their requirements as cards and
 * each requirement's questions inside, every one with its coverage state in words, the reason
 * and the evidence behind it; requirements and priorities roll up worst-of, with the share covered.
 */
interface Props {
  board: PriorityCard[];
  onPlan(requirementId: string): void;
  onShowGaps(requirement: RequirementCard): void;
}

export function RequirementBoard({ board, onPlan, onShowGaps }: Props) {
  if (!board.length) {
    return (
      <div className="req-empty" data-testid="board-empty">
        <h3>No intelligence requirements</h3>
        <p className="muted">There are no requirements you may see. Requirements are set by intelligence managers and tasking groups.</p>
      </div>
    );
  }
  return (
    <div className="req-columns" data-testid="requirement-board">
      {board.map((p) => <PriorityColumn key={p.priority?.id ?? 'none'} card={p} onPlan={onPlan} onShowGaps={onShowGaps} />)}
    </div>
  );
}

function PriorityColumn({ card, onPlan, onShowGaps }: { card: PriorityCard } & Omit<Props, 'board'>) {
  const id = card.priority?.id ?? 'none';
  const states = card.requirements.map((r) => r.state);
  return (
    <section className="req-column" data-testid={`priority-${id}`} data-state={card.state} aria-label={card.priority?.label ?? 'Not linked to a priority'}>
      <header className="req-column-head" style={{ borderTopColor: COVERAGE_LOOK[card.state]?.colour }}>
        <div className="req-title-row">
          {card.rank !== null && <span className="req-rank" title="Control strategy priority rank">P{card.rank}</span>}
          <h3 className="req-priority-title">{card.priority?.label ?? 'Not linked to a priority you may see'}</h3>
        </div>
        <div className="req-title-row">
          <CoverageBadge state={card.state} testId={`priority-state-${id}`} />
          <span className="small muted">{card.owner ? `Owner: ${card.owner}` : ''}</span>
        </div>
        <Rollup states={states} noun="requirement" testId={`priority-rollup-${id}`} />
      </header>
      <div className="req-cards">
        {card.requirements.map((r) => <RequirementCardView key={r.requirement.id} card={r} onPlan={onPlan} onShowGaps={onShowGaps} />)}
      </div>
    </section>
  );
}

function RequirementCardView({ card, onPlan, onShowGaps }: { card: RequirementCard } & Omit<Props, 'board'>) {
  const id = card.requirement.id;
  return (
    <article className="req-card" data-testid={`requirement-${id}`} data-state={card.state} style={{ borderLeftColor: COVERAGE_LOOK[card.state]?.colour }}>
      <div className="req-title-row">
        <h4 className="req-card-title">{card.requirement.label}</h4>
        <CoverageBadge state={card.state} testId={`requirement-state-${id}`} />
      </div>
      <div className="req-meta small muted">
        {card.kind && <span className="chip small">{card.kind === 'STRATEGIC' ? 'Strategic' : card.kind === 'TACTICAL' ? 'Tactical' : card.kind}</span>}
        {card.reviewDate && (
          <span className={card.reviewOverdue ? 'req-flag' : ''} data-testid={`requirement-review-${id}`}>
            {card.reviewOverdue ? `Review overdue (${card.reviewDate})` : `Review by ${card.reviewDate}`}
          </span>
        )}
      </div>
      <Rollup states={card.questions.map((q) => q.state)} noun="question" testId={`requirement-rollup-${id}`} />
      <ul className="req-questions">
        {worstFirst(card.questions).map((q) => <QuestionRow key={q.question.id} q={q} />)}
        {!card.questions.length && <li className="muted small">This requirement asks no questions yet, so nothing can answer it.</li>}
      </ul>
      <div className="req-actions">
        <button className="small" onClick={() => onShowGaps(card)} data-testid={`requirement-gaps-${id}`} title="Ring the entities this requirement names on the chart and add them">Gaps on chart</button>
        <button className="small" onClick={() => onPlan(id)} data-testid={`requirement-plan-${id}`}>Collection plan</button>
      </div>
    </article>
  );
}

function QuestionRow({ q }: { q: QuestionCoverage }) {
  const id = q.question.id;
  const look = COVERAGE_LOOK[q.state];
  return (
    <li className="req-question" data-testid={`question-${id}`} data-state={q.state} style={{ background: look?.soft, borderColor: look?.colour }}>
      <div className="req-title-row">
        <span className="req-question-text">{q.question.restricted ? (q.question.heldBy ?? 'Restricted question') : questionText(q.question)}</span>
        <CoverageBadge state={q.state} testId={`question-state-${id}`} />
      </div>
      <div className="req-reason" data-testid={`question-reason-${id}`}>{q.reason}</div>
      <div className="small muted" data-testid={`question-facts-${id}`}>{evidenceFacts(q)}</div>
    </li>
  );
}

/** Gaps first: no coverage, weak, stale, then covered (the server's order within each). */
const worstFirst = (qs: QuestionCoverage[]) => [...qs].sort((a, b) => COVERAGE_ORDER.indexOf(a.state) - COVERAGE_ORDER.indexOf(b.state));

/** The worst-of state is on the badge; this shows the spread and the share covered. */
export function Rollup({ states, noun, testId }: { states: CoverageState[]; noun: string; testId?: string }) {
  const counts = countStates(states);
  const total = states.length;
  return (
    <div className="req-rollup" data-testid={testId} data-covered={counts.COVERED} data-total={total}>
      <div className="req-bar" aria-hidden>
        {COVERAGE_ORDER.filter((s) => counts[s]).map((s) => (
          <span key={s} style={{ flex: counts[s], background: COVERAGE_LOOK[s]!.colour }} title={`${counts[s]} ${COVERAGE_LOOK[s]!.title.toLowerCase()}`} />
        ))}
      </div>
      <span className="small">
        {coveredText(counts.COVERED, total, noun)}
        {total > 0 && (
          <span className="muted"> · {COVERAGE_ORDER.filter((s) => counts[s] && s !== 'COVERED').map((s) => `${counts[s]} ${COVERAGE_LOOK[s]!.title.toLowerCase()}`).join(', ') || 'no gaps'}</span>
        )}
      </span>
    </div>
  );
}
