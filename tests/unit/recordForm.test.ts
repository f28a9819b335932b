import { describe, expect, it } from 'vitest';
import {
  FORM_KEY, LABEL_KEY, REPORT_FIELDS, afterEdit, blankValues, defaultMarkings, fieldsFor, firstInvalid, formKeyOf, isoOfTyped, linkChoices, markingKey,
  markingsOf, readEntityEdit, readMarkings, readNewEntity, readProps, ukMessage, valuesOf,
} from '../../client/src/build/recordForm.js';
import { GraphWorkspace } from '../../client/src/workspace/GraphWorkspace.js';
import type { ApiClient, GraphEdge, GraphNode, GraphSlice } from '../../client/src/workspace/types.js';
import { ENTITY_TYPES, LINK_TYPES, linkAllowed, type LinkType } from '../../server/domain/model.js';

/**
 * Building a chart by hand: the forms generated from the model, what they send to the API and the
 * messages they give on the field at fault; and the workspace drawing what was written.
 */
const TODAY = '2026-06-01';
const ctx = { agency: 'FORCE-A', today: TODAY };

describe('fields from the model', () => {
  it('gives every property of every entity type, required ones first, with kinds and choices', () => {
    for (const [type, def] of Object.entries(ENTITY_TYPES)) {
      const fields = fieldsFor('entity', type);
      expect(fields.map((f) => f.name).sort()).toEqual(Object.keys(def.props).sort());
      const firstOptional = fields.findIndex((f) => !f.required);
      expect(fields.slice(firstOptional === -1 ? fields.length : firstOptional).every((f) => !f.required)).toBe(true);
    }
    const vehicle = fieldsFor('entity', 'Vehicle');
    expect(vehicle[0]).toMatchObject({ name: 'vrm', kind: 'string', required: true, title: 'VRM' });
    const subject = fieldsFor('entity', 'Subject');
    expect(subject.find((f) => f.name === 'dob')).toMatchObject({ kind: 'date', hint: 'dd/mm/yyyy', title: 'Date of birth' });
    expect(subject.find((f) => f.name === 'gender')!.options!.map((o) => o.value)).toEqual(['MALE', 'FEMALE', 'OTHER', 'UNKNOWN']);
    expect(subject.find((f) => f.name === 'notes')!.multiline).toBe(true);
    const ocg = fieldsFor('entity', 'OCG');
    expect(ocg.find((f) => f.name === 'crimeTypes')!.kind).toBe('enumList');
  });

  it('words the 3x5x2 grade codes and keeps a chosen subset in order', () => {
    const report = fieldsFor('entity', 'IntelligenceReport', REPORT_FIELDS);
    expect(report.map((f) => f.name)).toEqual([...REPORT_FIELDS]);
    expect(report.find((f) => f.name === 'sourceEvaluation')!.options).toContainEqual({ value: '1', label: '1: Reliable' });
    expect(report.find((f) => f.name === 'intelAssessment')!.options).toContainEqual({ value: 'E', label: 'E: Suspected to be false or malicious' });
  });

  it('gives a link type its properties', () => {
    expect(fieldsFor('link', 'MEMBER_OF').map((f) => [f.name, f.required])).toEqual([['role', true], ['from', false], ['to', false]]);
    expect(fieldsFor('link', 'LOCATED_IN')).toEqual([]);
  });
});

