import { useCallback, useEffect, useState } from 'react';
import { ApiError } from '../api.js';
import { fieldError } from '../requirements/model.js';
import type { Product, ProductsApi } from './api.js';
import { DocumentButtons } from './DocumentButtons.js';
import { ProductEditor, SaveBar } from './ProductEditor.js';
import { MarkingBanner, SectionRead, SourcesAppendix, StatusChip } from './parts.js';
import { SanitisedPanel } from './SanitisedPanel.js';
import { VersionsPanel } from './VersionsPanel.js';
import { HistoryPanel, WorkflowBar } from './WorkflowPanel.js';
import {
  canDisseminate, canEdit, crimeTypeTitle, handlingText, isStaleVersion, markingText, savePayload, startEdit, ukDay, ukDayTime,
  type ProductEdit, type ProductViewer,
} from './model.js';

type Tab = 'document' | 'versions' | 'history' | 'sanitised';

/**
 * One product: the document between its marking banners, the author's in-place edit of a draft,
 * its versions and what changed between them, the workflow and its history, and (for roles that
 * disseminate) the sanitised version for a named agency beside the original.
 */
export function ProductView({ api, id, viewer, ownAgency, onBack, onOpenRelease, onChanged }: {
  api: ProductsApi; id: string; viewer: ProductViewer; ownAgency: string;
  onBack(): void; onOpenRelease(id: string): void; onChanged(): void;
}) {
  const [product, setProduct] = useState<Product | null>(null);
  const [version, setVersion] = useState<number | null>(null);
  const [loadError, setLoadError] = useState('');
  const [tab, setTab] = useState<Tab>('document');
  const [edit, setEdit] = useState<ProductEdit | null>(null);
  const [note, setNote] = useState('');
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<{ message: string; stale: boolean } | null>(null);

  const load = useCallback(async (v: number | null) => {
    setLoadError('');
    try {
      const p = await api.get(id, v);
      setProduct(p);
      setVersion(v);
      return p;
    } catch (e) {
      setLoadError(fieldError(e).message);
      return null;
    }
  }, [api, id]);
  useEffect(() => { void load(null); }, [load]);

  const changed = (p: Product) => {
    setProduct(p);
    setVersion(null);
    onChanged();
  };

  if (!product) {
    return (
      <div className="product-view" data-testid="product-view">
        <button onClick={onBack} data-testid="product-back">← All products</button>
        {loadError ? <p className="error" role="alert" data-testid="product-error">{loadError}</p> : <p className="muted"><span className="spinner" /> Loading…</p>}
      </div>
    );
  }

  const p = product;
  const marking = markingText(p.classification, p.compartments);
  const editable = canEdit(p, viewer);
  const save = async () => {
    if (!edit) return;
    setSaving(true);
    setSaveError(null);
    try {
      const saved = await api.save(savePayload(p, edit, note));
      setEdit(null);
      setNote('');
      changed(saved);
    } catch (e) {
      const err = e instanceof ApiError ? { code: e.code, field: e.field } : null;
      setSaveError({ message: fieldError(e).message, stale: isStaleVersion(err) });
    } finally {
      setSaving(false);
    }
  };
  const reload = async () => {
    setSaveError(null);
    const fresh = await load(null);
    setEdit(fresh && canEdit(fresh, viewer) ? startEdit(fresh) : null);
  };

  const tabs: [Tab, string][] = [['document', 'Document'], ['versions', `Versions (${p.versions.length})`], ['history', 'History and links']];
  if (canDisseminate(viewer)) tabs.push(['sanitised', 'Sanitised version']);

  return (
    <div className="product-view" data-testid="product-view" data-product-id={p.id} data-status={p.status} data-version={p.version}>
      <div className="product-head">
        <button onClick={onBack} data-testid="product-back">← All products</button>
        <span className="classification marking-chip" data-testid="product-marking">{marking}</span>
        <StatusChip status={p.status} />
        <span className="spacer" />
        <DocumentButtons api={api} id={p.id} version={p.version} />
      </div>
      <h3 className="product-title" data-testid="product-title">{p.title}</h3>
      <p className="product-meta small">
        <span>{p.typeTitle}</span> ·{' '}
        <span data-testid="product-version">Version {p.version}{p.version !== p.latestVersion ? ` of ${p.latestVersion}` : ''}</span> ·{' '}
        <span data-testid="product-author">Author {p.authorName}</span> · drafted {ukDay(p.createdAt)} · changed {ukDayTime(p.updatedAt)}
        {p.crimeType ? <> · {crimeTypeTitle(p.crimeType)}</> : null}
        {' '}· Handling {handlingText(p.handling)}
        {p.approvedByName && <> · <span data-testid="product-approved">Approved by {p.approvedByName} {ukDayTime(p.approvedAt)} (version {p.approvedVersion})</span></>}
      </p>
      {p.version !== p.latestVersion && (
        <p className="notice-inline" data-testid="old-version">Showing version {p.version}. <button className="link" onClick={() => void load(null)} data-testid="latest-version">Show the latest (version {p.latestVersion})</button></p>
      )}
      {version === null && <WorkflowBar api={api} product={p} viewer={viewer} onChanged={changed} />}
      <div className="comms-tabs" role="tablist" aria-label="Product">
        {tabs.map(([t, title]) => (
          <button key={t} role="tab" aria-selected={tab === t} className={tab === t ? 'active' : ''} onClick={() => setTab(t)} data-testid={`product-tab-${t}`}>{title}</button>
        ))}
      </div>
      <div role="tabpanel" className="product-body">
        {tab === 'document' && (
          <div className="product-document" data-testid="product-document">
            <MarkingBanner marking={marking} where="top" />
            {edit ? <ProductEditor product={p} edit={edit} onChange={setEdit} /> : (
              <>
                {editable && version === null && (
                  <div className="actions"><button onClick={() => { setEdit(startEdit(p)); setSaveError(null); }} data-testid="product-edit">Edit draft</button></div>
                )}
                {p.sections.map((s) => <SectionRead key={s.key} s={s} sources={p.sources} />)}
              </>
            )}
            <SourcesAppendix sources={p.sources} />
            <MarkingBanner marking={marking} where="bottom" />
            {edit && (
              <SaveBar product={p} edit={edit} note={note} onNote={setNote} busy={saving} error={saveError?.message ?? ''} stale={!!saveError?.stale}
                onSave={() => void save()} onCancel={() => { setEdit(null); setSaveError(null); }} onReload={() => void reload()} />
            )}
          </div>
        )}
        {tab === 'versions' && <VersionsPanel api={api} product={p} onView={(v) => { setEdit(null); setTab('document'); void load(v); }} />}
        {tab === 'history' && <HistoryPanel api={api} product={p} viewer={viewer} onChanged={changed} onOpenRelease={onOpenRelease} />}
        {tab === 'sanitised' && <SanitisedPanel api={api} product={p} ownAgency={ownAgency} onReleased={() => void load(null).then(() => onChanged())} />}
      </div>
    </div>
  );
}
