import { lazy, Suspense, useEffect, useMemo, useRef, useState } from 'react';
import type { SavedChart } from '../workspace/chartStore.js';
import type { WorkspaceState } from '../workspace/GraphWorkspace.js';
import { CanvasContext, useWorkspace, useWorkspaceState, type CanvasHandle } from '../ui/context.js';
import { useShortcuts } from '../ui/shortcuts.js';
import { Chart } from './Chart.js';
import { DetailsPanel } from './DetailsPanel.js';
import { ExpandDialog, type ExpandDialogState } from './ExpandDialog.js';
import { PathDialog } from './PathDialog.js';
import { OrganiseDialogs } from './OrganiseDialogs.js';
import { FiltersPanel } from './FiltersPanel.js';
import { HelpOverlay } from './HelpOverlay.js';
import { Legend } from './Legend.js';
import { Notices } from './Notices.js';
import { ImportDialog } from './ImportDialog.js';
import { SavedCharts } from './SavedCharts.js';
import { SignIn } from './SignIn.js';
import { TimeBar } from './TimeBar.js';
import { Toolbar } from './Toolbar.js';
import { TopBar } from './TopBar.js';
import { SequenceDock } from '../sequence/SequenceView.js';
import { InvestigationsPanel } from '../investigations/index.js';
import type { GraphQLApi } from '../api.js';
import { InboxApi } from '../inbox/api.js';
import { InboxContext, InboxStore } from '../inbox/store.js';
import { AddEntityDialog } from '../build/AddEntityDialog.js';
import { LinkDialog } from '../build/LinkDialog.js';
import type { Position } from '../workspace/chartDoc.js';

/** A record being built by hand: a new entity (placed where asked) or a link between two entities. */
type Building = { kind: 'entity'; position?: Position } | { kind: 'link'; ids: [string, string] };

// Loaded when first opened, so the impact views add nothing to the first page load.
const ImpactView = lazy(() => import('../impact/ImpactView.js'));
// The requirement board, collection plans and decision log: their own chunk, fetched on first use.
// The communications dialog (import and analyses of call, ANPR and cell-site data): fetched on first use.
const CommsDialog = lazy(() => import('../comms/CommsDialog.js').then((m) => ({ default: m.CommsDialog })));
// The inbox (disseminations, requests, alerts, watches): fetched on first use; its count is polled.
const InboxDialog = lazy(() => import('../inbox/InboxDialog.js').then((m) => ({ default: m.InboxDialog })));
const RequirementsView = lazy(() => import('../requirements/RequirementsView.js').then((m) => ({ default: m.RequirementsView })));
// Intelligence products (profiles and assessments, their workflow, sanitised releases): fetched on first use.
// Candidate duplicates with merge and undo: fetched on first use.
const DuplicatesDialog = lazy(() => import('../duplicates/DuplicatesDialog.js').then((m) => ({ default: m.DuplicatesDialog })));
// The map of the chart's places, docked beside it: its own chunk, fetched when first shown.
const PlaceMap = lazy(() => import('../place/PlaceMap.js').then((m) => ({ default: m.PlaceMap })));
const ProductsDialog = lazy(() => import('../products/ProductsDialog.js').then((m) => ({ default: m.ProductsDialog })));

export function App() {
  const s = useWorkspaceState();
  if (s.checkingSession && !s.viewer) return <div className="splash" data-testid="splash">Loading…</div>;
  if (!s.viewer) return <SignIn />;
  return <Workspace key={s.viewer.id} />;
}

const CARRY_OVER = 'intel-graph.carry-over';
/** Whether the map of places is docked beside the chart (remembered in this browser). */
const MAP_OPEN = 'intel-graph.place-map';

const webglPreferred = () => {
  const q = new URLSearchParams(location.search).get('webgl');
  if (q !== null) return q === '1' || q === 'true';
  try {
    return localStorage.getItem('intel-graph.webgl') === '1';
  } catch {
    return false;
  }
};