describe('reading what was typed', () => {
  const subject = fieldsFor('entity', 'Subject');

  it('reads UK dates, lists and choices into what the API takes, leaving empty fields out', () => {
    const values = { ...blankValues(subject), forename: ' Ada ', surname: 'Quill', dob: '07/03/1990', aliases: 'Adz, The Quill; AQ', gender: 'FEMALE' };
    const { props, errors } = readProps('entity', 'Subject', subject, values, { today: TODAY });
    expect(errors).toEqual({});
    expect(props).toEqual({ forename: 'Ada', surname: 'Quill', dob: '1990-03-07', aliases: ['Adz', 'The Quill', 'AQ'], gender: 'FEMALE' });
  });

  it('refuses, on the field at fault, what the model refuses: an impossible or future date, a number out of range, a value too long', () => {
    expect(readProps('entity', 'Subject', subject, { dob: '31/02/1990' }, { today: TODAY }).errors.dob).toMatch(/dd\/mm\/yyyy/);
    expect(readProps('entity', 'Subject', subject, { dob: '01/01/2030' }, { today: TODAY }).errors.dob).toBe('01/01/2030 is in the future');
    const loc = fieldsFor('entity', 'Location');
    expect(readProps('entity', 'Location', loc, { lat: '95' }, { today: TODAY }).errors.lat).toBe('must be at most 90 (got 95)');
    expect(readProps('entity', 'Location', loc, { lat: 'north' }, { today: TODAY }).errors.lat).toMatch(/expected a number/);
    const veh = fieldsFor('entity', 'Vehicle');
    const long = readProps('entity', 'Vehicle', veh, { vrm: 'ABCDEFGHIJKL' }, { today: TODAY });
    expect(long.errors).toEqual({ vrm: 'at most 10 characters (got 12)' });
  });

  it('needs every required field, named by its title', () => {
    const { errors } = readProps('entity', 'Vehicle', fieldsFor('entity', 'Vehicle'), { vrm: '  ', make: 'Ford' }, { today: TODAY });
    expect(errors).toEqual({ vrm: 'VRM is required' });
  });

  it('takes a date-time in UK local time (summer time included)', () => {
    expect(isoOfTyped('datetime', '01/07/2024 14:30')).toBe('2024-07-01T13:30:00.000Z');
    expect(isoOfTyped('datetime', '01/01/2024 14:30')).toBe('2024-01-01T14:30:00.000Z');
    expect(isoOfTyped('date', '1/7/2024')).toBe('2024-07-01');
    expect(isoOfTyped('date', '01/07/2024 10:00')).toBeNull();
    expect(isoOfTyped('datetime', '01/07/2024 25:00')).toBeNull();
    expect(isoOfTyped('date', '')).toBe('');
  });

  it('shows stored values as typed: UK dates, lists with commas', () => {
    const v = valuesOf(subject, { dob: '1990-03-07', aliases: ['A', 'B'], gender: 'MALE' });
    expect(v).toMatchObject({ dob: '07/03/1990', aliases: 'A, B', gender: 'MALE', forename: '' });
    expect(valuesOf(fieldsFor('entity', 'OCG'), { crimeTypes: ['FRAUD'] }).crimeTypes).toEqual(['FRAUD']);
  });

  it('writes dates in messages the UK way', () => {
    expect(ukMessage('lastSeen 2024-01-02T10:00:00.000Z is before firstSeen 2024-03-04')).toBe('lastSeen 02/01/2024 is before firstSeen 04/03/2024');
  });
});

describe('markings', () => {
  it('start at OFFICIAL, handling P', () => {
    expect(readMarkings(defaultMarkings(), 'FORCE-A')).toEqual({
      markings: { classification: 'OFFICIAL', compartments: [], handling: 'P', handlingConditions: [], handlingNotes: '' }, errors: {},
    });
  });

  it('refuse handling C without its conditions, and take a condition code or written conditions', () => {
    const c = { ...defaultMarkings(), handling: 'C' as const };
    expect(readMarkings(c, 'FORCE-A').errors).toEqual({ [markingKey('handlingConditions')]: expect.stringMatching(/Handling code C needs its conditions/) });
    expect(readMarkings({ ...c, handlingConditions: ['C3'] }, 'FORCE-A').errors).toEqual({});
    expect(readMarkings({ ...c, handlingNotes: 'Police only' }, 'FORCE-A')).toMatchObject({ errors: {}, markings: { handling: 'C', handlingNotes: 'Police only' } });
  });

  it('drop conditions when the code goes back to P', () => {
    const m = readMarkings({ ...defaultMarkings(), handling: 'P', handlingConditions: ['C3'], handlingNotes: 'x' }, 'FORCE-A').markings;
    expect(m).toMatchObject({ handling: 'P', handlingConditions: [], handlingNotes: '' });
  });

  it('read a record\'s markings back into the form', () => {
    expect(markingsOf({ classification: 'SECRET', handling: 'C', handlingConditions: ['C1'], handlingNotes: 'n', agency: 'A', compartments: ['CHIS'] }))
      .toEqual({ classification: 'SECRET', handling: 'C', handlingConditions: ['C1'], handlingNotes: 'n', compartments: ['CHIS'] });
    expect(markingsOf(null)).toEqual(defaultMarkings());
  });
});

