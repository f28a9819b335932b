import { useMemo, useRef, useState, type FormEvent } from 'react';
import { todayIso } from '../../../server/domain/validate.js';
import type { Position } from '../workspace/chartDoc.js';
import { useWorkspace, useWorkspaceState } from '../ui/context.js';
import { ENTITY_TYPE_NAMES, entityTitle } from '../ui/format.js';
import { useBuildApi, writeRefusal } from './useBuildApi.js';
import { RecordFields, MarkingsFields, focusField } from './RecordFields.js';
import {
  FORM_KEY, LABEL_KEY, afterEdit, blankValues, defaultMarkings, fieldsFor, firstInvalid, formKeyOf, labelHint, markingKey, readNewEntity,
  type FormErrors, type FormValues,
} from './recordForm.js';

/** Why a type cannot be created by this viewer (reports carry a grade: only those who grade submit them). */
export function typeRefusal(type: string, permissions: readonly string[]): string | null {
  if (!permissions.includes('write')) return 'Your role cannot create records';
  if (type === 'IntelligenceReport' && !permissions.includes('grade')) return 'Reports carry a grading: only roles that grade may submit them';
  return null;
}

export const MARKING_ORDER = ['classification', 'handling', 'handlingConditions', 'handlingNotes', 'compartments'].map(markingKey);

/** Add entity: a type, its form from the model and its markings; the new record is drawn where asked. */
export function AddEntityDialog({ position, onClose }: { position?: Position; onClose(): void }) {
  const ws = useWorkspace();
  const viewer = useWorkspaceState().viewer!;
  const api = useBuildApi();
  const root = useRef<HTMLFormElement>(null);
  const [type, setType] = useState('Subject');
  const fields = useMemo(() => fieldsFor('entity', type), [type]);
  // Values typed are kept per type, so changing the type and back loses nothing.
  const [valuesByType, setValuesByType] = useState<Record<string, FormValues>>({});
  const values = valuesByType[type] ?? blankValues(fields);
  const [label, setLabel] = useState('');
  const [markings, setMarkings] = useState(defaultMarkings);
  const [errors, setErrors] = useState<FormErrors>({});
  const [saving, setSaving] = useState(false);
  const refused = typeRefusal(type, viewer.permissions);
  const order = [LABEL_KEY, ...fields.map((f) => f.name), ...MARKING_ORDER];

  const showErrors = (errs: FormErrors) => {
    setErrors(errs);
    requestAnimationFrame(() => focusField(root.current, firstInvalid(order, errs)));
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (refused || saving) return;
    const { draft, errors: errs } = readNewEntity(type, label, values, markings, { agency: viewer.agency, today: todayIso() });
    if (Object.keys(errs).length) return showErrors(errs);
    setSaving(true);
    try {
      const res = await api.createEntity(draft);
      onClose();
      await ws.placeCreated(res.id, position);
      ws.notify('info', `Created ${entityTitle(type).toLowerCase()} ${draft.label ?? ''}`.trim());
    } catch (err) {
      const r = writeRefusal(err, ws);
      if (r) showErrors({ [formKeyOf(r.field, fields)]: r.message });
    } finally {
      setSaving(false);
    }
  };

  return (
    <div className="overlay" role="dialog" aria-modal aria-label="Add entity" onMouseDown={(e) => { if (e.target === e.currentTarget) onClose(); }}>
      <form className="dialog wide build-dialog" ref={root} onSubmit={(e) => void submit(e)} noValidate data-testid="add-entity-dialog">
        <button type="button" className="close" onClick={onClose} aria-label="Close">×</button>
        <h2>Add entity</h2>
        <p className="muted small">{position ? 'It is drawn where you asked' : 'It is drawn beside the chart'} and selected. Fields marked * are required; dates as dd/mm/yyyy.</p>
        <div className="record-fields">
          <div className="record-field">
            <label htmlFor="add-entity-type">Type</label>
            <select id="add-entity-type" autoFocus value={type} onChange={(e) => { setType(e.target.value); setErrors({}); }} data-testid="add-entity-type">
              {ENTITY_TYPE_NAMES.map((t) => (
                <option key={t} value={t} disabled={!!typeRefusal(t, viewer.permissions)} title={typeRefusal(t, viewer.permissions) ?? undefined}>{entityTitle(t)}</option>
              ))}
            </select>
          </div>
          <div className={`record-field${errors[LABEL_KEY] ? ' invalid' : ''}`}>
            <label htmlFor="add-entity-label">Label <span className="muted small">({labelHint(type)})</span></label>
            <input id="add-entity-label" data-key={LABEL_KEY} data-testid="add-entity-label" value={label} onChange={(e) => { setLabel(e.target.value); setErrors(afterEdit(errors, LABEL_KEY)); }} aria-invalid={errors[LABEL_KEY] ? true : undefined} />
            {errors[LABEL_KEY] && <span className="field-error error" role="alert">{errors[LABEL_KEY]}</span>}
          </div>
        </div>
        {refused && <p className="error" data-testid="add-entity-refused">{refused}</p>}
        <RecordFields fields={fields} values={values} errors={errors} testid="add-entity-field"
          onChange={(name, v) => { setValuesByType({ ...valuesByType, [type]: { ...values, [name]: v } }); setErrors(afterEdit(errors, name)); }} />
        <MarkingsFields value={markings} errors={errors} onChange={(m) => { setMarkings(m); setErrors(afterEdit(errors, 'markings')); }} testid="add-entity" compartments={viewer.compartments} />
        {errors[FORM_KEY] && <p className="error" role="alert" data-key={FORM_KEY} tabIndex={-1} data-testid="add-entity-error">{errors[FORM_KEY]}</p>}
        <div className="dialog-actions">
          <button type="button" onClick={onClose} data-testid="add-entity-cancel">Cancel</button>
          <button type="submit" className="primary" disabled={saving || !!refused} data-testid="add-entity-submit">{saving ? 'Saving…' : 'Add to chart'}</button>
        </div>
      </form>
    </div>
  );
}
