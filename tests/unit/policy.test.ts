import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CLASSIFICATIONS, COMPARTMENTS } from '../../server/domain/codes.js';
import {
  can, decide, hiddenFilter, isReferenceGeography, PERMISSIONS, policyParams, PROTECTED_COMPARTMENTS, ROLE_PERMISSIONS, ROLES, parseStubReference, stubId, stubReference, visibleFilter,
  visibleProps, type Access, type Markings, type Viewer,
} from '../../server/domain/policy.js';

/**
 * The access policy as a table: every branch of `decide`, the permission matrix, and the
 * properties that must hold whatever the markings (more clearance never means less access).
 * That the Cypher filters agree with `decide` is checked against the database in
 * tests/api/security.test.ts.
 */
const OWN = 'AG-OWN';
const OTHER = 'AG-OTHER';
const viewer = (over: Partial<Viewer> = {}): Viewer => ({
  userId: 'u1', username: 'u1', role: 'ANALYST', clearance: 'OFFICIAL-SENSITIVE', agency: OWN, compartments: [], ...over,
});
const OS = viewer();
const SECRET_CHIS = viewer({ clearance: 'SECRET', compartments: ['CHIS'] });
const SECRET_NIGHTJAR = viewer({ clearance: 'SECRET', compartments: ['OP-NIGHTJAR'] });
const OFFICIAL_ONLY = viewer({ clearance: 'OFFICIAL' });

describe('decide: every branch', () => {
  const cases: [string, Viewer, Markings, Access][] = [
    // full: cleared and owned
    ['own OFFICIAL record', OS, { classification: 'OFFICIAL', agency: OWN }, 'full'],
    ['own record with no classification (OFFICIAL by default)', OS, { agency: OWN }, 'full'],
    ['own OFFICIAL-SENSITIVE at that clearance', OS, { classification: 'OFFICIAL-SENSITIVE', agency: OWN }, 'full'],
    ['own SECRET CHIS record, cleared and in the compartment', SECRET_CHIS, { classification: 'SECRET', agency: OWN, compartments: ['CHIS'] }, 'full'],
    ['own nfd record (nfd restricts dissemination, not the owner)', OS, { agency: OWN, nfd: true }, 'full'],
    ['own record also listed as disseminated to the owner', OS, { agency: OWN, disseminatedTo: [OWN] }, 'full'],
    ['own record in a non-protected compartment the viewer holds', SECRET_NIGHTJAR, { agency: OWN, compartments: ['OP-NIGHTJAR'] }, 'full'],
    // shared: cleared, disseminated to the viewer's agency, not nfd
    ['another agency’s record disseminated to the viewer', OS, { agency: OTHER, disseminatedTo: [OWN] }, 'shared'],
    ['disseminated among several agencies', OS, { agency: OTHER, disseminatedTo: ['AG-X', OWN] }, 'shared'],
    ['disseminated CHIS record to a viewer in the compartment', SECRET_CHIS, { classification: 'SECRET', agency: OTHER, compartments: ['CHIS'], disseminatedTo: [OWN] }, 'shared'],
    // hidden: a protected compartment the viewer may not see
    ['own CHIS record, viewer outside the compartment', viewer({ clearance: 'SECRET' }), { classification: 'SECRET', agency: OWN, compartments: ['CHIS'] }, 'hidden'],
    ['another agency’s CHIS record, even for a viewer in the compartment', SECRET_CHIS, { classification: 'SECRET', agency: OTHER, compartments: ['CHIS'] }, 'hidden'],
    ['own CHIS record above the viewer’s clearance', viewer({ compartments: ['CHIS'] }), { classification: 'SECRET', agency: OWN, compartments: ['CHIS'] }, 'hidden'],
    ['CHIS together with another compartment', SECRET_NIGHTJAR, { agency: OWN, compartments: ['OP-NIGHTJAR', 'CHIS'] }, 'hidden'],
    ['disseminated CHIS record to a viewer outside the compartment', OS, { agency: OTHER, compartments: ['CHIS'], disseminatedTo: [OWN] }, 'hidden'],
    // hidden: not for dissemination, not owned
    ['another agency’s nfd record', OS, { agency: OTHER, nfd: true }, 'hidden'],
    ['another agency’s nfd record even if listed as disseminated', OS, { agency: OTHER, nfd: true, disseminatedTo: [OWN] }, 'hidden'],
    ['an nfd record with no agency', OS, { nfd: true }, 'hidden'],
    // hidden: above SECRET, or an unknown marking
    ['own TOP SECRET record', SECRET_CHIS, { classification: 'TOP SECRET', agency: OWN }, 'hidden'],
    ['another agency’s TOP SECRET record', OS, { classification: 'TOP SECRET', agency: OTHER }, 'hidden'],
    ['an unknown classification (treated as above everything)', SECRET_CHIS, { classification: 'COSMIC', agency: OWN }, 'hidden'],
    ['a misspelt classification', SECRET_CHIS, { classification: 'secret', agency: OWN }, 'hidden'],
    // stub: existence and owner only
    ['another agency’s OFFICIAL record', OS, { classification: 'OFFICIAL', agency: OTHER }, 'stub'],
    ['own SECRET record above the viewer’s clearance', OS, { classification: 'SECRET', agency: OWN }, 'stub'],
    ['own OFFICIAL-SENSITIVE record for an OFFICIAL viewer', OFFICIAL_ONLY, { classification: 'OFFICIAL-SENSITIVE', agency: OWN }, 'stub'],
    ['own record in a non-protected compartment the viewer lacks', OS, { agency: OWN, compartments: ['OP-NIGHTJAR'] }, 'stub'],
    ['disseminated to the viewer but above the viewer’s clearance', OS, { classification: 'SECRET', agency: OTHER, disseminatedTo: [OWN] }, 'stub'],
    ['disseminated to another agency only', OS, { agency: OTHER, disseminatedTo: ['AG-X'] }, 'stub'],
    ['own SECRET nfd record above the viewer’s clearance', OS, { classification: 'SECRET', agency: OWN, nfd: true }, 'stub'],
    ['a record with no agency', OS, {}, 'stub'],
    ['a record with an empty agency (never matches a viewer)', viewer({ agency: '' }), { agency: '' }, 'stub'],
    ['null markings everywhere', OS, { classification: null, agency: OTHER, compartments: null, nfd: null, disseminatedTo: null }, 'stub'],
  ];
  it.each(cases)('%s -> %s', (_what, v, m, expected) => {
    expect(decide(v, m)).toBe(expected);
  });

  it('covers every access level', () => {
    expect(new Set(cases.map((c) => c[3]))).toEqual(new Set(['full', 'shared', 'stub', 'hidden']));
  });
});

