import type { StylesheetJson } from 'cytoscape';
import type { Display } from '../workspace/GraphWorkspace.js';
import { glyphUri } from './icons.js';

/**
 * The chart's look as one data-driven stylesheet: a shape, colour and glyph per entity type,
 * a line style per link type, width by evidence strength, colour by OCG role or community,
 * size by centrality. The legend reads the same tables.
 */
type Shape = 'ellipse' | 'round-rectangle' | 'round-octagon' | 'round-hexagon' | 'round-diamond' | 'round-pentagon' | 'round-tag' | 'round-triangle' | 'rectangle';

export interface EntityLook { colour: string; shape: Shape; title: string }
export interface LinkLook { colour: string; line: 'solid' | 'dashed' | 'dotted'; arrow: boolean; title: string }

export const ENTITY_LOOK: Record<string, EntityLook> = {
  Subject: { colour: '#2563eb', shape: 'ellipse', title: 'Subject' },
  OCG: { colour: '#b91c1c', shape: 'round-octagon', title: 'Organised crime group' },
  Location: { colour: '#15803d', shape: 'round-rectangle', title: 'Location' },
  Area: { colour: '#4d7c0f', shape: 'round-hexagon', title: 'Area' },
  Agency: { colour: '#475569', shape: 'round-pentagon', title: 'Agency' },
  Vehicle: { colour: '#c2410c', shape: 'round-rectangle', title: 'Vehicle' },
  Phone: { colour: '#0e7490', shape: 'round-rectangle', title: 'Phone' },
  Camera: { colour: '#9a3412', shape: 'round-triangle', title: 'ANPR camera' },
  CellSite: { colour: '#155e75', shape: 'round-triangle', title: 'Cell site' },
  Source: { colour: '#6d28d9', shape: 'round-diamond', title: 'Source' },
  IntelligenceReport: { colour: '#a16207', shape: 'round-tag', title: 'Intelligence report' },
  Event: { colour: '#be185d', shape: 'round-triangle', title: 'Event' },
  Priority: { colour: '#7e22ce', shape: 'round-pentagon', title: 'Priority' },
  IntelligenceRequirement: { colour: '#0f766e', shape: 'ellipse', title: 'Intelligence requirement' },
  Question: { colour: '#0d9488', shape: 'ellipse', title: 'Question' },
  CollectionPlan: { colour: '#3f6212', shape: 'round-rectangle', title: 'Collection plan' },
  Restricted: { colour: '#9ca3af', shape: 'round-rectangle', title: 'Restricted (held by another agency)' },
};

export const LINK_LOOK: Record<string, LinkLook> = {
  MEMBER_OF: { colour: '#b91c1c', line: 'solid', arrow: true, title: 'Member of' },
  ASSOCIATE_OF: { colour: '#334155', line: 'solid', arrow: false, title: 'Associate of' },
  LIVES_AT: { colour: '#15803d', line: 'solid', arrow: true, title: 'Lives at' },
  FREQUENTS: { colour: '#15803d', line: 'dashed', arrow: true, title: 'Frequents' },
  USES_VEHICLE: { colour: '#c2410c', line: 'dashed', arrow: true, title: 'Uses vehicle' },
  USES_PHONE: { colour: '#0e7490', line: 'dashed', arrow: true, title: 'Uses phone' },
  CALLS: { colour: '#0e7490', line: 'dotted', arrow: true, title: 'Calls' },
  SEEN_AT: { colour: '#9a3412', line: 'dotted', arrow: true, title: 'Seen at' },
  USED_CELL: { colour: '#155e75', line: 'dotted', arrow: true, title: 'Used cell site' },
  LOCATED_IN: { colour: '#65a30d', line: 'dotted', arrow: true, title: 'Located in' },
  PART_OF: { colour: '#65a30d', line: 'dotted', arrow: true, title: 'Part of' },
  RESPONSIBLE_FOR: { colour: '#475569', line: 'dotted', arrow: true, title: 'Responsible for' },
  OPERATES_IN: { colour: '#b91c1c', line: 'dotted', arrow: true, title: 'Operates in' },
  INVOLVED_IN: { colour: '#be185d', line: 'solid', arrow: true, title: 'Involved in' },
  MENTIONS: { colour: '#a16207', line: 'dotted', arrow: true, title: 'Mentions' },
  FROM_SOURCE: { colour: '#6d28d9', line: 'dashed', arrow: true, title: 'From source' },
  ORIGINATED_BY: { colour: '#475569', line: 'dashed', arrow: true, title: 'Originated by' },
  SUPPORTS: { colour: '#0f766e', line: 'dashed', arrow: true, title: 'Supports priority' },
  ASKS: { colour: '#0f766e', line: 'dashed', arrow: true, title: 'Asks' },
  CONCERNS: { colour: '#0d9488', line: 'dashed', arrow: true, title: 'Concerns' },
  ANSWERS: { colour: '#0d9488', line: 'dotted', arrow: true, title: 'Answers' },
  PLANS_FOR: { colour: '#3f6212', line: 'dashed', arrow: true, title: 'Plans for' },
  RESTRICTED: { colour: '#9ca3af', line: 'dashed', arrow: false, title: 'Restricted link' },
};

