import { COMMUNITY_PALETTE, COUNT_WIDTH, ENTITY_LOOK, ROLE_COLOUR, communityColour, countWidth, linkLook } from '../graph/style.js';
import { useWorkspace, useWorkspaceState } from '../ui/context.js';
import { communityLegend } from '../workspace/derive.js';
import { WEIGHTING_TITLES } from '../workspace/GraphWorkspace.js';
import { entityTitle, humanCode, linkTitle } from '../ui/format.js';
import { TypeGlyph } from './TypeGlyph.js';
import { GapPanel } from '../requirements/GapPanel.js';
import { describeCondition, describeEffect } from '../organise/rules.js';
import { RuleSwatch } from './OrganiseDialogs.js';

export function LinkSample({ type, width = 2 }: { type: string; width?: number }) {
  const l = linkLook(type);
  const dash = l.line === 'dashed' ? '6 3' : l.line === 'dotted' ? '2 3' : undefined;
  return (
    <svg className="link-sample" width="26" height="10" aria-hidden>
      <line x1="1" y1="5" x2={l.arrow ? 20 : 25} y2="5" stroke={l.colour} strokeWidth={width} strokeDasharray={dash} />
      {l.arrow && <path d="M19,1 L25,5 L19,9 z" fill={l.colour} />}
    </svg>
  );
}

/** The key to the chart: what is on it, by the same tables as the stylesheet. */
export function Legend() {
  const ws = useWorkspace();
  const s = useWorkspaceState();
  const types = [...new Set([...s.doc.nodes.values()].map((n) => (n.data.restricted ? 'Restricted' : n.data.type)))];
  const links = [...new Set([...s.doc.edges.values()].map((e) => e.data.type))];
  const shownTypes = types.length ? types : Object.keys(ENTITY_LOOK).slice(0, 6);
  return (
    <section className="legend" data-testid="legend">
      <h3>Legend</h3>
      {s.display.colourBy !== 'type' && (
        <p className="small muted" data-testid="legend-shape-note">
          Shape shows the entity type; colour shows {s.display.colourBy === 'community' ? 'the community (below)' : 'the OCG role (below)'}.
        </p>
      )}
      <ul className="legend-list" data-testid="legend-types" data-coloured={s.display.colourBy === 'type'}>
        {shownTypes.map((t) => <li key={t}><TypeGlyph type={t} size={16} neutral={s.display.colourBy !== 'type'} /> {t === 'Restricted' ? 'Restricted: held by another agency' : entityTitle(t)}</li>)}
      </ul>
      {links.length > 0 && (
        <>
          <label className="legend-row small" title="Show the link type on each link of the chart">
            <input type="checkbox" checked={s.display.edgeLabels} onChange={(e) => ws.setDisplay({ edgeLabels: e.target.checked })} data-testid="edge-labels" />
            <span>Link labels on the chart</span>
          </label>
          <ul className="legend-list">
            {links.map((t) => <li key={t}><LinkSample type={t} /> {linkTitle(t)}</li>)}
          </ul>
        </>
      )}
      <div className="legend-row small">
        <span>Evidence</span>
        <svg width="90" height="14" aria-hidden>
          <line x1="2" y1="7" x2="26" y2="7" stroke="#64748b" strokeWidth="1.2" />
          <line x1="33" y1="7" x2="57" y2="7" stroke="#64748b" strokeWidth="3.5" />
          <line x1="64" y1="7" x2="88" y2="7" stroke="#64748b" strokeWidth="7" />
        </svg>
        <span className="muted">weak → strong</span>
      </div>
      <CountWidthKey />
      <div className="legend-row small">
        <span>OCG role</span>
        {Object.entries(ROLE_COLOUR).filter(([r]) => r !== 'UNKNOWN').map(([r, c]) => (
          <span key={r} className="role-swatch"><span style={{ borderColor: c }} /> {humanCode(r)}</span>
        ))}
      </div>
      <OrganiseKey />
      <GapPanel />
      {s.analysis && s.metrics && <AnalysisSummary />}
      {s.display.colourBy === 'community' && s.metrics && <CommunityKey />}
      {s.display.sizeBy !== 'none' && <p className="small muted">Size shows {s.display.sizeBy === 'degree' ? 'links on the chart' : s.display.sizeBy}.</p>}
    </section>
  );
}

/** The width scale of counted links (see countWidth): samples at 1, 10, 100 and the cap. */
function CountWidthKey() {
  const samples = [1, 10, 100, COUNT_WIDTH.cap];
  return (
    <div className="legend-row small count-width-key" data-testid="legend-count-width">
      <span>Link width: number of calls/meetings/sightings</span>
      <span className="count-width-samples">
        {samples.map((c, i) => (
          <span key={c} className="count-width-sample">
            <svg width="26" height="12" aria-hidden><line x1="1" y1="6" x2="25" y2="6" stroke="#64748b" strokeWidth={countWidth(c)} /></svg>
            <span className="muted">{i === samples.length - 1 ? `${c.toLocaleString('en-GB')}+` : c}</span>
          </span>
        ))}
      </span>
      <span className="muted count-width-note">log scale; a link without a count is drawn by its evidence</span>
    </div>
  );
}