describe('decide: properties over every combination of markings', () => {
  const classification = fc.constantFrom<string | null>(null, ...CLASSIFICATIONS, 'COSMIC');
  const agency = fc.constantFrom<string | null>(OWN, OTHER, null);
  const compartments = fc.subarray([...COMPARTMENTS]);
  const markings = fc.record({
    classification, agency, compartments,
    nfd: fc.constantFrom<boolean | null>(true, false, null),
    disseminatedTo: fc.constantFrom<string[] | null>(null, [], [OWN], [OTHER], [OWN, OTHER]),
  });
  const clearance = fc.constantFrom('OFFICIAL', 'OFFICIAL-SENSITIVE', 'SECRET');
  const viewers = fc.record({ clearance, compartments: fc.subarray([...COMPARTMENTS]) }).map((v) => viewer(v));
  const RANK: Record<Access, number> = { hidden: 0, stub: 1, shared: 2, full: 3 };

  it('more clearance or more compartments never means less access', () => {
    fc.assert(fc.property(markings, viewers, clearance, fc.subarray([...COMPARTMENTS]), (m, v, higher, extra) => {
      const rankOf = (c: string) => CLASSIFICATIONS.indexOf(c as never);
      const more = viewer({ ...v, clearance: rankOf(higher) > rankOf(v.clearance) ? higher : v.clearance, compartments: [...new Set([...v.compartments, ...extra])] });
      expect(RANK[decide(more, m)]).toBeGreaterThanOrEqual(RANK[decide(v, m)]);
    }), { numRuns: 2000 });
  });

  it('never shows content above clearance, outside a compartment, or of an nfd record to another agency', () => {
    fc.assert(fc.property(markings, viewers, (m, v) => {
      const a = decide(v, m);
      if (a !== 'full' && a !== 'shared') return;
      const rank = CLASSIFICATIONS.indexOf((m.classification ?? 'OFFICIAL') as never);
      expect(rank).toBeGreaterThanOrEqual(0);
      expect(rank).toBeLessThanOrEqual(CLASSIFICATIONS.indexOf(v.clearance as never));
      for (const c of m.compartments ?? []) expect(v.compartments).toContain(c);
      if (a === 'shared') {
        expect(m.nfd).not.toBe(true);
        expect(m.disseminatedTo).toContain(v.agency);
      }
      if (a === 'full') expect(m.agency).toBe(v.agency);
    }), { numRuns: 3000 });
  });

  it('never reveals the existence of protected-compartment, TOP SECRET or foreign nfd records it cannot show', () => {
    fc.assert(fc.property(markings, viewers, (m, v) => {
      const a = decide(v, m);
      if (a === 'full' || a === 'shared') return;
      const mustHide = (m.compartments ?? []).some((c) => (PROTECTED_COMPARTMENTS as readonly string[]).includes(c))
        || (!!m.nfd && m.agency !== v.agency) || !['OFFICIAL', 'OFFICIAL-SENSITIVE', 'SECRET', null].includes(m.classification ?? null);
      expect(a).toBe(mustHide ? 'hidden' : 'stub');
    }), { numRuns: 3000 });
  });
});