/**
 * Coverage of an intelligence requirement (board, gap overlay ring, legend): a colour and a ring
 * style each, so the state reads without relying on colour, and the words shown beside it.
 */
export interface CoverageLook { colour: string; soft: string; ring: 'solid' | 'dashed' | 'dotted' | 'double'; title: string; meaning: string }
export const COVERAGE_LOOK: Record<string, CoverageLook> = {
  NONE: { colour: '#b91c1c', soft: '#fee2e2', ring: 'double', title: 'No coverage', meaning: 'no intelligence answers it' },
  WEAK: { colour: '#c2410c', soft: '#ffedd5', ring: 'dashed', title: 'Weak', meaning: 'only weak or single-source intelligence' },
  STALE: { colour: '#6d28d9', soft: '#ede9fe', ring: 'dotted', title: 'Stale', meaning: 'nothing within the review period' },
  COVERED: { colour: '#15803d', soft: '#dcfce7', ring: 'solid', title: 'Covered', meaning: 'recent, corroborated intelligence' },
};

export const ROLE_COLOUR: Record<string, string> = {
  PRINCIPAL: '#dc2626', SIGNIFICANT: '#ea580c', PERIPHERAL: '#ca8a04', UNKNOWN: '#94a3b8',
};

/**
 * Link width by weight: a link whose props carry `count` (calls, meetings, sightings) is drawn
 * wider the larger the count, on a log scale (each tenfold count adds the same width) capped at
 * `cap`, so one link of thousands of calls does not swamp the chart. A count of 1 draws as a
 * plain link.
 */
export const COUNT_WIDTH = { min: 1.6, max: 10, cap: 1000 } as const;

export function countWidth(count: number): number {
  const c = Math.min(Math.max(count, 1), COUNT_WIDTH.cap);
  const w = COUNT_WIDTH.min + ((COUNT_WIDTH.max - COUNT_WIDTH.min) * Math.log10(c)) / Math.log10(COUNT_WIDTH.cap);
  return Math.round(w * 100) / 100;
}

/** The link's count as a weight, when it has one (a positive integer in its props). */
export function linkCount(props: Record<string, unknown> | null | undefined): number | undefined {
  const c = props?.count;
  return typeof c === 'number' && Number.isFinite(c) && c > 0 ? c : undefined;
}

/**
 * Colours for communities (cycled): light tones, far from every entity type's colour (CIE76
 * difference at least 25; tests/unit/chartDraw.test.ts) and from each other, so a community is never read
 * as a type. Nodes coloured by community carry a dark glyph (`darkGlyph`) to stay legible.
 */
