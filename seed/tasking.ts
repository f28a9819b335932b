import { cypher, type Db } from '../server/db/db.js';
import { recordMarkings, validateAction, validateDate, validateDecision, validateMeeting } from '../server/domain/coverage.js';
import { addDays } from '../server/domain/harm.js';
import { updateAction, writeTaskingRecord } from '../server/graph/requirements.js';

/**
 * The demo's decision log: the West Midlands tasking and coordination record over the last two
 * months, as the intelligence manager keeps it: a strategic meeting setting the control strategy,
 * two tactical meetings tasking collection against the Northside county line (each decision with
 * its necessity and proportionality recorded), a daily management meeting, actions with owners,
 * due dates and results (one overdue), and an operational review. Dated from `today`, so the log
 * always reads as current. Written through the same validation and writes as the API, under fixed
 * ids: a seed run again, or killed half-way, adds only what is missing.
 */
export const DEMO_TASKING_IDS = { stcg: 'MTG-DEMO-STCG-1', ttcg1: 'MTG-DEMO-TTCG-1', ttcg2: 'MTG-DEMO-TTCG-2', dmm: 'MTG-DEMO-DMM-1' } as const;

interface Plan {
  meeting: { id: string; kind: string; daysAgo: number; title: string; chair: string; classification?: string };
  decisions: { id: string; text: string; rationale: string; relatedIds: string[]; actions: { id: string; text: string; owner: string; dueInDays: number; status?: string; result?: string }[] }[];
}

