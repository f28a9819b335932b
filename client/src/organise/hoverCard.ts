import type { GraphNode } from '../workspace/types.js';

/**
 * What the hover card of an entity says: its name, type, a few key properties (those an analyst
 * identifies it by, in this order, then any others) and its protective marking. A stub says only
 * who holds it.
 */
export interface CardFacts {
  name: string;
  type: string;
  properties: [string, unknown][];
  marking: string | null;
  heldBy: string | null;
}

const KEY_PROPS = ['dob', 'aliases', 'pncId', 'status', 'crimeTypes', 'address', 'postcode', 'vrm', 'make', 'model', 'colour', 'number', 'imei', 'reference', 'sourceType', 'eventType', 'date'];
const SKIPPED = new Set(['forename', 'surname', 'name', 'text', 'sanitisedText', 'boundary', 'lat', 'lon', 'sourceId']);

export function cardFacts(n: GraphNode, max = 4): CardFacts {
  const m = n.markings;
  const marking = m ? `${m.classification} · handling ${m.handling}${m.handlingConditions?.length ? ` (${m.handlingConditions.join(', ')})` : ''}` : null;
  if (n.restricted) return { name: n.label, type: n.type, properties: [], marking: null, heldBy: n.heldBy ?? null };
  const props = n.props ?? {};
  const present = (k: string) => props[k] !== undefined && props[k] !== null && props[k] !== '' && !(Array.isArray(props[k]) && !(props[k] as unknown[]).length);
  const keys = [...KEY_PROPS.filter(present), ...Object.keys(props).filter((k) => !KEY_PROPS.includes(k) && !SKIPPED.has(k) && present(k)).sort()];
  return { name: n.label, type: n.type, properties: keys.slice(0, max).map((k) => [k, props[k]]), marking, heldBy: null };
}