export const COMMUNITY_PALETTE = [
  '#60a5fa', '#fca5a5', '#86efac', '#d8b4fe', '#fdba74', '#67e8f9', '#f9a8d4', '#bef264', '#fde047', '#5eead4',
];
export const communityColour = (c: number) => COMMUNITY_PALETTE[((c % COMMUNITY_PALETTE.length) + COMMUNITY_PALETTE.length) % COMMUNITY_PALETTE.length]!;

export const linkLook = (type: string): LinkLook => LINK_LOOK[type] ?? { colour: '#64748b', line: 'solid', arrow: true, title: type };
export const entityLook = (type: string): EntityLook => ENTITY_LOOK[type] ?? { colour: '#64748b', shape: 'ellipse', title: type };

const SELECT = '#f59e0b';
const FADED = '#cbd5e1';
/** Links between a pair of entities that is not linked otherwise are drawn straight (see `bundle`). */
const DEFAULT_EDGE = { colour: '#94a3b8', line: 'solid', arrow: 'none' } as const;

/**
 * The per-type look as element data, so the stylesheet maps it (`data(colour)`) instead of
 * testing every element against a selector per type: Cytoscape matches each element against
 * every selector when it styles it, which dominates drawing a large chart for the first time.
 */
export function nodeLook(type: string, restricted: boolean): { colour: string; shape: string; glyph: string } {
  if (restricted) return { colour: '#e5e7eb', shape: ENTITY_LOOK[type]?.shape ?? 'ellipse', glyph: glyphUri('Restricted', '#4b5563') };
  const look = ENTITY_LOOK[type];
  return look ? { colour: look.colour, shape: look.shape, glyph: glyphUri(type) } : { colour: '#64748b', shape: 'ellipse', glyph: 'none' };
}

/** The type's glyph drawn dark, for nodes filled with a light colour (communities). */
export function darkGlyph(type: string): string {
  return ENTITY_LOOK[type] ? glyphUri(type, '#1f2937') : 'none';
}

export function edgeLook(type: string, role: string | undefined): { colour: string; line: string; arrow: string } {
  const look = LINK_LOOK[type];
  if (!look) return DEFAULT_EDGE;
  const colour = type === 'MEMBER_OF' && role !== undefined ? (ROLE_COLOUR[role] ?? look.colour) : look.colour;
  return { colour, line: look.line, arrow: look.arrow ? 'triangle' : 'none' };
}

/** The OCG-role ring a node shows (none for an unknown role). */
export const roleRing = (role: string | undefined): string | undefined => (role && role !== 'UNKNOWN' ? ROLE_COLOUR[role] : undefined);

/** The gap overlay's ring for a coverage state, as node data. */
export function gapLook(state: string | undefined): { gapColour: string; gapRing: string; gapWidth: number } | undefined {
  const look = state ? COVERAGE_LOOK[state] : undefined;
  return look ? { gapColour: look.colour, gapRing: look.ring, gapWidth: look.ring === 'double' ? 7 : 4 } : undefined;
}

/**
 * Groups (one node standing for its members, with their count), links drawn through groups (their
 * count as the width and label), and annotations: notes, boxes and labelled areas, drawn beneath
 * the entities. A group's label grows with the entities' (`scale`, see labelScale); annotations keep theirs.
 */
