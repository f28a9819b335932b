import { useEffect, useMemo, useState, type ChangeEvent } from 'react';
import { useWorkspace } from '../ui/context.js';
import { messageOf } from '../workspace/GraphWorkspace.js';
import {
  COMMS_KINDS, type CommsApi, type CommsField, type CommsImportResult, type CommsKind, type CommsPreview, type ImportMapping, type ImportMappingInput,
} from './api.js';

/** Uploads go in one request (the server's body limit is 1 MB); larger files: the command line. */
const MAX_UPLOAD = 950_000;
const SHOWN_ERRORS = 200;
const DELIMITERS: { value: string; title: string }[] = [
  { value: '', title: 'Detect' }, { value: ',', title: 'Comma' }, { value: '\t', title: 'Tab' }, { value: ';', title: 'Semicolon' }, { value: '|', title: 'Pipe' },
];
const DATE_FORMATS: { value: string; title: string }[] = [
  { value: 'ISO', title: 'ISO (2024-03-01 09:15)' }, { value: 'DD/MM/YYYY', title: 'UK (01/03/2024 09:15)' }, { value: 'MM/DD/YYYY', title: 'US (03/01/2024 09:15)' },
  { value: 'EPOCH_S', title: 'Unix seconds' }, { value: 'EPOCH_MS', title: 'Unix milliseconds' },
];
const TIME_ZONES: { value: string; title: string }[] = [{ value: 'UTC', title: 'UTC' }, { value: 'Europe/London', title: 'UK time' }];
/** Fields a supplier often splits over a date and a time column: a second column may be joined. */
const JOINABLE = new Set(['start', 'time']);

const delimiterName = (d: string) => DELIMITERS.find((x) => x.value === d)?.title.toLowerCase() ?? JSON.stringify(d);

/** field -> "Header" or "Date+Time" (see the API's ColumnMap). */
type Columns = Record<string, string>;

const toColumns = (list: { field: string; column: string }[]): Columns => Object.fromEntries(list.filter((c) => c.column).map((c) => [c.field, c.column]));

/**
 * Import of a communications file: the kind, the file, a preview with the server's suggested
 * mapping, the mapping adjusted field by field and saved by name (or a saved one picked), then a
 * check (dry run) and the import, with per-line errors. The import reads the mapping saved under
 * that name, so what is imported is what was saved.
 */