describe('the permission matrix', () => {
  it.each(ROLES.flatMap((role) => PERMISSIONS.map((p) => [role, p, ROLE_PERMISSIONS[role].includes(p)] as const)))('%s %s -> %s', (role, p, allowed) => {
    expect(can(viewer({ role }), p)).toBe(allowed);
  });

  it('grants only known permissions and keeps the separations of duty', () => {
    for (const role of ROLES) for (const p of ROLE_PERMISSIONS[role]) expect(PERMISSIONS).toContain(p);
    expect(ROLE_PERMISSIONS.ADMIN).not.toContain('read'); // administrators manage users, they do not read intelligence
    expect(ROLE_PERMISSIONS.PARTNER_LIAISON).toEqual(['read']);
    expect(ROLE_PERMISSIONS.RESEARCHER).not.toContain('write');
    for (const role of ROLES) if (ROLE_PERMISSIONS[role].includes('grade')) expect(ROLE_PERMISSIONS[role]).toContain('write');
    expect(ROLES.filter((r) => ROLE_PERMISSIONS[r].includes('readAudit')).sort()).toEqual(['ADMIN', 'DIRECTOR', 'INTEL_MANAGER']);
  });

  it('refuses an unknown role rather than failing open', () => {
    expect(can(viewer({ role: 'SUPERUSER' as never }), 'read')).toBe(false);
  });
});

describe('Cypher predicates', () => {
  it.each(['n', 'node', 'm2', 'aB'])('accepts the alias %s', (alias) => {
    expect(hiddenFilter(OS, alias).text).toContain(`${alias}.classification`);
    expect(visibleFilter(OS, alias).text).toContain(`${alias}.agency`);
  });
  it.each(['', 'N', '1n', 'n.x', 'n) OR true OR (n', 'n`', 'n; MATCH (x) DETACH DELETE x'])('refuses the alias %j (no injection)', (alias) => {
    expect(() => hiddenFilter(OS, alias)).toThrow('bad alias');
    expect(() => visibleFilter(OS, alias)).toThrow('bad alias');
  });
  it('passes the viewer as parameters, never in the text', () => {
    const v = viewer({ agency: "AG-X' OR 1=1 //", compartments: ['OP-KESTREL'] });
    const q = hiddenFilter(v, 'n');
    expect(q.text).not.toContain('AG-X');
    expect(q.params).toEqual(policyParams(v));
    expect(policyParams(v)).toMatchObject({ pv_agency: v.agency, pv_compartments: ['OP-KESTREL'], pv_protected: ['CHIS'] });
  });
  it.each([
    ['OFFICIAL', ['OFFICIAL']],
    ['OFFICIAL-SENSITIVE', ['OFFICIAL', 'OFFICIAL-SENSITIVE']],
    ['SECRET', ['OFFICIAL', 'OFFICIAL-SENSITIVE', 'SECRET']],
  ])('a %s viewer is cleared for %j', (clearance, classes) => {
    expect(policyParams(viewer({ clearance })).pv_classes).toEqual(classes);
  });
});

