import { useId } from 'react';
import {
  CLASSIFICATION_CHOICES, COMPARTMENT_CHOICES, CONDITION_CHOICES, markingKey,
  type FieldSpec, type FormErrors, type FormValues, type MarkingsForm,
} from './recordForm.js';

/** Moves focus to the form's field for `key` (a property, `label` or `marking.<name>`). */
export function focusField(root: HTMLElement | null, key: string | undefined): void {
  if (!root || !key) return;
  const el = root.querySelector<HTMLElement>(`[data-key="${CSS.escape(key)}"]`);
  el?.focus();
  el?.scrollIntoView?.({ block: 'nearest' });
}

function FieldError({ id, text }: { id: string; text?: string }) {
  return text ? <span className="field-error error" id={id} role="alert">{text}</span> : null;
}

/** The properties of a record type as inputs, generated from the model's field specs. */
export function RecordFields({ fields, values, errors, onChange, testid, locked = {} }: {
  fields: readonly FieldSpec[];
  /** Fields shown but not changeable here, with the reason (shown as the field's hint). */
  locked?: Readonly<Record<string, string>>;
  values: FormValues;
  errors: FormErrors;
  onChange(name: string, value: string | string[]): void;
  testid: string;
}) {
  const uid = useId();
  return (
    <div className="record-fields">
      {fields.map((f) => {
        const id = `${uid}-${f.name}`;
        const errId = `${id}-error`;
        const err = errors[f.name];
        const common = {
          id, 'data-key': f.name, 'data-testid': `${testid}-${f.name}`, 'aria-invalid': err ? true : undefined,
          'aria-describedby': err ? errId : undefined, 'aria-required': f.required || undefined,
          disabled: !!locked[f.name], title: locked[f.name],
        };
        const title = <>{f.title}{f.required && <span className="required" aria-hidden> *</span>}{f.hint && <span className="muted small"> ({f.hint})</span>}</>;
        if (f.kind === 'enumList') {
          const chosen = new Set((values[f.name] as string[] | undefined) ?? []);
          return (
            <fieldset key={f.name} className={`record-field choices${err ? ' invalid' : ''}`} {...common} tabIndex={-1}>
              <legend>{title}</legend>
              {f.options!.map((o) => (
                <label key={o.value} className="inline">
                  <input type="checkbox" checked={chosen.has(o.value)} onChange={(e) => {
                    const next = new Set(chosen);
                    if (e.target.checked) next.add(o.value); else next.delete(o.value);
                    onChange(f.name, f.options!.map((x) => x.value).filter((v) => next.has(v)));
                  }} />{o.label}
                </label>
              ))}
              <FieldError id={errId} text={err} />
            </fieldset>
          );
        }
        const value = String(values[f.name] ?? '');
        let input;
        if (f.kind === 'enum' || f.kind === 'bool') {
          const options = f.kind === 'bool' ? [{ value: 'true', label: 'Yes' }, { value: 'false', label: 'No' }] : f.options!;
          input = (
            <select {...common} value={value} onChange={(e) => onChange(f.name, e.target.value)}>
              <option value="">{f.required ? 'Choose…' : '—'}</option>
              {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
            </select>
          );
        } else if (f.multiline) {
          input = <textarea {...common} rows={3} value={value} onChange={(e) => onChange(f.name, e.target.value)} />;
        } else {
          const numeric = f.kind === 'int' || f.kind === 'float';
          input = <input {...common} type="text" inputMode={numeric ? 'decimal' : undefined} placeholder={f.kind === 'date' ? 'dd/mm/yyyy' : f.kind === 'datetime' ? 'dd/mm/yyyy hh:mm' : undefined} value={value} onChange={(e) => onChange(f.name, e.target.value)} />;
        }
        return (
          <div key={f.name} className={`record-field${err ? ' invalid' : ''}${f.multiline ? ' wide' : ''}`}>
            <label htmlFor={id}>{title}</label>
            {input}
            <FieldError id={errId} text={err} />
          </div>
        );
      })}
    </div>
  );
}

/** Classification, compartments and the handling code (C with its conditions) of a record. */
export function MarkingsFields({ value, errors, onChange, testid, compartments, handlingLocked }: {
  value: MarkingsForm;
  errors: FormErrors;
  onChange(next: MarkingsForm): void;
  testid: string;
  /** The compartments the writer holds: a record marked with another would vanish from them. */
  compartments: readonly string[];
  /** Why the handling code and its conditions cannot be changed here (a report's grading), if so. */
  handlingLocked?: string;
}) {
  const uid = useId();
  const set = (patch: Partial<MarkingsForm>) => onChange({ ...value, ...patch });
  const err = (name: string) => errors[markingKey(name)];
  const offered = COMPARTMENT_CHOICES.filter((c) => compartments.includes(c) || value.compartments.includes(c));
  return (
    <fieldset className="markings-fields" data-testid={`${testid}-markings`}>
      <legend>Markings</legend>
      <div className="record-fields">
        <div className={`record-field${err('classification') ? ' invalid' : ''}`}>
          <label htmlFor={`${uid}-cls`}>Classification</label>
          <select id={`${uid}-cls`} data-key={markingKey('classification')} data-testid={`${testid}-classification`} value={value.classification} onChange={(e) => set({ classification: e.target.value })}>
            {CLASSIFICATION_CHOICES.map((c) => <option key={c} value={c}>{c}</option>)}
          </select>
          {err('classification') && <span className="field-error error" role="alert">{err('classification')}</span>}
        </div>
        <div className={`record-field${err('handling') ? ' invalid' : ''}`}>
          <label htmlFor={`${uid}-handling`}>Handling code</label>
          <select id={`${uid}-handling`} data-key={markingKey('handling')} data-testid={`${testid}-handling`} value={value.handling} disabled={!!handlingLocked} title={handlingLocked} onChange={(e) => set({ handling: e.target.value === 'C' ? 'C' : 'P' })}>
            <option value="P">P: lawful sharing permitted</option>
            <option value="C">C: sharing subject to conditions</option>
          </select>
          {err('handling') && <span className="field-error error" role="alert">{err('handling')}</span>}
        </div>
      </div>
      {value.handling === 'C' && (
        <fieldset className={`record-field choices wide${err('handlingConditions') ? ' invalid' : ''}`} data-key={markingKey('handlingConditions')} tabIndex={-1} data-testid={`${testid}-conditions`}>
          <legend>Conditions<span className="required" aria-hidden> *</span> <span className="muted small">(a code or written conditions)</span></legend>
          {CONDITION_CHOICES.map((c) => (
            <label key={c.code} className="inline" title={c.meaning}>
              <input type="checkbox" data-testid={`${testid}-condition-${c.code}`} checked={value.handlingConditions.includes(c.code)} disabled={!!handlingLocked} onChange={(e) => set({
                handlingConditions: e.target.checked ? [...value.handlingConditions, c.code] : value.handlingConditions.filter((x) => x !== c.code),
              })} />{c.code}
            </label>
          ))}
          <textarea rows={2} aria-label="Written conditions" placeholder="Written conditions" data-key={markingKey('handlingNotes')} data-testid={`${testid}-handling-notes`} value={value.handlingNotes} disabled={!!handlingLocked} onChange={(e) => set({ handlingNotes: e.target.value })} />
          {(err('handlingConditions') || err('handlingNotes')) && <span className="field-error error" role="alert">{err('handlingConditions') ?? err('handlingNotes')}</span>}
        </fieldset>
      )}
      {offered.length > 0 && (
        <fieldset className={`record-field choices wide${err('compartments') ? ' invalid' : ''}`} data-key={markingKey('compartments')} tabIndex={-1}>
          <legend>Compartments</legend>
          {offered.map((c) => (
            <label key={c} className="inline">
              <input type="checkbox" checked={value.compartments.includes(c)} onChange={(e) => set({
                compartments: e.target.checked ? [...value.compartments, c] : value.compartments.filter((x) => x !== c),
              })} />{c}
            </label>
          ))}
          {err('compartments') && <span className="field-error error" role="alert">{err('compartments')}</span>}
        </fieldset>
      )}
    </fieldset>
  );
}
