/**
 * Glyphs drawn inside nodes (and in the legend), as small inline SVGs: no icon fonts, nothing
 * fetched, allowed by the page's image policy (data: URIs).
 */
const wrap = (body: string, colour = '#ffffff') =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="48" height="48" viewBox="0 0 24 24" fill="none" stroke="${colour}" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">${body}</svg>`;

const GLYPHS: Record<string, string> = {
  Subject: '<circle cx="12" cy="8" r="4"/><path d="M4 21c0-4.4 3.6-7 8-7s8 2.6 8 7"/>',
  OCG: '<circle cx="8" cy="8" r="3"/><circle cx="16.5" cy="8" r="3"/><path d="M2 20c0-3.5 2.7-6 6-6s6 2.5 6 6"/><path d="M14 14.3c.8-.2 1.6-.3 2.5-.3 3.3 0 5.5 2.5 5.5 6"/>',
  Location: '<path d="M3 11 12 4l9 7"/><path d="M5 10v10h14V10"/><path d="M10 20v-6h4v6"/>',
  Area: '<path d="M3 6l6-2 6 2 6-2v14l-6 2-6-2-6 2z"/><path d="M9 4v14"/><path d="M15 6v14"/>',
  Agency: '<path d="M12 3l8 3v6c0 4.5-3.4 8-8 9-4.6-1-8-4.5-8-9V6z"/><path d="M9 12l2 2 4-4"/>',
  Vehicle: '<path d="M3 16v-4l2-5h14l2 5v4z"/><circle cx="7.5" cy="16.5" r="2"/><circle cx="16.5" cy="16.5" r="2"/><path d="M5 12h14"/>',
  Phone: '<rect x="7" y="2.5" width="10" height="19" rx="2"/><path d="M11 18h2"/>',
  Camera: '<rect x="2" y="7" width="14" height="10" rx="2"/><path d="M16 10l6-3v10l-6-3"/><circle cx="9" cy="12" r="2"/>',
  CellSite: '<path d="M12 10v12"/><path d="M8 22h8"/><circle cx="12" cy="8" r="2"/><path d="M7.5 3.5a6.5 6.5 0 0 0 0 9"/><path d="M16.5 3.5a6.5 6.5 0 0 1 0 9"/>',
  Source: '<path d="M2 12s3.6-7 10-7 10 7 10 7-3.6 7-10 7S2 12 2 12z"/><circle cx="12" cy="12" r="3"/>',
  IntelligenceReport: '<path d="M6 2h8l5 5v15H6z"/><path d="M14 2v5h5"/><path d="M9 13h7"/><path d="M9 17h7"/>',
  Event: '<rect x="3" y="5" width="18" height="16" rx="2"/><path d="M3 10h18"/><path d="M8 3v4"/><path d="M16 3v4"/>',
  Priority: '<path d="M5 21V4"/><path d="M5 4h12l-2 4 2 4H5"/>',
  IntelligenceRequirement: '<circle cx="12" cy="12" r="9"/><circle cx="12" cy="12" r="5"/><circle cx="12" cy="12" r="1"/>',
  Question: '<path d="M9 9a3 3 0 1 1 4.5 2.6c-1 .6-1.5 1.3-1.5 2.4"/><path d="M12 18h.01"/><circle cx="12" cy="12" r="10"/>',
  CollectionPlan: '<rect x="5" y="4" width="14" height="18" rx="2"/><path d="M9 2h6v4H9z"/><path d="M9 12h6"/><path d="M9 16h4"/>',
  Restricted: '<rect x="5" y="11" width="14" height="10" rx="2"/><path d="M8 11V7a4 4 0 0 1 8 0v4"/>',
};

export const glyphTypes = Object.keys(GLYPHS);

export function glyphSvg(type: string, colour?: string): string {
  return wrap(GLYPHS[type] ?? GLYPHS.Question!, colour);
}

const cache = new Map<string, string>();
export function glyphUri(type: string, colour?: string): string {
  const key = `${type}|${colour ?? ''}`;
  let v = cache.get(key);
  if (!v) {
    v = `data:image/svg+xml;utf8,${encodeURIComponent(glyphSvg(type, colour))}`;
    cache.set(key, v);
  }
  return v;
}