describe('stubs and visible properties', () => {
  it('gives opaque, stable, distinct stub ids, a different one to each viewer', () => {
    const ids = ['SUB-1', 'SUB-2', 'OCG-Carter', 'a'.repeat(100)];
    const a = { userId: 'user-a' };
    const b = { userId: 'user-b' };
    const stubs = ids.map((id) => stubId(a, id));
    expect(new Set(stubs).size).toBe(ids.length);
    for (const [i, s] of stubs.entries()) {
      expect(s).toMatch(/^restricted-[0-9a-z]{16}$/);
      expect(s).not.toContain(ids[i]!.toLowerCase());
      expect(stubId(a, ids[i]!)).toBe(s);
      expect(stubId(b, ids[i]!)).not.toBe(s);
    }
  });

  it('reads a stub reference back however it is written down', () => {
    fc.assert(fc.property(fc.string(), fc.uuid(), (id, user) => {
      const s = stubId({ userId: user }, id);
      const ref = stubReference(s);
      expect(ref).toMatch(/^R-[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
      expect(parseStubReference(s)).toBe(s);
      expect(parseStubReference(ref)).toBe(s);
      expect(parseStubReference(` ${ref.toLowerCase().replace(/-/g, ' ')} `)).toBe(s);
      // Read aloud and written down: O for zero, I or L for one.
      expect(parseStubReference(ref.replace(/0/g, 'O').replace(/1/g, 'l'))).toBe(s);
    }));
    expect(parseStubReference('R-ABCD')).toBeUndefined();
    expect(parseStubReference('SUB-1')).toBeUndefined();
    expect(parseStubReference('R-UUUU-UUUU-UUUU-UUUU')).toBeUndefined();
  });

  const raw = {
    id: 'SUB-1', type: 'Subject', label: 'Lee Carter', forename: 'Lee', notes: 'sensitive notes', pncId: '12/3456A',
    classification: 'OFFICIAL', agency: OWN, compartments: [], handling: 'P', disseminatedTo: [OTHER], nfd: false,
    nfdJustification: 'why', nfdApprover: 'who', search: 'lee carter', phonetic: 'phl',
  };
  it('a full record keeps its content and the nfd justification, never search keys or markings', () => {
    expect(visibleProps('entity', 'Subject', 'full', raw)).toEqual({ forename: 'Lee', notes: 'sensitive notes', pncId: '12/3456A', nfdJustification: 'why', nfdApprover: 'who' });
  });
  it('a shared copy loses every sensitive property and the nfd justification', () => {
    expect(visibleProps('entity', 'Subject', 'shared', raw)).toEqual({ forename: 'Lee' });
    expect(visibleProps('entity', 'IntelligenceReport', 'shared', { text: 'original', sanitisedText: 'sanitised', sourceId: 'SRC-9', sourceEvaluation: '2' }))
      .toEqual({ sanitisedText: 'sanitised', sourceEvaluation: '2' });
  });
});

describe('reference geography', () => {
  const cases: [string, string, Markings, boolean][] = [
    ['another agency’s OFFICIAL area', 'Area', { classification: 'OFFICIAL', agency: OTHER }, true],
    ['an area with no classification (OFFICIAL by default)', 'Area', { agency: OTHER }, true],
    ['an area marked OFFICIAL-SENSITIVE', 'Area', { classification: 'OFFICIAL-SENSITIVE', agency: OTHER }, false],
    ['an area in a compartment', 'Area', { agency: OTHER, compartments: ['OP-NIGHTJAR'] }, false],
    ['an area not for dissemination', 'Area', { agency: OTHER, nfd: true }, false],
    ['an area with an unknown classification', 'Area', { classification: 'official', agency: OTHER }, false],
    ['an OFFICIAL record of another type (intelligence)', 'Location', { classification: 'OFFICIAL', agency: OTHER }, false],
    ['an OFFICIAL agency record', 'Agency', { classification: 'OFFICIAL', agency: OTHER }, false],
  ];
  it.each(cases)('%s', (_name, type, m, expected) => {
    expect(isReferenceGeography(type, m)).toBe(expected);
  });
  it('never names an area whose existence decide hides from the viewer, whatever the markings', () => {
    const markings = fc.record({
      classification: fc.constantFrom<string | null>(null, ...CLASSIFICATIONS, 'COSMIC'), agency: fc.constantFrom<string | null>(OWN, OTHER, null),
      compartments: fc.subarray([...COMPARTMENTS]), nfd: fc.constantFrom<boolean | null>(true, false, null),
      disseminatedTo: fc.constantFrom<string[] | null>(null, [], [OWN], [OTHER]),
    });
    const viewers = fc.record({ clearance: fc.constantFrom('OFFICIAL', 'OFFICIAL-SENSITIVE', 'SECRET'), compartments: fc.subarray([...COMPARTMENTS]) }).map((v) => viewer(v));
    fc.assert(fc.property(markings, viewers, (m, v) => !isReferenceGeography('Area', m) || decide(v, m) !== 'hidden'));
  });
});
