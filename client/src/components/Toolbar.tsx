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
  /** Opens the duplicates screen: candidate duplicate subjects with the evidence, merge and undo (roles that read). */
  onDuplicates?(): void;
  /** Opens intelligence products: profiles and assessments, their review, release and printing. */
  onProducts?(): void;
  /** Opens Add entity (only offered to roles that write). */
  onAddEntity?(): void;
  /** Opens Link for the two selected entities (only offered to roles that write). */
  onLink?(): void;
  /** Whether the map of the chart's places is docked beside it, and its toggle. */
  mapOpen: boolean;
  onToggleMap(): void;
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
      <div className="group">
        <button
          onClick={() => (s.sequence ? ws.closeSequence() : ws.openSequence())} aria-pressed={!!s.sequence} className="glyph-button" aria-label="Sequence" data-testid="toolbar-sequence"
          title={s.sequence ? 'Close the sequence view' : 'Sequence view: a line per selected entity (or the chart’s) with its reports, events and calls in date order'}
        ><span aria-hidden className="narrow-only">⇶</span><span className="wide-only">Sequence</span></button>
      </div>
      {(p.onAddEntity || p.onLink) && (
        <div className="group">
          {p.onAddEntity && <button onClick={p.onAddEntity} title="Create an entity of any type and add it to the chart" className="glyph-button" aria-label="Add entity…" data-testid="toolbar-add-entity"><span aria-hidden className="narrow-only">+</span><span className="wide-only">Add entity…</span></button>}
          {p.onLink && (
            <button onClick={() => p.onLink!()} disabled={selNodes.length !== 2}
              title={selNodes.length === 2 ? 'Link the two selected entities, with the reports that support it (L on the chart)' : 'Select two entities to link them'} className="glyph-button" aria-label="Link…" data-testid="toolbar-link"><span aria-hidden className="narrow-only">⇄</span><span className="wide-only">Link…</span></button>
          )}
          {p.onLink && (
            <button onClick={() => ws.setLinkMode(!s.linkMode)} aria-pressed={s.linkMode} className="icon" aria-label="Draw links" data-testid="toolbar-draw-link"
              title={s.linkMode ? 'Drawing links: drag from one entity to another (D on the chart, Esc to stop)' : 'Draw links: drag from one entity to another to link them (D on the chart)'}
            >✎</button>
          )}
        </div>
      )}
      <LayoutPicker />
      <OrganiseMenu />
      <div className="group">
        <button onClick={() => ws.fit()} title="Fit to window (F)" data-testid="fit">Fit</button>
        <button onClick={p.onToggleMap} aria-pressed={p.mapOpen} className={`glyph-button${p.mapOpen ? ' active' : ''}`} aria-label="Map" data-testid="toggle-place-map"
          title={p.mapOpen ? 'Hide the map of places' : 'Show the chart\u2019s addresses, cameras and cell sites on a map beside it'}><span aria-hidden className="narrow-only">◈</span><span className="wide-only">Map</span></button>
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
          <button onClick={p.onRequirements} className="glyph-button" aria-label="Requirements" data-testid="open-requirements" title="Intelligence requirements: coverage, what to collect next, collection plans, decisions"><span aria-hidden className="narrow-only">☑</span><span className="wide-only">Requirements</span></button>
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
        {p.onComms && <button onClick={p.onComms} className="glyph-button" aria-label="Comms" data-testid="open-comms" title="Communications data: call records, ANPR reads, cell sites"><span aria-hidden className="narrow-only">☏</span><span className="wide-only">Comms</span></button>}
        {p.onDuplicates && <button onClick={p.onDuplicates} className="glyph-button" aria-label="Duplicates" data-testid="open-duplicates" title="Records that probably describe the same person: the evidence, merge and undo"><span aria-hidden className="narrow-only">▦</span><span className="wide-only">Duplicates</span></button>}
        {p.onImport && <button onClick={p.onImport} className="glyph-button" aria-label="Import" data-testid="open-import" title="Import entities and links from CSV or JSON files"><span aria-hidden className="narrow-only">⤓</span><span className="wide-only">Import</span></button>}
        {p.onImpact && <button onClick={p.onImpact} className="glyph-button" aria-label="Impact" data-testid="open-impact" title="Cross-boundary OCG impact: map and matrix"><span aria-hidden className="narrow-only">◎</span><span className="wide-only">Impact</span></button>}
        {p.onInvestigations && <button onClick={p.onInvestigations} className="glyph-button" aria-label="Investigations" data-testid="open-investigations" title="Saved Cypher investigations"><span aria-hidden className="narrow-only">⌕</span><span className="wide-only">Investigations</span></button>}
        <ExportMenu />
        <button className="icon" onClick={p.onHelp} title="Keyboard shortcuts and display settings (?)" data-testid="help-button">?</button>
      </div>
    </div>
  );
}
