import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import { UkDateInput } from '../components/UkDateInput.js';
import type { GraphSlice } from '../workspace/types.js';
import {
  cellText, errorText, initialValues, PARAM_TYPES, paramValues, Q, queryParams, reconcileParams, SOURCE_TITLES, toCsv,
  type CypherSchema, type Investigation, type InvestigationResult, type InvestigationsApi, type ParamDef, type ParamType,
} from './model.js';
import './investigations.css';

// The editor (CodeMirror plus Neo4j's ANTLR Cypher parser, about 1.1 MB minified) is its own chunk,
// fetched when the panel first shows; a plain text area stands in meanwhile.
const CypherField = lazy(() => import('./CypherField.js').then((m) => ({ default: m.CypherField })));

/**
 * Saved Cypher investigations: a library browser (shipped, approved, own, shared), a Cypher
 * editor with completion from the model, a parameters form generated from each investigation's
 * declared parameters, and results as a table (CSV export) or added to the chart via `onGraph`.
 * Self-contained: it talks to the API only through `api.request`.
 */
export function InvestigationsPanel({ api, onGraph }: { api: InvestigationsApi; onGraph(slice: GraphSlice): void }) {
  const [list, setList] = useState<Investigation[]>([]);
  const [schema, setSchema] = useState<CypherSchema>();
  const [filter, setFilter] = useState('');
  const [selected, setSelected] = useState<Investigation | null>(null);
  const [text, setText] = useState('');
  const [defs, setDefs] = useState<ParamDef[]>([]);
  const [values, setValues] = useState<Record<string, string>>({});
  const [result, setResult] = useState<InvestigationResult | null>(null);
  const [view, setView] = useState<'table' | 'graph'>('table');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [saveName, setSaveName] = useState('');
  const [saveDescription, setSaveDescription] = useState('');
  const [shareWith, setShareWith] = useState('');

  const refresh = useCallback(async () => {
    try {
      const r = await api.request<{ investigations: Investigation[] }>(Q.list);
      setList(r.investigations);
    } catch (e) {
      setError(errorText(e));
    }
  }, [api]);

  useEffect(() => {
    void refresh();
    api.request<{ cypherSchema: CypherSchema }>(Q.schema).then((r) => setSchema(r.cypherSchema), (e) => setError(errorText(e)));
  }, [api, refresh]);

  const isLibrary = selected?.source === 'library';
  const edited = !selected || text !== selected.cypher;
  // Library files run as written; everything else (typed or saved by users) runs as free-form Cypher.
  const runsSaved = !!selected && !edited;
  const ownSelected = selected?.source === 'own';

  const open = async (inv: Investigation) => {
    setError(null);
    setNotice(null);
    setResult(null);
    setSelected(inv);
    setText(inv.cypher);
    setDefs(inv.params);
    setValues(initialValues(inv.params));
    setSaveName(inv.name);
    setSaveDescription(inv.description);
    setShareWith((inv.sharedWith ?? []).join(', '));
    setView(inv.returns);
    if (inv.source !== 'library') {
      try {
        const r = await api.request<{ investigation: Investigation | null }>(Q.one, { id: inv.id });
        if (r.investigation) setSelected(r.investigation);
      } catch (e) {
        setError(errorText(e));
      }
    }
  };

  const newQuery = () => {
    setSelected(null);
    setText('');
    setDefs([]);
    setValues({});
    setResult(null);
    setSaveName('');
    setSaveDescription('');
    setShareWith('');
    setError(null);
    setNotice(null);
  };

  const onText = (v: string) => {
    setText(v);
    if (!isLibrary) setDefs((d) => reconcileParams(d, v));
  };

  const run = async () => {
    const { params, errors } = paramValues(defs, values);
    const bad = Object.entries(errors);
    if (bad.length) { setError(bad.map(([k, m]) => `${k}: ${m}`).join('; ')); return; }
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      const r = runsSaved
        ? (await api.request<{ runInvestigation: InvestigationResult }>(Q.run, { id: selected!.id, params })).runInvestigation
        : (await api.request<{ runCypher: InvestigationResult }>(Q.runCypher, { cypher: text, params })).runCypher;
      setResult(r);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  const save = async (asCopy: boolean, nameOverride?: string) => {
    setBusy(true);
    setError(null);
    try {
      const input = {
        ...(ownSelected && !asCopy ? { id: selected!.id, expectedVersion: selected!.version } : {}),
        name: (nameOverride ?? saveName).trim() || 'Untitled investigation',
        description: saveDescription,
        cypher: text,
        returns: view,
        columns: result?.columns ?? selected?.columns ?? [],
        params: defs.map((p) => ({ name: p.name, type: p.type, default: values[p.name]?.trim() ? values[p.name] : null, description: p.description ?? null })),
      };
      const r = await api.request<{ saveInvestigation: Investigation }>(Q.save, { input });
      setNotice(`Saved as version ${r.saveInvestigation.version}`);
      await refresh();
      await open(r.saveInvestigation);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  const share = async () => {
    if (!selected) return;
    try {
      const usernames = shareWith.split(',').map((s) => s.trim()).filter(Boolean);
      const r = await api.request<{ shareInvestigation: Investigation }>(Q.share, { id: selected.id, usernames });
      setNotice(usernames.length ? `Shared with ${usernames.join(', ')}` : 'No longer shared');
      setSelected({ ...selected, ...r.shareInvestigation, versions: selected.versions });
      await refresh();
    } catch (e) {
      setError(errorText(e));
    }
  };

  const approve = async () => {
    if (!selected) return;
    try {
      const r = await api.request<{ approveInvestigation: Investigation }>(Q.approve, { id: selected.id });
      setNotice('Approved into the shared library');
      setSelected({ ...selected, ...r.approveInvestigation, versions: selected.versions });
      await refresh();
    } catch (e) {
      setError(errorText(e));
    }
  };

  const exportCsv = () => {
    if (!result) return;
    const blob = new Blob([toCsv(result.columns, result.rows)], { type: 'text/csv;charset=utf-8' });
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = `${(selected?.name ?? 'investigation').replace(/[^\w-]+/g, '_')}.csv`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };

  const groups = useMemo(() => {
    const f = filter.trim().toLowerCase();
    const shown = list.filter((i) => !f || i.name.toLowerCase().includes(f) || i.description.toLowerCase().includes(f));
    return (['library', 'approved', 'own', 'shared'] as const).map((s) => ({ source: s, items: shown.filter((i) => i.source === s) })).filter((g) => g.items.length);
  }, [list, filter]);

  const paramNames = useMemo(() => (isLibrary ? defs.map((d) => d.name) : queryParams(text)), [isLibrary, defs, text]);

  return (
    <div className="inv-panel">
      <aside className="inv-browser" aria-label="Investigations">
        <div className="inv-browser-head">
          <input type="search" placeholder="Find an investigation" value={filter} onChange={(e) => setFilter(e.target.value)} aria-label="Find an investigation" />
          <button type="button" onClick={newQuery}>New query</button>
        </div>
        {groups.map((g) => (
          <section key={g.source}>
            <h4>{SOURCE_TITLES[g.source]}</h4>
            <ul>
              {g.items.map((i) => (
                <li key={i.id}>
                  <button type="button" className={selected?.id === i.id ? 'inv-item selected' : 'inv-item'} onClick={() => void open(i)} title={i.description}>
                    <span className="inv-item-name">{i.name}</span>
                    {i.source !== 'library' && <span className="inv-item-meta">v{i.version}{i.owner ? ` · ${i.owner}` : ''}{i.approved ? ' · approved' : ''}</span>}
                  </button>
                </li>
              ))}
            </ul>
          </section>
        ))}
      </aside>

      <main className="inv-main">
        <header>
          <h3>{selected ? selected.name : 'Free-form query'}</h3>
          {selected?.description && <p className="inv-description">{selected.description}</p>}
          {!selected && <p className="inv-description">Read-only Cypher over the records you may see. Property keys and labels complete from the model.</p>}
        </header>

        <Suspense fallback={<textarea className="inv-editor" value={text} readOnly={isLibrary} onChange={(e) => onText(e.target.value)} aria-label="Cypher" rows={8} />}>
          <CypherField value={text} onChange={onText} schema={schema} params={paramNames} readOnly={isLibrary} />
        </Suspense>

        {defs.length > 0 && (
          <fieldset className="inv-params">
            <legend>Parameters</legend>
            {defs.map((p) => (
              <label key={p.name} className="inv-param">
                <span className="inv-param-name">{p.name}</span>
                {!isLibrary && (
                  <select value={p.type} aria-label={`${p.name} type`} onChange={(e) => setDefs(defs.map((d) => (d.name === p.name ? { ...d, type: e.target.value as ParamType } : d)))}>
                    {PARAM_TYPES.map((ty) => <option key={ty} value={ty}>{ty}</option>)}
                  </select>
                )}
                {isLibrary && <span className="inv-param-type">{p.type}</span>}
                <ParamInput def={p} value={values[p.name] ?? ''} onChange={(v) => setValues({ ...values, [p.name]: v })} />
                {p.description && <span className="inv-param-help">{p.description}</span>}
              </label>
            ))}
          </fieldset>
        )}

        <div className="inv-actions">
          <button type="button" onClick={() => void run()} disabled={busy || !text.trim()}>{busy ? 'Running…' : 'Run'}</button>
          {!isLibrary && (
            <>
              <input value={saveName} onChange={(e) => setSaveName(e.target.value)} placeholder="Name" aria-label="Name" />
              <input value={saveDescription} onChange={(e) => setSaveDescription(e.target.value)} placeholder="Description" aria-label="Description" />
              <button type="button" onClick={() => void save(false)} disabled={busy || !text.trim()}>{ownSelected ? 'Save new version' : 'Save'}</button>
            </>
          )}
          {selected && selected.source !== 'own' && <button type="button" onClick={() => void save(true, `${selected.name} (copy)`)} disabled={busy}>Save a copy</button>}
        </div>

        {ownSelected && (
          <div className="inv-actions">
            <input value={shareWith} onChange={(e) => setShareWith(e.target.value)} placeholder="Share with usernames, comma separated" aria-label="Share with" />
            <button type="button" onClick={() => void share()}>Share</button>
          </div>
        )}
        {selected && selected.source !== 'library' && !selected.approved && (
          <div className="inv-actions"><button type="button" onClick={() => void approve()}>Approve into the shared library</button></div>
        )}
        {selected?.versions && selected.versions.length > 1 && (
          <details className="inv-versions">
            <summary>{selected.versions.length} versions</summary>
            <ul>
              {selected.versions.map((v) => (
                <li key={v.version}>
                  <button type="button" onClick={() => onText(v.cypher)}>v{v.version}</button> {v.name} · {v.savedBy} · {v.savedAt.slice(0, 16).replace('T', ' ')}
                </li>
              ))}
            </ul>
          </details>
        )}

        {error && <div className="inv-error" role="alert">{error}</div>}
        {notice && <div className="inv-notice" role="status">{notice}</div>}

        {result && (
          <section className="inv-result" aria-label="Result">
            <div className="inv-result-bar">
              <span>{result.rows.length} row{result.rows.length === 1 ? '' : 's'} · {result.graph.nodes.length} nodes · {result.elapsedMs} ms</span>
              {result.truncated && <span className="inv-warning">Cut at the row limit: narrow the query for the rest</span>}
              {result.withheldColumns.length > 0 && <span className="inv-warning">Withheld: {result.withheldColumns.join(', ')} (not declared safe to show)</span>}
              <button type="button" onClick={() => setView(view === 'table' ? 'graph' : 'table')}>{view === 'table' ? 'Graph summary' : 'Table'}</button>
              <button type="button" onClick={exportCsv} disabled={!result.rows.length}>Export CSV</button>
              <button type="button" onClick={() => onGraph(result.graph)} disabled={!result.graph.nodes.length}>Add to chart</button>
            </div>
            {view === 'table' ? (
              <div className="inv-table-wrap">
                <table className="inv-table">
                  <thead><tr>{result.columns.map((c) => <th key={c}>{c}{result.withheldColumns.includes(c) ? ' (withheld)' : ''}</th>)}</tr></thead>
                  <tbody>
                    {result.rows.slice(0, 1000).map((r, i) => (
                      <tr key={i}>{result.columns.map((c) => <td key={c}>{cellText(r[c])}</td>)}</tr>
                    ))}
                  </tbody>
                </table>
                {result.rows.length > 1000 && <p className="inv-description">Showing the first 1,000 rows; the CSV has all {result.rows.length}.</p>}
              </div>
            ) : (
              <ul className="inv-graph-summary">
                {result.graph.nodes.slice(0, 200).map((n) => <li key={n.id}>{n.restricted ? '🔒 ' : ''}{n.type}: {n.label}</li>)}
                {result.graph.edges.length > 0 && <li>{result.graph.edges.length} links</li>}
              </ul>
            )}
          </section>
        )}
      </main>
    </div>
  );
}

function ParamInput({ def, value, onChange }: { def: ParamDef; value: string; onChange(v: string): void }) {
  switch (def.type) {
    case 'bool':
      return <input type="checkbox" checked={value === 'true'} onChange={(e) => onChange(String(e.target.checked))} aria-label={def.name} />;
    case 'int':
      return <input type="number" step={1} value={value} onChange={(e) => onChange(e.target.value)} aria-label={def.name} />;
    case 'float':
      return <input type="number" step="any" value={value} onChange={(e) => onChange(e.target.value)} aria-label={def.name} />;
    case 'date':
      return <UkDateInput value={value} onChange={onChange} aria-label={def.name} />;
    case 'list':
      return <input value={value} onChange={(e) => onChange(e.target.value)} placeholder="a, b, c" aria-label={def.name} />;
    default:
      return <input value={value} onChange={(e) => onChange(e.target.value)} aria-label={def.name} />;
  }
}
