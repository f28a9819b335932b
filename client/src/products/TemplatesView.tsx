import { useEffect, useState } from 'react';
import { fieldError } from '../requirements/model.js';
import type { ProductTemplate, ProductType, ProductsApi, SectionSource, TemplateSection } from './api.js';
import { moveItem, PRODUCT_TYPES, sourcesFor, templateProblems, typeTitle, ukDayTime } from './model.js';

/**
 * Product templates (principal analysts): the latest template of each type, its sections (key,
 * title, what fills it, guidance for the author); saving makes a new version, earlier ones are kept.
 */
export function TemplatesView({ api }: { api: ProductsApi }) {
  const [type, setType] = useState<ProductType>('SUBJECT_PROFILE');
  const [sources, setSources] = useState<SectionSource[]>([]);
  const [versions, setVersions] = useState<ProductTemplate[] | null>(null);
  const [title, setTitle] = useState('');
  const [sections, setSections] = useState<TemplateSection[]>([]);
  const [error, setError] = useState('');
  const [saved, setSaved] = useState('');
  const [busy, setBusy] = useState(false);
  const [n, setN] = useState(0);

  useEffect(() => { api.sectionSources().then(setSources, (e: unknown) => setError(fieldError(e).message)); }, [api]);
  useEffect(() => {
    let live = true;
    setVersions(null);
    api.templateVersions(type).then((v) => {
      if (!live) return;
      setVersions(v);
      const latest = v[v.length - 1];
      setTitle(latest?.title ?? typeTitle(type));
      setSections(latest?.sections.map((s) => ({ ...s, guidance: s.guidance ?? '' })) ?? []);
    }, (e: unknown) => { if (live) { setVersions([]); setError(fieldError(e).message); } });
    return () => { live = false; };
  }, [api, type, n]);

  const allowed = sourcesFor(type, sources);
  const problems = sources.length ? templateProblems(type, title, sections, sources) : [];
  const setSection = (i: number, p: Partial<TemplateSection>) => setSections((l) => l.map((s, j) => (j === i ? { ...s, ...p } : s)));
  const save = async () => {
    setBusy(true);
    setError('');
    setSaved('');
    try {
      const t = await api.saveTemplate(type, title.trim(), sections.map((s) => ({ ...s, key: s.key.trim(), title: s.title.trim(), guidance: s.guidance?.trim() || null })));
      setSaved(`Saved as version ${t.version}: new drafts of this type use it.`);
      setN((x) => x + 1);
    } catch (e) {
      setError(fieldError(e).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="templates-view" data-testid="templates-view">
      <div className="form-row">
        <label className="inline">Product type
          <select value={type} onChange={(e) => { setType(e.target.value as ProductType); setSaved(''); setError(''); }} data-testid="template-type">
            {PRODUCT_TYPES.map((t) => <option key={t} value={t}>{typeTitle(t)}</option>)}
          </select>
        </label>
        <label className="inline">Title <input value={title} onChange={(e) => setTitle(e.target.value)} data-testid="template-title" /></label>
      </div>
      {versions === null ? <p className="muted"><span className="spinner" /> Loading…</p> : (
        <>
          <table className="template-sections">
            <thead><tr><th>Key</th><th>Title</th><th>Filled from</th><th>Guidance for the author</th><th /></tr></thead>
            <tbody>
              {sections.map((s, i) => (
                <tr key={i} data-testid={`template-section-${i}`}>
                  <td><input value={s.key} onChange={(e) => setSection(i, { key: e.target.value })} aria-label={`Section ${i + 1} key`} data-testid={`template-key-${i}`} /></td>
                  <td><input value={s.title} onChange={(e) => setSection(i, { title: e.target.value })} aria-label={`Section ${i + 1} title`} data-testid={`template-section-title-${i}`} /></td>
                  <td>
                    <select value={s.source} onChange={(e) => setSection(i, { source: e.target.value })} aria-label={`Section ${i + 1} filled from`} data-testid={`template-source-${i}`}>
                      {!allowed.some((a) => a.name === s.source) && <option value={s.source}>{s.source || 'Choose…'}</option>}
                      {allowed.map((a) => <option key={a.name} value={a.name}>{a.title}</option>)}
                    </select>
                  </td>
                  <td><input value={s.guidance ?? ''} onChange={(e) => setSection(i, { guidance: e.target.value })} aria-label={`Section ${i + 1} guidance`} /></td>
                  <td className="nowrap">
                    <button className="icon" onClick={() => setSections((l) => moveItem(l, i, -1))} disabled={i === 0} aria-label="Move up">↑</button>
                    <button className="icon" onClick={() => setSections((l) => moveItem(l, i, 1))} disabled={i === sections.length - 1} aria-label="Move down">↓</button>
                    <button className="icon" onClick={() => setSections((l) => l.filter((_, j) => j !== i))} aria-label="Remove section" data-testid={`template-remove-${i}`}>✕</button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="actions">
            <button onClick={() => setSections((l) => [...l, { key: '', title: '', source: 'NARRATIVE', guidance: '' }])} data-testid="template-add">Add section</button>
            <button className="primary" onClick={() => void save()} disabled={busy || problems.length > 0} data-testid="template-save">Save new version</button>
          </div>
          {problems.length > 0 && <ul className="error small" data-testid="template-problems">{problems.map((p) => <li key={p}>{p}</li>)}</ul>}
          {error && <p className="error" role="alert" data-testid="template-error">{error}</p>}
          {saved && <p className="ok" role="status" data-testid="template-saved">{saved}</p>}
          <h4>Versions</h4>
          <ul className="chart-list" data-testid="template-versions">
            {[...versions].reverse().map((v) => (
              <li key={v.version}><span>Version {v.version}: {v.title} <span className="muted small">{v.sections.length} sections{v.savedBy ? ` · ${v.savedBy}` : ' · as installed'}{v.savedAt ? ` · ${ukDayTime(v.savedAt)}` : ''}</span></span></li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
