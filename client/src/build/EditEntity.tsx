import { useMemo, useRef, useState, type FormEvent } from 'react';
import { todayIso } from '../../../server/domain/validate.js';
import { useWorkspace, useWorkspaceState } from '../ui/context.js';
import type { GraphNode } from '../workspace/types.js';
import { MARKING_ORDER } from './AddEntityDialog.js';
import { MarkingsFields, RecordFields, focusField } from './RecordFields.js';
import { FORM_KEY, LABEL_KEY, afterEdit, fieldsFor, firstInvalid, formKeyOf, markingsOf, readEntityEdit, valuesOf, type FormErrors } from './recordForm.js';
import { useBuildApi, writeRefusal } from './useBuildApi.js';

/** Why this viewer cannot edit this record in place, or null when they can. */
export function editRefusal(node: GraphNode, permissions: readonly string[]): string | null {
  if (!permissions.includes('write')) return 'Your role cannot change records';
  if (node.restricted) return 'Restricted: contact its holder';
  if (node.access !== 'full') return 'A disseminated copy: its owner changes the record';
  return null;
}

/**
 * Edit in place: the record's properties and markings in the same form as Add entity, saved by
 * updateEntity (only what changed); the chart and details follow. Cancel leaves everything as it was.
 */
export function EditEntity({ node, onDone }: { node: GraphNode; onDone(): void }) {
  const ws = useWorkspace();
  const viewer = useWorkspaceState().viewer!;
  const api = useBuildApi();
  const root = useRef<HTMLFormElement>(null);
  const fields = useMemo(() => fieldsFor('entity', node.type), [node.type]);
  const [values, setValues] = useState(() => valuesOf(fields, node.props));
  const [label, setLabel] = useState(node.label);
  const [markings, setMarkings] = useState(() => markingsOf(node.markings));
  const [errors, setErrors] = useState<FormErrors>({});
  const [saving, setSaving] = useState(false);
  // A report's grading (3x5x2: evaluation, assessment, handling code) is recorded by those who
  // grade, as only they may submit reports; the server refuses anyone else's change of it.
  const gradingLocked = node.type === 'IntelligenceReport' && !viewer.permissions.includes('grade');
  const locked: Record<string, string> = gradingLocked
    ? { sourceEvaluation: 'Only roles that grade may change a grade', intelAssessment: 'Only roles that grade may change a grade' } : {};
  const order = [LABEL_KEY, ...fields.map((f) => f.name), ...MARKING_ORDER, FORM_KEY];

  const showErrors = (errs: FormErrors) => {
    setErrors(errs);
    requestAnimationFrame(() => focusField(root.current, firstInvalid(order, errs)));
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (saving) return;
    const { patch, errors: errs } = readEntityEdit(node, label, values, markings, { agency: viewer.agency, today: todayIso() });
    if (Object.keys(errs).length) return showErrors(errs);
    if (!Object.keys(patch).length) return onDone();
    setSaving(true);
    try {
      await api.updateEntity(node.id, patch);
      await ws.refreshRecords([node.id]);
      ws.notify('info', `Saved ${patch.label ?? node.label}`);
      onDone();
    } catch (err) {
      const r = writeRefusal(err, ws);
      if (r) showErrors({ [formKeyOf(r.field, fields)]: r.message });
    } finally {
      setSaving(false);
    }
  };

  return (
    <form className="edit-entity" ref={root} onSubmit={(e) => void submit(e)} noValidate data-testid="edit-entity"
      onKeyDown={(e) => { if (e.key === 'Escape') { e.preventDefault(); e.stopPropagation(); onDone(); } }}>
      <div className={`record-field${errors[LABEL_KEY] ? ' invalid' : ''}`}>
        <label htmlFor="edit-entity-label">Label</label>
        <input id="edit-entity-label" autoFocus data-key={LABEL_KEY} data-testid="edit-entity-label" value={label} onChange={(e) => { setLabel(e.target.value); setErrors(afterEdit(errors, LABEL_KEY)); }} aria-invalid={errors[LABEL_KEY] ? true : undefined} />
        {errors[LABEL_KEY] && <span className="field-error error" role="alert">{errors[LABEL_KEY]}</span>}
      </div>
      <RecordFields fields={fields} values={values} errors={errors} testid="edit-entity-field" locked={locked} onChange={(name, v) => { setValues({ ...values, [name]: v }); setErrors(afterEdit(errors, name)); }} />
      <MarkingsFields value={markings} errors={errors} onChange={(m) => { setMarkings(m); setErrors(afterEdit(errors, 'markings')); }} testid="edit-entity" compartments={viewer.compartments}
        handlingLocked={gradingLocked ? 'Only roles that grade may change a report\u2019s handling code' : undefined} />
      {errors[FORM_KEY] && <p className="error" role="alert" data-key={FORM_KEY} tabIndex={-1} data-testid="edit-entity-error">{errors[FORM_KEY]}</p>}
      <div className="actions">
        <button type="submit" className="primary" disabled={saving} data-testid="edit-entity-save">{saving ? 'Saving…' : 'Save'}</button>
        <button type="button" onClick={onDone} data-testid="edit-entity-cancel">Cancel</button>
      </div>
    </form>
  );
}
