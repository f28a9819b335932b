import { CONNECT_MAX, WEIGHTING_SHORT, WEIGHTING_TITLES, type ColourBy, type SizeBy } from '../workspace/GraphWorkspace.js';
import { WEIGHTINGS, type Weighting } from '../workspace/types.js';
import { useWorkspace, useWorkspaceState } from '../ui/context.js';
import { ExportMenu } from './ExportMenu.js';
import { LayoutPicker } from './LayoutPicker.js';
import { OrganiseMenu } from './OrganiseMenu.js';
import { GapOverlayControl } from '../requirements/GapOverlayControl.js';
import { InboxButton } from '../inbox/InboxButton.js';

interface Props {
  onHelp(): void;
  onCharts(): void;
  /** Opens the Cypher investigations panel (only offered to roles allowed to run Cypher). */
  onInvestigations?(): void;
  /** Opens the requirement board, collection plans and decision log (roles that read); the gap overlay comes with it. */
  onRequirements?(): void;
  /** Opens the cross-boundary impact map and matrix (only offered to roles that may query impact). */
  onImpact?(): void;
  /** Opens the upload dialog (only offered to roles allowed to import). */
  onImport?(): void;
  /** Opens the communications dialog: call, ANPR and cell-site analyses, and their import for roles that import. */
  onComms?(): void;
  /** Opens the inbox: disseminations received and sent, requests for information, alerts, watches. */
  onInbox?(): void;
  /** Opens intelligence products: profiles and assessments, their review, release and printing. */
  onProducts?(): void;
  leftOpen: boolean;
  onToggleLeft(): void;
}

export function Toolbar(p: Props) {
  const ws = useWorkspace();
  const s = useWorkspaceState();
  const hidden = ws.hiddenCount();
  const selNodes = [...s.selection].filter((id) => s.doc.nodes.has(id));
  return (
    <div className="toolbar" role="toolbar" aria-label="Chart tools">
      <button className="icon" onClick={p.onToggleLeft} title={p.leftOpen ? 'Hide filters and legend' : 'Show filters and legend'} aria-pressed={p.leftOpen}>☰</button>
      <div className="group">
        <button className="icon" onClick={() => ws.undo()} disabled={!s.undoLabel} title={s.undoLabel ? `Undo ${s.undoLabel} (Ctrl+Z)` : 'Nothing to undo'} aria-label="Undo" data-testid="undo">↶</button>
        <button className="icon" onClick={() => ws.redo()} disabled={!s.redoLabel} title={s.redoLabel ? `Redo ${s.redoLabel} (Ctrl+Shift+Z)` : 'Nothing to redo'} aria-label="Redo" data-testid="redo">↷</button>
      </div>
      <div className="group">
        <button onClick={() => void ws.expand()} disabled={!selNodes.length} title="Expand the selected entities (E)" data-testid="toolbar-expand">Expand</button>
        <button onClick={() => ws.askPaths()} disabled={selNodes.length !== 2} title="Shortest paths between the two selected entities, up to a number of links you choose" data-testid="toolbar-paths">Path…</button>
        <button onClick={() => void ws.connect()} disabled={selNodes.length < 2 || selNodes.length > CONNECT_MAX}
          title={selNodes.length > CONNECT_MAX ? `Connect joins at most ${CONNECT_MAX} entities at once: ${selNodes.length} are selected` : 'How are the selected entities connected?'} data-testid="toolbar-connect">Connect</button>
      </div>
      <LayoutPicker />
      <OrganiseMenu />
      <div className="group">
        <button onClick={() => ws.fit()} title="Fit to window (F)" data-testid="fit">Fit</button>
        {hidden > 0 && <button onClick={() => ws.unhideAll()} data-testid="show-hidden" title="Show hidden items">Show {hidden} hidden</button>}
      </div>
      <div className="group">
        <label className="inline" title="Node colour">
          <select aria-label="Colour by" value={s.display.colourBy} onChange={(e) => ws.setDisplay({ colourBy: e.target.value as ColourBy })} data-testid="colour-by">
            <option value="type">type</option>
            <option value="role"> OCG role</option>
            <option value="community" disabled={!s.metrics}> community</option>
          </select>
        </label>
        <label className="inline" title="Node size">
          <select aria-label="Size by" value={s.display.sizeBy} onChange={(e) => ws.setDisplay({ sizeBy: e.target.value as SizeBy })} data-testid="size-by">
            <option value="none">uniform</option>
            <option value="degree" title="Number of links on the chart">degree</option>
            <option value="betweenness" disabled={!s.metrics}>betweenness</option>
            <option value="pagerank" disabled={!s.metrics}>PageRank</option>
            <option value="closeness" disabled={!s.metrics}>closeness</option>
            <option value="eigenvector" disabled={!s.metrics}>eigenvector</option>
          </select>
        </label>
        <label className="inline" title="How link counts (calls, meetings, sightings) weigh in the network analysis: unweighted, a count as a strength of tie (more calls = closer) or as a distance">
          <select
            aria-label="Weights"
            value={s.weighting}
            onChange={(e) => {
              ws.setWeighting(e.target.value as Weighting);
              // Results on show are brought in line with the new choice at once.
              if (s.metrics) void ws.analyse();
            }}
            data-testid="metrics-weighting"
          >
            {WEIGHTINGS.map((w) => <option key={w} value={w} title={WEIGHTING_TITLES[w]}>{WEIGHTING_SHORT[w]}</option>)}
          </select>
        </label>
        <button onClick={() => void ws.analyse()} disabled={s.doc.nodes.size < 2} title="Centrality and communities of the drawn network" data-testid="analyse">Analyse</button>
      </div>
      {p.onRequirements && (
        <div className="group">
          <button onClick={p.onRequirements} data-testid="open-requirements" title="Intelligence requirements: coverage, what to collect next, collection plans, decisions">Requirements</button>
          <GapOverlayControl />
        </div>
      )}
      <div className="spacer" />
      <div className="group">
        {p.onInbox && <InboxButton onOpen={p.onInbox} />}
        <button onClick={p.onCharts} data-testid="open-charts" title="Save and open charts">Charts</button>
        {p.onProducts && (
          <button onClick={p.onProducts} data-testid="open-products" className="glyph-button" aria-label="Products" title="Intelligence products: subject and problem profiles, tactical and strategic assessments">
            <span aria-hidden className="narrow-only">▤</span><span className="wide-only">Products</span>
          </button>
        )}
        {p.onComms && <button onClick={p.onComms} data-testid="open-comms" title="Communications data: call records, ANPR reads, cell sites">Comms</button>}
        {p.onImport && <button onClick={p.onImport} data-testid="open-import" title="Import entities and links from CSV or JSON files">Import</button>}
        {p.onImpact && <button onClick={p.onImpact} data-testid="open-impact" title="Cross-boundary OCG impact: map and matrix">Impact</button>}
        {p.onInvestigations && <button onClick={p.onInvestigations} data-testid="open-investigations" title="Saved Cypher investigations">Investigations</button>}
        <ExportMenu />
        <button className="icon" onClick={p.onHelp} title="Keyboard shortcuts and display settings (?)" data-testid="help-button">?</button>
      </div>
    </div>
  );
}
