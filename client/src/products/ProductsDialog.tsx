import { useCallback, useMemo, useState } from 'react';
import type { GraphQLApi } from '../api.js';
import { useWorkspace, useWorkspaceState } from '../ui/context.js';
import { ProductsApi } from './api.js';
import { NewProductForm } from './NewProductForm.js';
import { ProductList } from './ProductList.js';
import { ProductView } from './ProductView.js';
import { ReceivedList, ReleaseView } from './ReleaseView.js';
import { TemplatesView } from './TemplatesView.js';
import { canDraft, canEditTemplates } from './model.js';
import type { SearchFn } from './EntityPicker.js';
import './products.css';

type Tab = 'products' | 'received' | 'templates';
type View = { kind: 'list' } | { kind: 'new' } | { kind: 'product'; id: string } | { kind: 'release'; id: string; back: View };

/**
 * Intelligence products: the agency's products (draft, edit, review, approve, sanitise and
 * disseminate, print), the products partners released to the viewer's agency, and (principal
 * analysts) the templates products are drafted from. Loaded on first use.
 */
export function ProductsDialog({ api, onClose, openRelease }: { api: Pick<GraphQLApi, 'request'>; onClose(): void; openRelease?: string | null }) {
  const ws = useWorkspace();
  const s = useWorkspaceState();
  const viewer = s.viewer!;
  const products = useMemo(() => new ProductsApi(api), [api]);
  const [tab, setTab] = useState<Tab>(openRelease ? 'received' : 'products');
  const [view, setView] = useState<View>(openRelease ? { kind: 'release', id: openRelease, back: { kind: 'list' } } : { kind: 'list' });
  const [reloadKey, setReloadKey] = useState(0);
  const selected = useMemo(() => [...s.selection].map((id) => s.doc.nodes.get(id)?.data), [s.selection, s.doc]);
  const search = useCallback<SearchFn>((text, types) => ws.api.search(text, { types, limit: 8 }), [ws]);
  const drafts = canDraft(viewer);
  const templates = canEditTemplates(viewer);

  const switchTab = (t: Tab) => {
    setTab(t);
    setView({ kind: 'list' });
  };
  const tabs: [Tab, string][] = [['products', 'Our products'], ['received', 'Received']];
  if (templates) tabs.push(['templates', 'Templates']);

  return (
    <div className="overlay" role="dialog" aria-modal aria-label="Intelligence products" onMouseDown={(e) => { if (e.target === e.currentTarget) onClose(); }}>
      <div className="dialog wide products-dialog" data-testid="products-dialog">
        <button className="close" onClick={onClose} aria-label="Close" data-testid="products-close">×</button>
        <h2>Intelligence products</h2>
        <div className="comms-tabs" role="tablist" aria-label="Products">
          {tabs.map(([t, title]) => (
            <button key={t} role="tab" aria-selected={tab === t} className={tab === t ? 'active' : ''} onClick={() => switchTab(t)} data-testid={`products-tab-${t}`}>{title}</button>
          ))}
        </div>
        <div className="products-body" role="tabpanel">
          {view.kind === 'release' ? (
            <ReleaseView api={products} id={view.id} onBack={() => setView(view.back)} />
          ) : tab === 'products' ? (
            view.kind === 'new' ? (
              <NewProductForm api={products} viewer={viewer} selected={selected} search={search}
                onDrafted={(p) => { setReloadKey((n) => n + 1); setView({ kind: 'product', id: p.id }); }} onCancel={() => setView({ kind: 'list' })} />
            ) : view.kind === 'product' ? (
              <ProductView key={view.id} api={products} id={view.id} viewer={viewer} ownAgency={viewer.agency}
                onBack={() => setView({ kind: 'list' })} onChanged={() => setReloadKey((n) => n + 1)}
                onOpenRelease={(id) => setView({ kind: 'release', id, back: view })} />
            ) : (
              <ProductList api={products} reloadKey={reloadKey} canDraft={drafts} onOpen={(id) => setView({ kind: 'product', id })} onNew={() => setView({ kind: 'new' })} />
            )
          ) : tab === 'received' ? (
            <ReceivedList api={products} onOpen={(id) => setView({ kind: 'release', id, back: { kind: 'list' } })} />
          ) : (
            <TemplatesView api={products} />
          )}
        </div>
      </div>
    </div>
  );
}