export async function seedTasking(db: Db, opts: { today: string }): Promise<{ records: number }> {
  const [manager] = await db.read(cypher("MATCH (u:User {username: 'manager'}) RETURN u.username AS username, u.agency AS agency"));
  if (!manager) return { records: 0 };
  // The records the decisions concern must be there (a data-only seed has no tasking to record).
  const [{ present }] = await db.read(cypher("MATCH (e:Entity) WHERE e.id IN ['PRI-1', 'PRI-2', 'IR-TAC-1', 'CP-1'] RETURN count(e) = 4 AS present"));
  if (!present) return { records: 0 };
  const [first] = await db.read(cypher("MATCH (o:Entity:OCG {id: 'OCG-00000'}) RETURN o.id AS id, o.label AS label"));
  const ocg = first ? { id: first.id as string, label: first.label as string } : undefined;

  const plans: Plan[] = [
    {
      meeting: { id: DEMO_TASKING_IDS.stcg, kind: 'STCG', daysAgo: 58, title: 'Strategic tasking: control strategy review', chair: 'ACC Crime' },
      decisions: [{
        id: 'DEC-DEMO-1', text: 'Serious violence and county lines remain the first two priorities of the control strategy for the next six months.',
        rationale: 'The strategic assessment shows both account for most of the region\u2019s harm; modern slavery stays third, led by Greater Manchester.',
        relatedIds: ['PRI-1', 'PRI-2'],
        actions: [{ id: 'ACT-DEMO-1', text: 'Refresh the strategic requirement for serious violence and circulate it to partners.', owner: 'Head of Intelligence', dueInDays: 21, status: 'DONE', result: 'Requirement IR-STRAT-1 reissued with four questions; circulated to GMP and NCA.' }],
      }],
    },
    {
      meeting: { id: DEMO_TASKING_IDS.ttcg1, kind: 'TTCG', daysAgo: 35, title: 'Tactical tasking: Birmingham', chair: 'Det Supt, Force Intelligence', classification: 'OFFICIAL-SENSITIVE' },
      decisions: [
        {
          id: 'DEC-DEMO-2', text: `Adopt the Northside county line${ocg ? ` (${ocg.label})` : ''} as a tactical target and open collection plan CP-1.`,
          rationale: 'Necessary: three graded reports place the group\u2019s deal line in Walsall and Telford with a weapon seen. Proportionate: ANPR and comms data first; covert tasking only where the open sources cannot answer the questions.',
          relatedIds: ['IR-TAC-1', 'CP-1', ...(ocg ? [ocg.id] : [])],
          actions: [
            { id: 'ACT-DEMO-2', text: 'ANPR review of the vehicles linked to the group over the last 90 days.', owner: 'DS Collection, Birmingham', dueInDays: 14, status: 'DONE', result: 'Two vehicles seen on the M6 corridor into Telford on consecutive Fridays; recorded as reports.' },
            { id: 'ACT-DEMO-3', text: 'Comms data application for the deal line, with the necessity case for the authorising officer.', owner: 'DC Comms, Birmingham', dueInDays: 10, status: 'IN_PROGRESS' },
          ],
        },
        {
          id: 'DEC-DEMO-3', text: 'Score the group\u2019s harm (OCG management) and agree a lead responsible officer.',
          rationale: 'Mapping is required before partner agencies can be asked for support; the current scoring is more than a year old.',
          relatedIds: ocg ? [ocg.id] : [],
          actions: [{ id: 'ACT-DEMO-4', text: 'Harm assessment of the group for the next TTCG.', owner: 'Principal Analyst', dueInDays: 12, status: 'DONE', result: 'Assessed as tier 2: high harm from drugs supply and violence, with cross-border impact.' }],
        },
      ],
    },
    {
      meeting: { id: DEMO_TASKING_IDS.ttcg2, kind: 'TTCG', daysAgo: 7, title: 'Tactical tasking: Birmingham', chair: 'Det Supt, Force Intelligence', classification: 'OFFICIAL-SENSITIVE' },
      decisions: [{
        id: 'DEC-DEMO-4', text: 'Continue CP-1 for a further 28 days; request partner checks from Border Force on the group\u2019s courier.',
        rationale: 'Question Q-2 (where the principal lives) is still unanswered and the deal line is active; the partner request is the least intrusive way to test the courier reporting.',
        relatedIds: ['CP-1', 'IR-TAC-1'],
        actions: [
          { id: 'ACT-DEMO-5', text: 'Send the partner request to Border Force through the inbox, handling code P.', owner: 'Intelligence Manager', dueInDays: 10 },
          { id: 'ACT-DEMO-6', text: 'Review the weakly graded links in the group\u2019s network before the next TTCG.', owner: 'Analyst, Birmingham', dueInDays: 21 },
        ],
      }],
    },
    {
      meeting: { id: DEMO_TASKING_IDS.dmm, kind: 'DMM', daysAgo: 2, title: 'Daily management meeting', chair: 'DI Intelligence, Birmingham' },
      decisions: [{
        id: 'DEC-DEMO-5', text: 'Prioritise the new report of a knife seen at the Digbeth hostel for same-day research.',
        rationale: 'Threat to life cannot be ruled out; the hostel is the subject of question Q-4.',
        relatedIds: ['PRI-1'],
        actions: [{ id: 'ACT-DEMO-7', text: 'Research the hostel\u2019s occupants and brief the neighbourhood team.', owner: 'Researcher on duty', dueInDays: 3 }],
      }],
    },
  ];

  // What an earlier run wrote, with each action's status (a run killed between raising an action
  // and recording its progress leaves it OPEN).
  const existing = new Map((await db.read(cypher(
    `MATCH (n) WHERE (n:Meeting OR n:Decision OR n:Action OR n:OperationalReview) AND any(p IN $prefixes WHERE n.id STARTS WITH p) RETURN n.id AS id, n.status AS status`,
    { prefixes: ['MTG-DEMO-', 'DEC-DEMO-', 'ACT-DEMO-', 'OPR-DEMO-'] },
  ))).map((r) => [r.id as string, r.status as string | null]));

  const by = manager.username as string;
  const marks = (classification?: string) => recordMarkings({ agency: manager.agency as string }, classification);
  const now = new Date().toISOString();
  let records = 0;
  for (const plan of plans) {
    const m = validateMeeting({ ...plan.meeting, date: addDays(opts.today, -plan.meeting.daysAgo) });
    const meeting = { id: plan.meeting.id, ...m, recordedBy: by, createdAt: now, ...marks(plan.meeting.classification) };
    if (!existing.has(meeting.id)) { await writeTaskingRecord(db, 'Meeting', meeting); records++; }
    for (const d of plan.decisions) {
      if (!existing.has(d.id)) {
        await writeTaskingRecord(db, 'Decision', { id: d.id, meetingId: meeting.id, date: meeting.date, ...validateDecision(d), relatedIds: d.relatedIds, recordedBy: by, createdAt: now, ...marks(meeting.classification) });
        records++;
      }
      for (const a of d.actions) {
        // Raised open at the meeting; its progress and result recorded afterwards, as the API does.
        if (!existing.has(a.id)) {
          const v = validateAction({ text: a.text, owner: a.owner, dueDate: addDays(meeting.date, a.dueInDays) });
          await writeTaskingRecord(db, 'Action', { id: a.id, meetingId: meeting.id, decisionId: d.id, date: meeting.date, ...v, recordedBy: by, createdAt: now, ...marks(meeting.classification) });
          records++;
        }
        if (a.status && (existing.get(a.id) ?? 'OPEN') === 'OPEN') await updateAction(db, a.id, { status: a.status, result: a.result ?? null, updatedBy: by, now });
      }
    }
  }
  if (!existing.has('OPR-DEMO-1')) {
    await writeTaskingRecord(db, 'OperationalReview', {
      id: 'OPR-DEMO-1', meetingId: DEMO_TASKING_IDS.ttcg2, operation: 'Operation Kestrel (Northside county line, phase 1)', date: validateDate(addDays(opts.today, -10), 'date'),
      summary: 'Phase 1 collection answered two of the four questions: the deal line and the group\u2019s vehicles are known; the principal\u2019s address and weapons storage are not.',
      findings: 'ANPR gave the strongest leads; two CHIS reports were single-source and remain graded C4.',
      lessons: 'Request partner checks earlier: the Border Force reply took 16 days.',
      recordedBy: by, createdAt: now, ...marks('OFFICIAL-SENSITIVE'),
    });
    records++;
  }
  return { records };
}
