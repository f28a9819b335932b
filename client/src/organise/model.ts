import type { Position } from '../workspace/chartDoc.js';

/**
 * How the analyst has organised the chart: groups (combined nodes, collapsed OCGs), annotations
 * and styling rules. It is the chart's own state, never intelligence: saved with the chart,
 * undone with it, and never sent to the database as records.
 */
export interface ChartGroup {
  /** "group:<n>"; never an entity id. */
  id: string;
  /** 'group': items the analyst combined; 'ocg': an OCG collapsed with its members. */
  kind: 'group' | 'ocg';
  label: string;
  /** Entity ids drawn as this one node (for an OCG: the OCG first, then its members). */
  members: string[];
  /** Where the combined node is drawn (the members keep their own positions for ungrouping). */
  position: Position;
  /** A collapsed OCG: the OCG entity it stands for. */
  ocg?: string;
}

export type AnnotationKind = 'note' | 'box' | 'area';

export interface Annotation {
  /** "note:<n>"; never an entity id. */
  id: string;
  kind: AnnotationKind;
  text: string;
  /** Centre of the annotation on the chart. */
  position: Position;
  width: number;
  height: number;
  /** Fill (note, area) or outline (box). */
  colour: string;
}

export type Comparison = 'equals' | 'contains' | 'gt' | 'lt';

export type Condition =
  | { kind: 'type'; type: string }
  | { kind: 'property'; key: string; op: Comparison; value: string }
  | { kind: 'marking'; classification: string }
  /** A subject with this role in an OCG on the chart ("ANY": any recorded role). */
  | { kind: 'role'; role: string }
  | { kind: 'degree'; op: 'gt' | 'lt' | 'equals'; value: number };

export interface RuleEffect {
  colour?: string;
  /** Node diameter in pixels. */
  size?: number;
  /** A short mark shown before the label (one or two characters). */
  badge?: string;
}

export interface StyleRule {
  id: string;
  enabled: boolean;
  when: Condition;
  then: RuleEffect;
}

export interface Organise {
  readonly groups: readonly ChartGroup[];
  readonly annotations: readonly Annotation[];
  readonly rules: readonly StyleRule[];
}

export const emptyOrganise = (): Organise => ({ groups: [], annotations: [], rules: [] });

export const ANNOTATION_DEFAULTS: Record<AnnotationKind, { width: number; height: number; colour: string; text: string; title: string }> = {
  note: { width: 180, height: 70, colour: '#fef9c3', text: 'Note', title: 'Note' },
  box: { width: 260, height: 180, colour: '#475569', text: '', title: 'Box' },
  area: { width: 360, height: 260, colour: '#0ea5e9', text: 'Area', title: 'Labelled area' },
};

export const isGroupId = (id: string) => id.startsWith('group:');
export const isAnnotationId = (id: string) => id.startsWith('note:');
export const isOrganiseId = (id: string) => isGroupId(id) || isAnnotationId(id);

/** The next free id with this prefix ("group:3" after "group:1", "group:2"). */
export function nextId(prefix: 'group:' | 'note:' | 'rule:', taken: Iterable<string>): string {
  let max = 0;
  for (const id of taken) {
    if (!id.startsWith(prefix)) continue;
    const n = Number(id.slice(prefix.length));
    if (Number.isInteger(n) && n > max) max = n;
  }
  return `${prefix}${max + 1}`;
}