const TOP_SHOWN = 5;

/**
 * The last network analysis: the weighting it used, and the entities ranked first by betweenness
 * with their degree and strength (weighted degree).
 */
function AnalysisSummary() {
  const s = useWorkspaceState();
  const a = s.analysis!;
  const label = (id: string) => s.doc.nodes.get(id)?.data.label ?? id;
  const top = [...s.metrics!.values()]
    .filter((m) => s.doc.nodes.has(m.id))
    .sort((x, y) => y.betweenness - x.betweenness || label(x.id).localeCompare(label(y.id)))
    .slice(0, TOP_SHOWN);
  const num = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(2));
  return (
    <div className="analysis-summary" data-testid="analysis-summary" data-weighting={a.weighting}>
      <div className="legend-row small"><span>Network analysis</span></div>
      <p className="small analysis-weighting">Weights: <b data-testid="analysis-weighting">{WEIGHTING_TITLES[a.weighting]}</b></p>
      <p className="small muted">
        {a.components} component{a.components === 1 ? '' : 's'}
        {typeof a.communityCount === 'number' ? `, ${a.communityCount} communit${a.communityCount === 1 ? 'y' : 'ies'}` : ''}
        {typeof a.modularity === 'number' ? `, modularity ${a.modularity.toFixed(2)}` : ''}
      </p>
      <table className="analysis-top small">
        <thead><tr><th>Top betweenness</th><th title="Degree: links to distinct entities">Deg.</th><th title="Strength: weighted degree, the sum of the counts">Str.</th><th title="Betweenness">Betw.</th></tr></thead>
        <tbody>
          {top.map((m) => (
            <tr key={m.id} data-testid="analysis-top-row" data-id={m.id} data-betweenness={m.betweenness} data-strength={m.strength ?? m.degree}>
              <td>{label(m.id)}</td><td>{m.degree}</td><td>{num(m.strength ?? m.degree)}</td><td>{m.betweenness.toFixed(3)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Colour by community: each community drawn, its size and its most connected member. */
function CommunityKey() {
  const ws = useWorkspace();
  const s = useWorkspaceState();
  const { communities, unassigned } = communityLegend(ws.visible().nodes, s.metrics!);
  // Past the palette, colours repeat: the largest communities are listed, the rest summed.
  const listed = communities.slice(0, COMMUNITY_PALETTE.length);
  const rest = communities.slice(listed.length);
  const label = (id: string) => s.doc.nodes.get(id)?.data.label ?? id;
  return (
    <div className="community-key" data-testid="community-legend">
      <div className="legend-row small">
        <span>Communities</span>
        <b data-testid="community-count">{communities.length}</b>
        <span className="muted">found by the network analysis</span>
      </div>
      <ul className="legend-list">
        {listed.map((c) => (
          <li key={c.community} data-testid="community-row" data-community={c.community} data-members={c.members} data-hub={c.hub}>
            <span className="community-swatch" style={{ background: communityColour(c.community) }} aria-hidden />
            <b>{c.members}</b>
            <span className="community-hub" title="The member with the most links">{label(c.hub)}</span>
          </li>
        ))}
      </ul>
      {rest.length > 0 && (
        <p className="small muted" data-testid="community-rest" data-members={rest.reduce((n, c) => n + c.members, 0)}>
          and {rest.length} smaller communit{rest.length === 1 ? 'y' : 'ies'} ({rest.reduce((n, c) => n + c.members, 0)} entities), in repeated colours
        </p>
      )}
      {unassigned > 0 && (
        <p className="small muted" data-testid="community-unassigned" data-members={unassigned}>
          {unassigned} entit{unassigned === 1 ? 'y' : 'ies'} not in the analysis (restricted, or added since): Analyse again
        </p>
      )}
    </div>
  );
}

/** Groups on the chart and every active styling rule, each as an entry (in priority order). */
function OrganiseKey() {
  const ws = useWorkspace();
  const s = useWorkspaceState();
  const active = s.organise.rules.filter((r) => r.enabled);
  const groups = s.organise.groups.length;
  if (!active.length && !groups) return null;
  return (
    <div className="organise-key" data-testid="legend-organise">
      {groups > 0 && (
        <div className="legend-row small" data-testid="legend-groups">
          <span className="group-swatch" aria-hidden /> Group: stands for its members (count in brackets); a link's number counts the links it stands for
        </div>
      )}
      {active.length > 0 && (
        <>
          <div className="legend-row small">
            <span>Styling rules</span>
            <button className="link small" onClick={() => ws.edit({ kind: 'rules' })} data-testid="legend-edit-rules">edit</button>
          </div>
          <ul className="legend-list">
            {active.map((r) => (
              <li key={r.id} data-testid="legend-rule" data-rule={r.id} data-colour={r.then.colour ?? ''}>
                <RuleSwatch effect={r.then} /> {describeCondition(r.when, { entity: entityTitle, code: humanCode })} <span className="muted">({describeEffect(r.then)})</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