export function CommsImport({ comms }: { comms: CommsApi }) {
  const ws = useWorkspace();
  const [kind, setKind] = useState<CommsKind>('CALLS');
  const [file, setFile] = useState<{ name: string; text: string; size: number } | null>(null);
  const [fields, setFields] = useState<CommsField[]>([]);
  const [saved, setSaved] = useState<ImportMapping[]>([]);
  const [preview, setPreview] = useState<CommsPreview | null>(null);
  const [columns, setColumns] = useState<Columns>({});
  const [delimiter, setDelimiter] = useState('');
  const [dateFormat, setDateFormat] = useState('ISO');
  const [timeZone, setTimeZone] = useState('UTC');
  const [name, setName] = useState('');
  /** The saved mapping the form shows unchanged, if any: check and import use it. */
  const [savedAs, setSavedAs] = useState<string | null>(null);
  const [keepGood, setKeepGood] = useState(false);
  const [busy, setBusy] = useState<string | null>(null);
  const [result, setResult] = useState<CommsImportResult | null>(null);
  const [error, setError] = useState<string | null>(null);

  const edited = () => { setSavedAs(null); setResult(null); };

  useEffect(() => {
    let live = true;
    setError(null);
    Promise.all([comms.fields(kind), comms.mappings(kind)])
      .then(([f, m]) => { if (live) { setFields(f); setSaved(m); } })
      .catch((e) => { if (live) setError(messageOf(e)); });
    return () => { live = false; };
  }, [comms, kind]);

  const mappingInput = (): ImportMappingInput => ({
    name: name.trim(), kind, delimiter: delimiter || null, dateFormat, timeZone,
    columns: Object.entries(columns).filter(([, c]) => c).map(([field, column]) => ({ field, column })),
  });

  /** Reads the file's first rows with the server (detected delimiter, headers, suggested mapping). */
  const runPreview = async (text: string, k: CommsKind, opts: { suggest: boolean; delimiterOverride?: string }) => {
    setBusy('preview');
    setError(null);
    try {
      const p = await comms.preview(k, text, opts.delimiterOverride ?? delimiter);
      setPreview(p);
      if (opts.suggest) setColumns(toColumns(p.suggested));
    } catch (e) {
      setPreview(null);
      setError(messageOf(e));
    } finally {
      setBusy(null);
    }
  };

  const pickFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const f = e.target.files?.[0];
    setResult(null);
    if (!f) { setFile(null); setPreview(null); return; }
    const text = await f.text();
    setFile({ name: f.name, text, size: f.size });
    edited();
    if (f.size <= MAX_UPLOAD) await runPreview(text, kind, { suggest: true });
  };

  const changeKind = (k: CommsKind) => {
    setKind(k);
    setColumns({});
    edited();
    setName('');
    if (file && file.size <= MAX_UPLOAD) void runPreview(file.text, k, { suggest: true });
  };

  const usePicked = (mappingName: string) => {
    const m = saved.find((x) => x.name === mappingName);
    if (!m) return;
    setName(m.name);
    setColumns(toColumns(m.columns));
    setDelimiter(m.delimiter ?? '');
    setDateFormat(m.dateFormat);
    setTimeZone(m.timeZone);
    setSavedAs(m.name);
    setResult(null);
    if (file && (m.delimiter ?? '') !== delimiter) void runPreview(file.text, kind, { suggest: false, delimiterOverride: m.delimiter ?? '' });
  };

  const save = async () => {
    setBusy('save');
    setError(null);
    try {
      const m = await comms.saveMapping(mappingInput());
      setSaved((list) => [...list.filter((x) => x.name !== m.name), m].sort((a, b) => a.name.localeCompare(b.name)));
      setSavedAs(m.name);
      setName(m.name);
      ws.notify('info', `Mapping “${m.name}” saved for your agency`);
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(null);
    }
  };

  const send = async (dryRun: boolean) => {
    if (!file || !savedAs) return;
    setBusy(dryRun ? 'check' : 'import');
    setError(null);
    try {
      const r = await comms.importFile(kind, savedAs, file.text, { dryRun, keepGood });
      setResult(r);
      if (!dryRun && r.written) {
        ws.notify('info', `Imported ${r.accepted} rows: ${r.entitiesCreated} entities created, ${r.linksWritten} links written${r.rejected ? `, ${r.rejected} rejected` : ''}`);
      }
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(null);
    }
  };

  const headers = preview?.headers ?? [];
  const missing = useMemo(() => fields.filter((f) => f.required && !columns[f.name]).map((f) => f.name), [fields, columns]);
  const tooBig = !!file && file.size > MAX_UPLOAD;
  const checked = result?.dryRun ? result : null;
  const canImport = !!savedAs && !!checked && (checked.rejected === 0 || keepGood) && checked.accepted > 0;

  return (
    <div className="comms-import" data-testid="comms-import">
      <p className="note small">
        Call data records, ANPR reads and cell-site lists, comma, tab, semicolon or pipe separated, with any headers: map the
        file’s columns once, save the mapping by name, and use it for every file of that supplier. Rows are owned by your agency.
      </p>
      <div className="form-grid">
        <label>Kind of file
          <select value={kind} onChange={(e) => changeKind(e.target.value as CommsKind)} data-testid="comms-kind">
            {COMMS_KINDS.map((k) => <option key={k.kind} value={k.kind}>{k.title}</option>)}
          </select>
        </label>
        <label>File <input type="file" accept=".csv,.tsv,.txt,text/csv,text/tab-separated-values,text/plain" onChange={(e) => void pickFile(e)} data-testid="comms-file" /></label>
      </div>
      {tooBig && <p className="error" role="alert">This file is {(file!.size / 1e6).toFixed(1)} MB: split it, or import it from the command line.</p>}

      {saved.length > 0 && (
        <label className="inline">Saved mapping
          <select value={savedAs ?? ''} onChange={(e) => usePicked(e.target.value)} data-testid="comms-saved-mapping">
            <option value="">(choose)</option>
            {saved.map((m) => <option key={m.name} value={m.name}>{m.name}</option>)}
          </select>
        </label>
      )}

      {preview && (
        <section className="comms-preview" data-testid="comms-preview" data-delimiter={preview.delimiter}>
          <h4>First rows <span className="muted small" data-testid="comms-delimiter">({delimiterName(preview.delimiter)} separated, {preview.headers.length} columns)</span></h4>
          <div className="comms-table-wrap">
            <table className="comms-table">
              <thead><tr>{preview.headers.map((h, i) => <th key={i}>{h}</th>)}</tr></thead>
              <tbody>{preview.rows.map((r, i) => <tr key={i}>{r.map((c, j) => <td key={j}>{c}</td>)}</tr>)}</tbody>
            </table>
          </div>
        </section>
      )}

      {preview && fields.length > 0 && (
        <section className="comms-mapping" data-testid="comms-mapping">
          <h4>Column mapping</h4>
          <table className="comms-map">
            <tbody>
              {fields.map((f) => {
                const [first = '', second = ''] = (columns[f.name] ?? '').split('+');
                const set = (a: string, b: string) => { setColumns((c) => ({ ...c, [f.name]: a ? (b ? `${a}+${b}` : a) : '' })); edited(); };
                return (
                  <tr key={f.name} data-field={f.name}>
                    <th title={f.description}>{f.name}{f.required ? ' *' : ''}</th>
                    <td>
                      <select value={headers.find((h) => h.toLowerCase() === first.toLowerCase()) ?? first} onChange={(e) => set(e.target.value, second)} data-testid={`comms-map-${f.name}`}>
                        <option value="">(not in this file)</option>
                        {!headers.some((h) => h.toLowerCase() === first.toLowerCase()) && first && <option value={first}>{first} (not found)</option>}
                        {headers.map((h) => <option key={h} value={h}>{h}</option>)}
                      </select>
                      {JOINABLE.has(f.name) && first && (
                        <label className="inline small"> + time column
                          <select value={headers.find((h) => h.toLowerCase() === second.toLowerCase()) ?? second} onChange={(e) => set(first, e.target.value)} data-testid={`comms-map-${f.name}-join`}>
                            <option value="">(none)</option>
                            {headers.map((h) => <option key={h} value={h}>{h}</option>)}
                          </select>
                        </label>
                      )}
                    </td>
                    <td className="muted small">{f.description}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <div className="form-grid">
            <label>Delimiter
              <select value={delimiter} onChange={(e) => { setDelimiter(e.target.value); edited(); if (file) void runPreview(file.text, kind, { suggest: false, delimiterOverride: e.target.value }); }} data-testid="comms-delimiter-choice">
                {DELIMITERS.map((d) => <option key={d.title} value={d.value}>{d.title}</option>)}
              </select>
            </label>
            <label>Dates
              <select value={dateFormat} onChange={(e) => { setDateFormat(e.target.value); edited(); }} data-testid="comms-date-format">
                {DATE_FORMATS.map((d) => <option key={d.value} value={d.value}>{d.title}</option>)}
              </select>
            </label>
            <label>Times without an offset are
              <select value={timeZone} onChange={(e) => { setTimeZone(e.target.value); edited(); }} data-testid="comms-time-zone">
                {TIME_ZONES.map((d) => <option key={d.value} value={d.value}>{d.title}</option>)}
              </select>
            </label>
          </div>
          {missing.length > 0 && <p className="error small" data-testid="comms-missing">Required and not mapped: {missing.join(', ')}</p>}
          <div className="form-row">
            <label className="inline">Mapping name
              <input value={name} onChange={(e) => { setName(e.target.value); edited(); }} placeholder="e.g. Carrier X call records" data-testid="comms-mapping-name" />
            </label>
            <button type="button" onClick={() => void save()} disabled={!name.trim() || missing.length > 0 || !!busy} data-testid="comms-save-mapping">
              {busy === 'save' ? 'Saving…' : 'Save mapping'}
            </button>
            {savedAs && <span className="muted small" data-testid="comms-saved-as">Using saved mapping “{savedAs}”</span>}
          </div>
        </section>
      )}

      {preview && (
        <>
          <label className="inline">
            <input type="checkbox" checked={keepGood} onChange={(e) => setKeepGood(e.target.checked)} data-testid="comms-keep-good" />
            Import the good rows even if some are rejected
          </label>
          <div className="dialog-actions">
            {!savedAs && <span className="muted small">Save the mapping (or choose a saved one) to check the file.</span>}
            <button type="button" onClick={() => void send(true)} disabled={!savedAs || !file || tooBig || !!busy} data-testid="comms-check">{busy === 'check' ? 'Checking…' : 'Check (dry run)'}</button>
            <button type="button" className="primary" onClick={() => void send(false)} disabled={!canImport || !!busy} data-testid="comms-import-run"
              title={checked ? undefined : 'Check the file first'}>
              {busy === 'import' ? 'Importing…' : 'Import'}
            </button>
          </div>
        </>
      )}
      {busy === 'preview' && <p className="muted">Reading the file…</p>}
      {error && <p className="error" role="alert" data-testid="comms-error">{error}</p>}
      {result && <ImportResult r={result} />}
    </div>
  );
}

function ImportResult({ r }: { r: CommsImportResult }) {
  return (
    <section className="import-summary" data-testid="comms-result" data-dry-run={r.dryRun} data-written={r.written}
      data-read={r.read} data-accepted={r.accepted} data-rejected={r.rejected} data-records-created={r.recordsCreated}
      data-entities-created={r.entitiesCreated} data-links-written={r.linksWritten}>
      <p>
        <b>{r.dryRun ? 'Check' : r.written ? 'Imported' : 'Nothing imported'}:</b>{' '}
        {r.read} rows read, {r.accepted} accepted, <span className={r.rejected ? 'error' : ''}>{r.rejected} rejected</span>.
        {r.dryRun && ' Nothing is written until you import.'}
      </p>
      {r.written && (
        <p data-testid="comms-written">
          {r.recordsCreated} new records stored, {r.recordsUnchanged} already held{r.duplicates ? `, ${r.duplicates} repeated rows` : ''};{' '}
          {r.entitiesCreated} entities created{r.entitiesUpdated ? `, ${r.entitiesUpdated} updated` : ''}, {r.linksWritten} links written.
        </p>
      )}
      {!r.dryRun && !r.written && r.rejected > 0 && <p className="note small">Nothing was written: fix the lines below, or import the good rows only.</p>}
      {r.errors.length > 0 && (
        <div className="import-errors">
          <table>
            <thead><tr><th>Line</th><th>Reason</th></tr></thead>
            <tbody>
              {r.errors.slice(0, SHOWN_ERRORS).map((e, i) => <tr key={i} data-testid="comms-error-row"><td>{e.line}</td><td>{e.reason}</td></tr>)}
            </tbody>
          </table>
          {r.errors.length > SHOWN_ERRORS && <p className="muted small">…and {r.errors.length - SHOWN_ERRORS} more.</p>}
        </div>
      )}
    </section>
  );
}