function Workspace() {
  const ws = useWorkspace();
  const canvas = useMemo<CanvasHandle>(() => ({ cy: null }), []);
  const searchRef = useRef<HTMLInputElement>(null);
  const [help, setHelp] = useState(false);
  const [charts, setCharts] = useState(false);
  const [investigations, setInvestigations] = useState(false);
  const canRunCypher = useWorkspaceState().viewer?.permissions.includes('runCypher') ?? false;
  const [impact, setImpact] = useState(false);
  const [importing, setImporting] = useState(false);
  const canImport = useWorkspaceState().viewer?.permissions.includes('import') ?? false;
  // The impact map and matrix are read queries: every role that reads through the policy may open them.
  const canQueryImpact = useWorkspaceState().viewer?.permissions.includes('read') ?? false;
  const [requirements, setRequirements] = useState(false);
  // Communications analyses are reads; their import tab needs the import permission (as the Import dialog).
  const [comms, setComms] = useState(false);
  const canReadComms = useWorkspaceState().viewer?.permissions.includes('read') ?? false;
  // The board, gap overlay, plans and decision log are reads: every role that reads may open them.
  const canReadRequirements = useWorkspaceState().viewer?.permissions.includes('read') ?? false;
  // Every role has an inbox: what was disseminated to its agency, its requests, watches and alerts.
  const inboxStore = useMemo(() => new InboxStore(new InboxApi(ws.api as unknown as GraphQLApi)), [ws]);
  useEffect(() => inboxStore.startPolling(), [inboxStore]);
  const [inbox, setInbox] = useState(false);
  // Products are read by every role that reads (partners read what was released to them); null: closed.
  const [products, setProducts] = useState<{ release: string | null } | null>(null);
  const canReadProducts = useWorkspaceState().viewer?.permissions.includes('read') ?? false;
  // Candidates are reads (every role that reads); merging needs the merge permission, checked in the dialog.
  const [duplicates, setDuplicates] = useState(false);
  const canReadDuplicates = useWorkspaceState().viewer?.permissions.includes('read') ?? false;
  const [expandDialog, setExpandDialog] = useState<ExpandDialogState | null>(null);
  const [webgl] = useState(webglPreferred);
  // Cytoscape fixes its renderer when created (and the WebGL one changes shared state), so a
  // switch reloads the page, carrying the chart over in this tab's session storage.
  const setWebgl = (on: boolean) => {
    try {
      localStorage.setItem('intel-graph.webgl', on ? '1' : '0');
      const s = ws.getState();
      if (s.doc.nodes.size) sessionStorage.setItem(CARRY_OVER, JSON.stringify({ chart: ws.snapshot(s.chart.name), as: s.chart }));
    } catch { /* storage disabled: the chart is not carried over */ }
    const u = new URL(location.href);
    u.searchParams.delete('webgl');
    location.replace(u.toString());
  };
  const [leftOpen, setLeftOpen] = useState(true);
  // Building by hand is offered to roles that write; the server checks every write again.
  const canWrite = useWorkspaceState().viewer?.permissions.includes('write') ?? false;
  const [building, setBuilding] = useState<Building | null>(null);
  const addEntity = (position?: Position) => setBuilding({ kind: 'entity', position });
  const linkSelected = (drawn?: [string, string]) => {
    const s = ws.getState();
    const ends = drawn ?? [...s.selection].filter((id) => s.doc.nodes.has(id));
    if (ends.length !== 2) {
      ws.notify('info', 'Select two entities to link them');
      return;
    }
    if (ends.some((id) => s.doc.nodes.get(id)!.data.restricted)) {
      ws.notify('info', 'Restricted intelligence cannot be linked: contact its holder');
      return;
    }
    setBuilding({ kind: 'link', ids: [ends[0]!, ends[1]!] });
  };
  const [mapOpen, setMapOpenState] = useState(() => { try { return localStorage.getItem(MAP_OPEN) === '1'; } catch { return false; } });
  const setMapOpen = (open: boolean) => {
    setMapOpenState(open);
    try { localStorage.setItem(MAP_OPEN, open ? '1' : '0'); } catch { /* storage disabled: not remembered */ }
  };

  useShortcuts({
    focusSearch: () => searchRef.current?.focus(),
    toggleHelp: () => setHelp((h) => !h),
    closeOverlays: () => {
      if (ws.getState().editing) {
        ws.edit(null);
        return true;
      }
      if (ws.getState().pathQuestion) {
        ws.cancelPaths();
        return true;
      }
      if (building) {
        setBuilding(null);
        return true;
      }
      if (help || charts || expandDialog || requirements || importing || comms || investigations || impact || inbox || products || duplicates) {
        setHelp(false);
        setDuplicates(false);
        setInbox(false);
        setProducts(null);
        setInvestigations(false);
        setImpact(false);
        setComms(false);
        setImporting(false);
        setCharts(false);
        setExpandDialog(null);
        setRequirements(false);
        return true;
      }
      if (ws.getState().lassoMode) {
        ws.setLassoMode(false);
        return true;
      }
      if (ws.getState().linkMode) {
        ws.setLinkMode(false);
        return true;
      }
      return false;
    },
  });

  useEffect(() => {
    // A chart carried over a reload (renderer switch) is drawn again.
    let raw: string | null = null;
    try {
      raw = sessionStorage.getItem(CARRY_OVER);
      sessionStorage.removeItem(CARRY_OVER);
    } catch { /* storage disabled */ }
    if (!raw) return;
    try {
      const { chart, as } = JSON.parse(raw) as { chart: SavedChart; as: WorkspaceState['chart'] };
      void ws.restoreChart(chart, as);
    } catch { /* unreadable: start empty */ }
  }, [ws]);

  return (
    <CanvasContext.Provider value={canvas}>
      <InboxContext.Provider value={inboxStore}>
      <div className={`app${leftOpen ? '' : ' left-closed'}`} data-testid="workspace">
        <TopBar searchRef={searchRef} />
        <Toolbar
          onHelp={() => setHelp(true)}
          onCharts={() => setCharts(true)}
          onInvestigations={canRunCypher ? () => setInvestigations(true) : undefined}
          onRequirements={canReadRequirements ? () => setRequirements(true) : undefined}
          onImpact={canQueryImpact ? () => setImpact(true) : undefined}
          onImport={canImport ? () => setImporting(true) : undefined}
          onComms={canReadComms ? () => setComms(true) : undefined}
          onInbox={() => setInbox(true)}
          onAddEntity={canWrite ? () => addEntity() : undefined}
          onLink={canWrite ? linkSelected : undefined}
          onDuplicates={canReadDuplicates ? () => setDuplicates(true) : undefined}
          onProducts={canReadProducts ? () => setProducts({ release: null }) : undefined}
          mapOpen={mapOpen}
          onToggleMap={() => setMapOpen(!mapOpen)}
          leftOpen={leftOpen}
          onToggleLeft={() => setLeftOpen((o) => !o)}
        />
        <main className={`work${mapOpen ? ' with-map' : ''}`}>
          {leftOpen && (
            <aside className="panel left" aria-label="Filters and legend">
              <FiltersPanel />
              <Legend />
            </aside>
          )}
          <div className="centre">
            <section className="canvas-wrap" aria-label="Chart">
              <Chart webgl={webgl} onExpandWithFilters={(ids) => setExpandDialog({ ids })} onAddEntity={canWrite ? addEntity : undefined} onLink={canWrite ? linkSelected : undefined} />
              <Notices />
            </section>
            <SequenceDock />
          </div>
{mapOpen && (
            <Suspense fallback={<section className="place-dock" data-testid="place-map-loading">Loading the map…</section>}>
              <PlaceMap onClose={() => setMapOpen(false)} />
            </Suspense>
          )}
          <aside className="panel right" aria-label="Details">
            <DetailsPanel />
          </aside>
        </main>
        <TimeBar />
        {help && <HelpOverlay onClose={() => setHelp(false)} webgl={webgl} onWebgl={setWebgl} />}
        {charts && <SavedCharts onClose={() => setCharts(false)} />}
        {investigations && (
          <div className="overlay" role="dialog" aria-label="Investigations" data-testid="investigations-dialog">
            <div className="dialog wide">
              <button className="close" onClick={() => setInvestigations(false)} aria-label="Close">×</button>
              <InvestigationsPanel
                api={ws.api as unknown as GraphQLApi}
                onGraph={(slice) => { ws.addSlice(slice, 'Add investigation result'); setInvestigations(false); }}
              />
            </div>
          </div>
        )}
        {comms && (
          <Suspense fallback={<div className="overlay" data-testid="comms-loading"><div className="dialog">Loading…</div></div>}>
            <CommsDialog api={ws.api as unknown as GraphQLApi} canImport={canImport} onClose={() => setComms(false)} />
          </Suspense>
        )}
        {inbox && (
          <Suspense fallback={<div className="overlay" data-testid="inbox-loading"><div className="dialog">Loading…</div></div>}>
            <InboxDialog store={inboxStore} onClose={() => setInbox(false)} onOpenProduct={canReadProducts ? (release) => { setInbox(false); setProducts({ release }); } : undefined} />
          </Suspense>
        )}
        {products && (
          <Suspense fallback={<div className="overlay" data-testid="products-loading"><div className="dialog">Loading…</div></div>}>
            <ProductsDialog api={ws.api as unknown as GraphQLApi} openRelease={products.release} onClose={() => setProducts(null)} />
          </Suspense>
        )}
        {duplicates && (
          <Suspense fallback={<div className="overlay" data-testid="duplicates-loading"><div className="dialog">Loading…</div></div>}>
            <DuplicatesDialog api={ws.api as unknown as GraphQLApi} onClose={() => setDuplicates(false)} />
          </Suspense>
        )}
        {importing && <ImportDialog api={ws.api as unknown as GraphQLApi} onClose={() => setImporting(false)} />}
        {impact && (
          <Suspense fallback={<div className="overlay" data-testid="impact-loading-view"><div className="dialog">Loading…</div></div>}>
            <ImpactView onClose={() => setImpact(false)} />
          </Suspense>
        )}
        {requirements && (
          <Suspense fallback={<div className="overlay" data-testid="requirements-loading"><div className="dialog">Loading…</div></div>}>
            <RequirementsView api={ws.api as unknown as GraphQLApi} onClose={() => setRequirements(false)} />
          </Suspense>
        )}
        <PathDialog />
        {building?.kind === 'entity' && <AddEntityDialog position={building.position} onClose={() => setBuilding(null)} />}
        {building?.kind === 'link' && <LinkDialog ids={building.ids} onClose={() => setBuilding(null)} />}
        <OrganiseDialogs />
        {expandDialog && <ExpandDialog state={expandDialog} onClose={() => setExpandDialog(null)} onExpand={(ids, opts) => { setExpandDialog(null); void ws.expand(ids, opts); }} />}
      </div>
      </InboxContext.Provider>
    </CanvasContext.Provider>
  );
}