function organiseStyle(scale: number): StylesheetJson {
  const font = 'system-ui, "Segoe UI", Roboto, Arial, sans-serif';
  return [
    { selector: '.grouped', style: { display: 'none' } },
    {
      selector: 'node.org-group',
      style: {
        width: 'data(side)', height: 'data(side)', 'border-width': 6, 'border-style': 'double', 'border-color': '#334155',
        'font-weight': 'bold', 'text-wrap': 'wrap', 'text-max-width': `${180 * scale}px`,
      },
    },
    { selector: 'node.org-ocg', style: { 'border-color': '#b91c1c' } },
    {
      selector: 'edge.org-link',
      style: { width: 'data(countWidth)', label: 'data(label)', 'line-style': 'solid', 'target-arrow-shape': 'none', 'font-weight': 'bold', color: '#1e293b' },
    },
    {
      selector: 'node.org-annotation',
      style: {
        width: 'data(w)', height: 'data(h)', 'background-image': 'none', 'font-family': font, 'text-wrap': 'wrap', 'text-max-width': 'data(tw)',
        'text-background-opacity': 0, 'min-zoomed-font-size': 0,
      },
    },
    {
      selector: 'node.org-note',
      style: {
        shape: 'round-rectangle', 'background-color': 'data(colour)', 'border-width': 1, 'border-color': '#a16207',
        'text-valign': 'center', 'text-halign': 'center', 'text-margin-y': 0, 'font-size': 12, color: '#1c1917', 'z-index': 15,
      },
    },
    {
      selector: 'node.org-box',
      style: {
        shape: 'rectangle', 'background-opacity': 0, 'border-width': 2, 'border-color': 'data(colour)', 'border-style': 'solid',
        'text-valign': 'top', 'text-halign': 'center', 'text-margin-y': -4, 'font-size': 12, color: '#334155', 'z-index': 1,
      },
    },
    {
      selector: 'node.org-area',
      style: {
        shape: 'round-rectangle', 'background-color': 'data(colour)', 'background-opacity': 0.1, 'border-width': 2, 'border-color': 'data(colour)',
        'border-style': 'dashed', 'text-valign': 'top', 'text-halign': 'center', 'text-margin-y': -4, 'font-size': 15, 'font-weight': 'bold',
        color: '#0f172a', 'z-index': 1,
      },
    },
    { selector: 'node.org-annotation:selected', style: { 'border-color': '#f59e0b', 'border-width': 3 } },
    { selector: 'node.org-box:selected, node.org-area:selected', style: { 'z-index': 1 } },
  ];
}

/**
 * From this many elements (nodes + links) the chart is drawn with a lighter style: labels without
 * their white backing and shown from a slightly higher zoom, no ellipsis measuring. Drawing the
 * first frame of a large chart is dominated by such per-label work, and at the zoom that fits a
 * large chart on screen labels are too small to read anyway; zoomed in, they show as usual.
 */
export const LIGHT_STYLE_ABOVE = 2000;
/** Smallest on-screen font size (px) drawn: below it labels are skipped. */
export const MIN_LABEL_PX = 7;
export const MIN_LABEL_PX_LIGHT = 9;

/** Entity labels' font size (chart px): what they are on screen at 100%. */
export const LABEL_FONT_PX = 11;
/** Link labels' font size (chart px) at 100%, scaled with entity labels; under MIN_LINK_LABEL_PX on screen they are skipped. */
export const LINK_LABEL_FONT_PX = 9;
export const MIN_LINK_LABEL_PX = 8;
/**
 * Zoomed out, entity labels are drawn larger in chart terms so that on screen they stay at least
 * `screenPx` (a chart fitted to a laptop screen is typically at 60-80%), up to `max` times their
 * size, so a chart zoomed far out does not drown in text. Their width limit grows with them: a
 * label shows the same text as at 100%. The scale goes in `step`s, so the stylesheet changes only
 * when the zoom has moved by a step.
 */
export const LABEL_SCALE = { screenPx: 10.5, max: 2, step: 0.1 } as const;

/** How much larger than LABEL_FONT_PX entity labels are drawn at this zoom (1 at 100% and closer). */
export function labelScale(zoom: number): number {
  if (!(zoom > 0)) return 1;
  const need = LABEL_SCALE.screenPx / (LABEL_FONT_PX * zoom);
  if (need <= 1) return 1;
  // Rounded up to a step, so the size on screen is never under screenPx (the epsilon absorbs float error).
  const steps = Math.ceil(need / LABEL_SCALE.step - 1e-9);
  return Math.min(LABEL_SCALE.max, Math.round(steps * LABEL_SCALE.step * 100) / 100);
}

