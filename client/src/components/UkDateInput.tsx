import { useEffect, useState, type InputHTMLAttributes } from 'react';
import { isoToUk, outOfRange, readUkDate } from '../ui/ukDate.js';

type Props = Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'type' | 'min' | 'max'> & {
  /** yyyy-mm-dd, or '' for none. */
  value: string;
  /** Called with yyyy-mm-dd when a whole valid date is written, or '' when the field is cleared. */
  onChange(iso: string): void;
  min?: string;
  max?: string;
};

/**
 * A date field in dd/mm/yyyy whatever the browser's locale. What is typed is kept while it is not
 * yet a date (never lost), marked invalid with the reason on leaving the field, and shown in the UK
 * form again once it is.
 */
export function UkDateInput({ value, onChange, min, max, ...rest }: Props) {
  const [text, setText] = useState(isoToUk(value));
  const [error, setError] = useState<string | null>(null);
  const [focused, setFocused] = useState(false);
  useEffect(() => {
    if (!focused) { setText(isoToUk(value)); setError(null); }
  }, [value, focused]);
  const check = (t: string, final: boolean) => {
    if (!t.trim()) { setError(null); if (value) onChange(''); return; }
    const r = readUkDate(t);
    const why = 'error' in r ? r.error : outOfRange(r.iso, min, max);
    if (why) { if (final) setError(why); return; }
    setError(null);
    if ('iso' in r && r.iso !== value) onChange(r.iso);
  };
  return (
    <input
      {...rest}
      type="text"
      inputMode="numeric"
      placeholder="dd/mm/yyyy"
      size={10}
      value={text}
      aria-invalid={error ? true : rest['aria-invalid']}
      title={error ?? rest.title ?? 'dd/mm/yyyy'}
      onFocus={() => setFocused(true)}
      onChange={(e) => { setText(e.target.value); check(e.target.value, false); }}
      onBlur={() => { setFocused(false); check(text, true); }}
      onKeyDown={(e) => { if (e.key === 'Enter') check(text, true); rest.onKeyDown?.(e); }}
    />
  );
}