describe('a new entity', () => {
  it('is the createEntity input when valid', () => {
    const { draft, errors } = readNewEntity('Vehicle', '', { vrm: 'AB12 CDE', colour: 'Red' }, defaultMarkings(), ctx);
    expect(errors).toEqual({});
    expect(draft).toEqual({ type: 'Vehicle', props: { vrm: 'AB12 CDE', colour: 'Red' }, markings: expect.objectContaining({ classification: 'OFFICIAL', handling: 'P' }) });
  });

  it('needs a label where its properties give none, and says so on the label', () => {
    expect(readNewEntity('OCG', '', { status: 'ACTIVE' }, defaultMarkings(), ctx).errors).toEqual({ [LABEL_KEY]: expect.stringMatching(/needs a label/) });
    expect(readNewEntity('OCG', 'Quill Crew', { status: 'ACTIVE' }, defaultMarkings(), ctx)).toMatchObject({ errors: {}, draft: { label: 'Quill Crew' } });
    expect(readNewEntity('Subject', '', { forename: 'Ada' }, defaultMarkings(), ctx).errors).toEqual({});
  });

  it('gathers every fault at once, field and markings', () => {
    const { errors } = readNewEntity('IntelligenceReport', '', { text: '', sourceEvaluation: '1' }, { ...defaultMarkings(), handling: 'C' }, { ...ctx, only: REPORT_FIELDS });
    expect(Object.keys(errors).sort()).toEqual(['intelAssessment', markingKey('handlingConditions'), 'text'].sort());
  });

  it('a graded report is created with its grade and handling', () => {
    const { draft, errors } = readNewEntity('IntelligenceReport', '', { text: 'Seen together', sourceEvaluation: '2', intelAssessment: 'B' },
      { ...defaultMarkings(), handling: 'C', handlingConditions: ['C3'] }, { ...ctx, only: REPORT_FIELDS });
    expect(errors).toEqual({});
    expect(draft.props).toEqual({ text: 'Seen together', sourceEvaluation: '2', intelAssessment: 'B' });
    expect(draft.markings).toMatchObject({ handling: 'C', handlingConditions: ['C3'] });
  });
});

describe('an edit', () => {
  const node: GraphNode = {
    id: 'v1', type: 'Vehicle', label: 'AB12 CDE', restricted: false, access: 'full', props: { vrm: 'AB12 CDE', make: 'Ford', colour: 'Red' },
    markings: { classification: 'OFFICIAL', handling: 'P', handlingConditions: [], agency: 'FORCE-A', compartments: [] },
  };
  const fields = fieldsFor('entity', 'Vehicle');

  it('sends only what changed, null to clear a property', () => {
    const values = { ...valuesOf(fields, node.props), colour: 'Blue', make: '' };
    const { patch, errors } = readEntityEdit(node, node.label, values, markingsOf(node.markings), ctx);
    expect(errors).toEqual({});
    expect(patch).toEqual({ props: { colour: 'Blue', make: null } });
  });

  it('sends nothing when nothing changed, and the markings and label when they did', () => {
    expect(readEntityEdit(node, node.label, valuesOf(fields, node.props), markingsOf(node.markings), ctx).patch).toEqual({});
    const { patch } = readEntityEdit(node, 'Ford AB12', valuesOf(fields, node.props), { ...markingsOf(node.markings), classification: 'OFFICIAL-SENSITIVE' }, ctx);
    expect(patch).toEqual({ label: 'Ford AB12', markings: expect.objectContaining({ classification: 'OFFICIAL-SENSITIVE' }) });
  });

  it('refuses to clear a required field or the label', () => {
    const { errors } = readEntityEdit(node, ' ', { ...valuesOf(fields, node.props), vrm: '' }, markingsOf(node.markings), ctx);
    expect(errors).toEqual({ vrm: 'VRM is required', [LABEL_KEY]: 'The label cannot be empty' });
  });
});

describe('where errors go', () => {
  const fields = fieldsFor('entity', 'Vehicle');
  it('puts a server error on its field, a marking, the label or above the form', () => {
    expect(formKeyOf('vrm', fields)).toBe('vrm');
    expect(formKeyOf('classification', fields)).toBe(markingKey('classification'));
    expect(formKeyOf('label', fields)).toBe(LABEL_KEY);
    expect(formKeyOf('agency', fields)).toBe(FORM_KEY);
    expect(formKeyOf(undefined, fields)).toBe(FORM_KEY);
  });
  it('drops a field\'s message once it is changed (all the markings\' messages for a marking), keeping the others', () => {
    const errors = { vrm: 'VRM is required', make: 'x', [markingKey('handlingConditions')]: 'y', [markingKey('classification')]: 'z' };
    expect(afterEdit(errors, 'vrm')).toEqual({ make: 'x', [markingKey('handlingConditions')]: 'y', [markingKey('classification')]: 'z' });
    expect(afterEdit(errors, 'markings')).toEqual({ vrm: 'VRM is required', make: 'x' });
    expect(afterEdit(errors, 'colour')).toBe(errors);
  });
  it('focuses the first field at fault in the order laid out', () => {
    expect(firstInvalid(['label', 'vrm', 'make'], { make: 'x', vrm: 'y' })).toBe('vrm');
    expect(firstInvalid(['label'], { [FORM_KEY]: 'x' })).toBe(FORM_KEY);
    expect(firstInvalid(['label'], {})).toBeUndefined();
  });
});