export interface StyleOptions {
  /** The lighter style for large charts (see LIGHT_STYLE_ABOVE). */
  light?: boolean;
  /**
   * The chart has groups or annotations / enabled styling rules: their selectors are in the sheet
   * only then, since every selector is tested against every element when the chart is styled.
   */
  organised?: boolean;
  ruled?: boolean;
  /** Entity labels drawn this many times LABEL_FONT_PX (see labelScale); 1 by default. */
  labelScale?: number;
}

export function chartStyle(display: Display, opts: StyleOptions = {}): StylesheetJson {
  const light = !!opts.light;
  const scale = opts.labelScale ?? 1;
  const backing = (padding: string) => (light ? {} : { 'text-background-color': '#ffffff', 'text-background-opacity': 0.85, 'text-background-padding': padding });
  const sheet: StylesheetJson = [
    {
      selector: 'node',
      style: {
        width: 34, height: 34, shape: 'data(shape)' as 'ellipse', 'background-color': 'data(colour)', 'background-image': 'data(glyph)',
        'background-width': '58%', 'background-height': '58%', 'background-clip': 'none',
        'border-width': 2, 'border-color': '#ffffff',
        label: 'data(label)', 'font-family': 'system-ui, "Segoe UI", Roboto, Arial, sans-serif', 'font-size': LABEL_FONT_PX * scale, color: '#0f172a',
        'text-valign': 'bottom', 'text-halign': 'center', 'text-margin-y': 4,
        'text-wrap': light ? 'none' : 'ellipsis', 'text-max-width': `${140 * scale}px`,
        // Labels stay readable over lines and when zoomed out; too small to read, they are not drawn.
        ...backing('2px'), ...(light ? {} : { 'text-background-shape': 'roundrectangle' as const }),
        'min-zoomed-font-size': light ? MIN_LABEL_PX_LIGHT : MIN_LABEL_PX,
        'overlay-opacity': 0,
        // Above boxes and labelled areas (z-index 1), so an entity inside an area is still grabbed.
        'z-index': 10,
      },
    },
  ];
  sheet.push({
    selector: 'node[?restricted]',
    style: {
      'border-width': 2, 'border-style': 'dashed', 'border-color': '#6b7280', color: '#4b5563', 'font-style': 'italic',
      width: 30, height: 30, 'text-wrap': 'wrap', 'text-max-width': `${130 * scale}px`,
    },
  });
  if (display.colourBy === 'role') {
    sheet.push({ selector: 'node[type = "Subject"]', style: { 'background-color': FADED } });
    for (const [role, colour] of Object.entries(ROLE_COLOUR)) {
      sheet.push({ selector: `node[role = "${role}"]`, style: { 'background-color': colour } });
    }
  } else if (display.colourBy === 'community') {
    sheet.push({ selector: 'node[communityColour]', style: { 'background-color': 'data(communityColour)', 'background-image': 'data(darkGlyph)' } });
  }
  // Whatever the colouring, an OCG role shows as a ring (`ring`: the role's colour, see roleRing).
  sheet.push({ selector: 'node[ring]', style: { 'border-color': 'data(ring)', 'border-width': 3 } });
  if (display.sizeBy !== 'none') {
    sheet.push({ selector: 'node[centrality]', style: { width: 'mapData(centrality, 0, 1, 26, 76)', height: 'mapData(centrality, 0, 1, 26, 76)' } });
  }
  // Styling rules (organise/rules.ts) come after every other colouring and sizing: they win.
  if (opts.ruled) {
    sheet.push(
      { selector: 'node[ruleColour]', style: { 'background-color': 'data(ruleColour)' } },
      { selector: 'node[ruleSize]', style: { width: 'data(ruleSize)', height: 'data(ruleSize)' } },
      { selector: 'node[badgeLabel]', style: { label: 'data(badgeLabel)' } },
    );
  }
  sheet.push(
    { selector: 'node[?pinned]', style: { 'border-style': 'double', 'border-width': 5, 'border-color': '#0f172a' } },
    {
      selector: 'edge',
      style: {
        // Straight unless the pair has other links (or it is a loop): `bundle` below.
        width: 1.6, 'line-color': 'data(colour)', 'curve-style': 'straight', 'target-arrow-shape': 'data(arrow)' as 'none', 'arrow-scale': 0.9,
        'target-arrow-color': 'data(colour)', 'line-style': 'data(line)' as 'solid', opacity: 0.9,
        // Link labels grow with entity labels when zoomed out (the same `scale`), so a chart fitted
        // to the screen still shows them; too small to read, they are not drawn.
        label: display.edgeLabels ? 'data(label)' : '', 'font-size': LINK_LABEL_FONT_PX * scale, color: '#334155', 'text-rotation': 'autorotate',
        ...backing('1px'),
        'min-zoomed-font-size': MIN_LINK_LABEL_PX, 'overlay-opacity': 0,
      },
    },
    { selector: 'edge[?bundle]', style: { 'curve-style': 'bezier' } },
    // Evidence strength (from the supporting reports' grades) drives the width...
    { selector: 'edge[strength >= 0]', style: { width: 'mapData(strength, 0, 1, 1.2, 7)' } },
    // ...unless the link is counted (calls, meetings, sightings): then its count does (countWidth).
    { selector: 'edge[countWidth]', style: { width: 'data(countWidth)', 'arrow-scale': 0.7 } },
    { selector: 'edge[line = "dotted"]', style: { 'line-dash-pattern': [2, 4] } },
    { selector: 'edge[line = "dashed"]', style: { 'line-dash-pattern': [7, 4] } },
    { selector: 'edge[?restricted]', style: { 'line-color': '#9ca3af', 'line-style': 'dashed', 'line-dash-pattern': [7, 4], 'target-arrow-shape': 'none', label: '' } },
    { selector: '.faded', style: { opacity: 0.18 } },
    { selector: 'node.path', style: { 'border-color': SELECT, 'border-width': 5 } },
    { selector: 'edge.path', style: { 'line-color': SELECT, 'target-arrow-color': SELECT, width: 6, 'z-index': 10, opacity: 1 } },
    { selector: 'node:selected', style: { 'border-color': SELECT, 'border-width': 5, 'z-index': 20 } },
    { selector: 'edge:selected', style: { 'line-color': SELECT, 'target-arrow-color': SELECT, 'z-index': 20, opacity: 1 } },
    { selector: '.filtered', style: { display: 'none' } },
    ...(opts.organised ? organiseStyle(scale) : []),
    // Added, waiting for its layout before it is first drawn.
    { selector: '.pending', style: { display: 'none' } },
    // Drawing a link (cytoscape-edgehandles): a dashed line from the entity under the pointer.
    { selector: '.eh-ghost-node', style: { width: 1, height: 1, opacity: 0, label: '', 'background-image': 'none', events: 'no' } },
    { selector: 'edge.eh-ghost-edge, edge.eh-preview', style: { 'line-color': SELECT, 'line-style': 'dashed', width: 3, 'target-arrow-shape': 'none', label: '', opacity: 1 } },
    { selector: 'node.eh-hover, node.eh-source', style: { 'border-color': SELECT, 'border-width': 5 } },
    // The gap overlay: an outline outside the border, so it shows beside roles, pins and selection.
    {
      selector: 'node[gapColour]',
      style: { 'outline-color': 'data(gapColour)', 'outline-style': 'data(gapRing)' as 'solid', 'outline-width': 'data(gapWidth)', 'outline-offset': 3, 'outline-opacity': 1 },
    },
  );
  return sheet;
}
