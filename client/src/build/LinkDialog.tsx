import { useMemo, useRef, useState, type FormEvent } from 'react';
import { todayIso } from '../../../server/domain/validate.js';
import { useWorkspace, useWorkspaceState } from '../ui/context.js';
import { entityTitle } from '../ui/format.js';
import type { GraphNode } from '../workspace/types.js';
import { MARKING_ORDER } from './AddEntityDialog.js';
import { MarkingsFields, RecordFields, focusField } from './RecordFields.js';
import {
  FORM_KEY, REPORT_FIELDS, afterEdit, blankValues, defaultMarkings, fieldsFor, firstInvalid, formKeyOf, linkChoices, readMarkings, readNewEntity, readProps,
  type FormErrors, type FormValues,
} from './recordForm.js';
import { useBuildApi, writeRefusal } from './useBuildApi.js';

const gradeOf = (n: GraphNode) => `${String(n.props.sourceEvaluation ?? '')}${String(n.props.intelAssessment ?? '')}`;

/**
 * Link two entities: a link type the model allows between their types (either way round), its
 * properties and markings, and the reports that support it: on the chart, found by search, or
 * written here (created first, then attached).
 */
export function LinkDialog({ ids, onClose }: { ids: [string, string]; onClose(): void }) {
  const ws = useWorkspace();
  const s = useWorkspaceState();
  const viewer = s.viewer!;
  const api = useBuildApi();
  const root = useRef<HTMLFormElement>(null);
  const reportRoot = useRef<HTMLFieldSetElement>(null);
  const a = s.doc.nodes.get(ids[0])?.data;
  const b = s.doc.nodes.get(ids[1])?.data;
  const choices = useMemo(() => (a && b ? linkChoices(a.type, b.type) : []), [a, b]);
  const [type, setType] = useState<string>(choices[0]?.type ?? '');
  const choice = choices.find((c) => c.type === type);
  const fields = useMemo(() => (type ? fieldsFor('link', type) : []), [type]);
  const [valuesByType, setValuesByType] = useState<Record<string, FormValues>>({});
  const values = valuesByType[type] ?? blankValues(fields);
  const [markings, setMarkings] = useState(defaultMarkings);
  const [errors, setErrors] = useState<FormErrors>({});
  // Supporting reports chosen (id -> label with grade), from the chart or a search.
  const [chosen, setChosen] = useState<Map<string, string>>(new Map());
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<GraphNode[] | null>(null);
  const [searching, setSearching] = useState(false);
  // A report written here.
  const canGrade = viewer.permissions.includes('grade');
  const reportFields = useMemo(() => fieldsFor('entity', 'IntelligenceReport', REPORT_FIELDS), []);
  const [writing, setWriting] = useState(false);
  const [report, setReport] = useState<FormValues>(() => blankValues(reportFields));
  const [reportLabel, setReportLabel] = useState('');
  const [reportMarkings, setReportMarkings] = useState(defaultMarkings);
  const [reportErrors, setReportErrors] = useState<FormErrors>({});
  const [saving, setSaving] = useState(false);

  if (!a || !b) return null;
  const source = choice?.from === 'b' ? b : a;
  const target = choice?.from === 'b' ? a : b;
  // The same link (type and ends) already drawn: the reports are added to it, its other reports stay.
  const existing = choice && [...s.doc.edges.values()].find((e) => e.data.type === type && !e.data.restricted && (
    (e.data.source === source.id && e.data.target === target.id) || (!choice.directed && e.data.source === target.id && e.data.target === source.id)));
  const onChart = [...s.doc.nodes.values()].map((n) => n.data).filter((n) => n.type === 'IntelligenceReport' && !n.restricted);
  const order = [...fields.map((f) => f.name), ...MARKING_ORDER, FORM_KEY];

  const toggle = (n: GraphNode, on: boolean) => {
    const next = new Map(chosen);
    if (on) next.set(n.id, `${n.label}${gradeOf(n) ? ` (${gradeOf(n)})` : ''}`); else next.delete(n.id);
    setChosen(next);
  };

  const search = async () => {
    if (!query.trim()) return;
    setSearching(true);
    try {
      const hits = await ws.search(query.trim(), { types: ['IntelligenceReport'], limit: 10 });
      setFound(hits.map((h) => h.entity).filter((n) => !n.restricted && n.type === 'IntelligenceReport'));
    } catch (e) {
      const r = writeRefusal(e, ws);
      if (r) setErrors({ [FORM_KEY]: `Search failed: ${r.message}` });
    } finally {
      setSearching(false);
    }
  };

  const fail = (errs: FormErrors, repErrs: FormErrors) => {
    setErrors(errs);
    setReportErrors(repErrs);
    requestAnimationFrame(() => {
      const linkKey = firstInvalid(order, errs);
      if (linkKey) focusField(root.current, linkKey);
      else focusField(reportRoot.current, firstInvalid(['label', ...reportFields.map((f) => f.name), ...MARKING_ORDER], repErrs));
    });
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!choice || saving) return;
    const today = todayIso();
    const linkProps = existing ? { props: {}, errors: {} } : readProps('link', type, fields, values, { today });
    const linkMarks = readMarkings(markings, viewer.agency);
    const errs: FormErrors = existing ? {} : { ...linkProps.errors, ...linkMarks.errors };
    const rep = writing ? readNewEntity('IntelligenceReport', reportLabel, report, reportMarkings, { agency: viewer.agency, today, only: REPORT_FIELDS }) : null;
    const repErrs = rep?.errors ?? {};
    if (existing && !writing && !chosen.size) errs[FORM_KEY] = 'This link is already drawn: choose or write a report to add to it';
    if (Object.keys(errs).length || Object.keys(repErrs).length) return fail(errs, repErrs);
    setSaving(true);
    let stage: 'report' | 'link' = 'report';
    try {
      const reportIds = [...chosen.keys()];
      if (rep) {
        const created = await api.createEntity(rep.draft);
        reportIds.push(created.id);
        // Written once: a retry after a refused link attaches it rather than writing it again.
        const label = rep.draft.label ?? `Report ${gradeOf({ props: rep.draft.props } as GraphNode)}`;
        setChosen(new Map([...chosen, [created.id, `${label} (${gradeOf({ props: rep.draft.props } as GraphNode)}, new)`]]));
        setWriting(false);
      }
      stage = 'link';
      const res = existing
        ? await api.attachProvenance(existing.data.id, reportIds)
        : await api.createLink({ source: source.id, target: target.id, type, props: linkProps.props, reportIds, markings: linkMarks.markings });
      onClose();
      await ws.placeLink(res.id, [source.id, target.id]);
    } catch (err) {
      const r = writeRefusal(err, ws);
      if (!r) return;
      if (stage === 'report') fail({}, { [formKeyOf(r.field, reportFields)]: r.message });
      else {
        const key = r.field === 'reportIds' ? FORM_KEY : formKeyOf(r.field, fields);
        fail({ [key]: rep ? `The report was saved and is kept as chosen; the link was refused: ${r.message}` : r.message }, {});
      }
    } finally {
      setSaving(false);
    }
  };

  return (
    <div className="overlay" role="dialog" aria-modal aria-label="Link entities" onMouseDown={(e) => { if (e.target === e.currentTarget) onClose(); }}>
      <form className="dialog wide build-dialog" ref={root} onSubmit={(e) => void submit(e)} noValidate data-testid="link-dialog">
        <button type="button" className="close" onClick={onClose} aria-label="Close">×</button>
        <h2>Link</h2>
        <p data-testid="link-ends"><b>{source.label}</b> <span className="muted">({entityTitle(source.type)})</span> → <b>{target.label}</b> <span className="muted">({entityTitle(target.type)})</span></p>
        {!choices.length ? (
          <p className="error" data-testid="link-none">The model allows no link between a {entityTitle(a.type).toLowerCase()} and a {entityTitle(b.type).toLowerCase()}.</p>
        ) : (
          <>
            <div className="record-fields">
              <div className="record-field">
                <label htmlFor="link-type">Link type</label>
                <select id="link-type" autoFocus value={type} onChange={(e) => { setType(e.target.value); setErrors({}); }} data-testid="link-type">
                  {choices.map((c) => <option key={c.type} value={c.type}>{c.title}{c.from === 'b' ? ' (from the second)' : ''}</option>)}
                </select>
              </div>
            </div>
            {existing ? (
              <p className="muted" data-testid="link-exists">This link is already on the chart: the reports you choose are added to it, its other reports stay.</p>
            ) : (
              <>
                <RecordFields fields={fields} values={values} errors={errors} testid="link-field" onChange={(name, v) => { setValuesByType({ ...valuesByType, [type]: { ...values, [name]: v } }); setErrors(afterEdit(errors, name)); }} />
                <MarkingsFields value={markings} errors={errors} onChange={(m) => { setMarkings(m); setErrors(afterEdit(errors, 'markings')); }} testid="link" compartments={viewer.compartments} />
              </>
            )}
            <fieldset className="supporting" data-testid="link-reports">
              <legend>Supporting reports</legend>
              {onChart.length > 0 && (
                <div className="report-choices" data-testid="link-reports-on-chart">
                  <div className="muted small">On the chart</div>
                  {onChart.map((n) => (
                    <label key={n.id} className="inline"><input type="checkbox" checked={chosen.has(n.id)} onChange={(e) => toggle(n, e.target.checked)} />{n.label} <span className="grade">{gradeOf(n)}</span></label>
                  ))}
                </div>
              )}
              <div className="form-row">
                <input aria-label="Find reports" placeholder="Find reports by their text" value={query} onChange={(e) => setQuery(e.target.value)} data-testid="link-report-query"
                  onKeyDown={(e) => { if (e.key === 'Enter') { e.preventDefault(); void search(); } }} />
                <button type="button" onClick={() => void search()} disabled={searching || !query.trim()} data-testid="link-report-search">{searching ? 'Finding…' : 'Find'}</button>
              </div>
              {found && (found.length ? (
                <div className="report-choices" data-testid="link-report-results">
                  {found.map((n) => (
                    <label key={n.id} className="inline"><input type="checkbox" checked={chosen.has(n.id)} onChange={(e) => toggle(n, e.target.checked)} />{n.label} <span className="grade">{gradeOf(n)}</span></label>
                  ))}
                </div>
              ) : <p className="muted small" data-testid="link-report-none">No report you may see matches.</p>)}
              {chosen.size > 0 && <p className="small" data-testid="link-reports-chosen">Chosen: {[...chosen.values()].join('; ')}</p>}
              <label className="inline" title={canGrade ? undefined : 'Reports carry a grading: only roles that grade may submit them'}>
                <input type="checkbox" checked={writing} disabled={!canGrade} onChange={(e) => setWriting(e.target.checked)} data-testid="link-new-report" />
                Write a new report
              </label>
              {!canGrade && <span className="muted small" data-testid="link-new-report-why"> Your role cannot grade: choose reports already written.</span>}
              {writing && (
                <fieldset className="new-report" ref={reportRoot} data-testid="link-report-form">
                  <legend>New intelligence report (3x5x2)</legend>
                  <div className="record-fields">
                    <div className={`record-field${reportErrors.label ? ' invalid' : ''}`}>
                      <label htmlFor="link-report-label">Title <span className="muted small">(optional: the grade when left empty)</span></label>
                      <input id="link-report-label" data-key="label" data-testid="link-report-label" value={reportLabel} onChange={(e) => { setReportLabel(e.target.value); setReportErrors(afterEdit(reportErrors, 'label')); }} />
                      {reportErrors.label && <span className="field-error error" role="alert">{reportErrors.label}</span>}
                    </div>
                  </div>
                  <RecordFields fields={reportFields} values={report} errors={reportErrors} testid="link-report-field" onChange={(name, v) => { setReport({ ...report, [name]: v }); setReportErrors(afterEdit(reportErrors, name)); }} />
                  <MarkingsFields value={reportMarkings} errors={reportErrors} onChange={(m) => { setReportMarkings(m); setReportErrors(afterEdit(reportErrors, 'markings')); }} testid="link-report" compartments={viewer.compartments} />
                  {reportErrors[FORM_KEY] && <p className="error" role="alert" data-key={FORM_KEY} tabIndex={-1}>{reportErrors[FORM_KEY]}</p>}
                </fieldset>
              )}
            </fieldset>
          </>
        )}
        {errors[FORM_KEY] && <p className="error" role="alert" data-key={FORM_KEY} tabIndex={-1} data-testid="link-error">{errors[FORM_KEY]}</p>}
        <div className="dialog-actions">
          <button type="button" onClick={onClose} data-testid="link-cancel">Cancel</button>
          <button type="submit" className="primary" disabled={saving || !choices.length} data-testid="link-submit">{saving ? 'Saving…' : existing ? 'Add reports' : 'Link'}</button>
        </div>
      </form>
    </div>
  );
}