describe('link types between two entities', () => {
  it('offers only what the model allows, either way round, flipped when needed', () => {
    const subjOcg = linkChoices('Subject', 'OCG');
    expect(subjOcg.map((c) => [c.type, c.from])).toEqual([['MEMBER_OF', 'a']]);
    expect(linkChoices('OCG', 'Subject').map((c) => [c.type, c.from])).toEqual([['MEMBER_OF', 'b']]);
    expect(linkChoices('Vehicle', 'Subject').map((c) => [c.type, c.from])).toEqual([['USES_VEHICLE', 'b']]);
    expect(linkChoices('Subject', 'Subject').map((c) => [c.type, c.directed])).toEqual([['ASSOCIATE_OF', false]]);
    expect(linkChoices('Camera', 'Agency')).toEqual([]);
  });

  it('agrees with the model for every pair of types', () => {
    const types = Object.keys(ENTITY_TYPES);
    for (const a of types) for (const b of types) {
      for (const c of linkChoices(a, b)) {
        const [from, to] = c.from === 'a' ? [a, b] : [b, a];
        expect(linkAllowed(c.type, from, to)).toBe(true);
      }
      const allowed = (Object.keys(LINK_TYPES) as LinkType[]).filter((t) => linkAllowed(t, a, b) || linkAllowed(t, b, a));
      expect(linkChoices(a, b).map((c) => c.type).sort()).toEqual(allowed.sort());
    }
  });
});

/** An in-memory API holding what was written: graph() answers the records asked for and the links among them. */
class WrittenRecords implements Partial<ApiClient> {
  nodes = new Map<string, GraphNode>();
  edges: GraphEdge[] = [];
  async graph(ids: string[]): Promise<GraphSlice> {
    const want = new Set(ids);
    return {
      nodes: ids.map((id) => this.nodes.get(id)).filter((n): n is GraphNode => !!n),
      edges: this.edges.filter((e) => want.has(e.source) && want.has(e.target)),
      truncated: false, omitted: 0,
    };
  }
  async link() { return null; }
}

const rec = (id: string, type: string, label: string, props: Record<string, unknown> = {}): GraphNode =>
  ({ id, type, label, restricted: false, access: 'full', props, markings: { classification: 'OFFICIAL', handling: 'P', handlingConditions: [], agency: 'FORCE-A' } });

describe('the workspace draws what was written', () => {
  it('places a new entity where asked, selected, as one undo step', async () => {
    const api = new WrittenRecords();
    const ws = new GraphWorkspace(api as unknown as ApiClient);
    api.nodes.set('s1', rec('s1', 'Subject', 'Ada Quill'));
    expect(await ws.placeCreated('s1', { x: 120, y: -40 })).toBe(true);
    const s = ws.getState();
    expect(s.doc.nodes.get('s1')!.position).toEqual({ x: 120, y: -40 });
    expect([...s.selection]).toEqual(['s1']);
    expect(s.undoLabel).toBe('Add Ada Quill');
    ws.undo();
    expect(ws.getState().doc.nodes.has('s1')).toBe(false);
  });

  it('says so when the new record cannot be shown', async () => {
    const ws = new GraphWorkspace(new WrittenRecords() as unknown as ApiClient);
    expect(await ws.placeCreated('gone')).toBe(false);
    expect(ws.getState().notices.at(-1)!.text).toMatch(/saved but cannot be shown/);
  });

  it('draws a new link between two entities on the chart and selects it; undo takes it off the chart', async () => {
    const api = new WrittenRecords();
    const ws = new GraphWorkspace(api as unknown as ApiClient);
    api.nodes.set('a', rec('a', 'Subject', 'Ada'));
    api.nodes.set('b', rec('b', 'Subject', 'Bo'));
    await ws.placeCreated('a', { x: 0, y: 0 });
    await ws.placeCreated('b', { x: 100, y: 0 });
    api.edges.push({ id: 'L1', source: 'a', target: 'b', type: 'ASSOCIATE_OF', restricted: false, strength: 0.8, reportCount: 1, props: {} });
    expect(await ws.placeLink('L1', ['a', 'b'])).toBe(true);
    expect(ws.getState().doc.edges.has('L1')).toBe(true);
    expect([...ws.getState().selection]).toEqual(['L1']);
    expect(ws.getState().inspection).toMatchObject({ id: 'L1', status: 'ready' });
    expect(ws.getState().undoLabel).toBe('Link Ada – Bo');
    ws.undo();
    expect(ws.getState().doc.edges.has('L1')).toBe(false);
    expect(ws.getState().doc.nodes.size).toBe(2);
  });

  it('follows an edit without an undo step', async () => {
    const api = new WrittenRecords();
    const ws = new GraphWorkspace(api as unknown as ApiClient);
    api.nodes.set('a', rec('a', 'Subject', 'Ada'));
    await ws.placeCreated('a');
    api.nodes.set('a', rec('a', 'Subject', 'Ada Quill', { forename: 'Ada' }));
    await ws.refreshRecords(['a']);
    expect(ws.node('a')).toMatchObject({ label: 'Ada Quill', props: { forename: 'Ada' } });
    expect(ws.getState().undoLabel).toBe('Add Ada');
  });
});
