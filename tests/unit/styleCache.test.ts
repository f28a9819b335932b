import cytoscape from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { installFastStyleCache, originalDirtyStyleCache } from '../../client/src/graph/styleCache.js';

installFastStyleCache();

type Priv = { _private: { styleCache: unknown } };
type Dirtying = { dirtyStyleCache(): unknown };

function chart(compound = false) {
  const cy = cytoscape({
    headless: true,
    styleEnabled: true,
    style: [{ selector: 'node', style: { width: 20, height: 20 } }],
    elements: [
      ...(compound ? [{ data: { id: 'box' } }] : []),
      { data: { id: 'a', ...(compound ? { parent: 'box' } : {}) } },
      { data: { id: 'b' } },
      { data: { id: 'c' } },
      { data: { id: 'ab', source: 'a', target: 'b' } },
      { data: { id: 'bc', source: 'b', target: 'c' } },
    ],
  });
  // Style every element and fill its cache the way reads do.
  cy.elements().forEach((el) => void el.visible());
  return cy;
}

/** The ids whose style cache a call cleared. */
function cleared(cy: cytoscape.Core, id: string, method?: (this: unknown) => unknown): string[] {
  cy.elements().forEach((el) => { (el as unknown as Priv)._private.styleCache = { filled: true }; });
  const el = cy.getElementById(id);
  if (method) method.call(el);
  else (el as unknown as Dirtying).dirtyStyleCache();
  return cy.elements().filter((e) => (e as unknown as Priv)._private.styleCache === null).map((e) => e.id()).sort();
}

describe('the style-cache shortcut', () => {
  it('is installed, and keeps the library method for compound charts', () => {
    expect(typeof originalDirtyStyleCache()).toBe('function');
    const cy = cytoscape({ headless: true });
    expect((cy.collection() as unknown as Dirtying).dirtyStyleCache).not.toBe(originalDirtyStyleCache());
    cy.destroy();
  });

  it('clears exactly what the library clears: a node and its links, or a link alone', () => {
    const original = originalDirtyStyleCache()!;
    for (const id of ['a', 'b', 'c', 'ab', 'bc']) {
      const cy = chart();
      expect(cleared(cy, id)).toEqual(cleared(cy, id, original));
      cy.destroy();
    }
    expect(cleared(chart(), 'b')).toEqual(['ab', 'b', 'bc']);
    expect(cleared(chart(), 'ab')).toEqual(['ab']);
  });

  it('with compound nodes, parents are cleared as the library does', () => {
    const original = originalDirtyStyleCache()!;
    const cy = chart(true);
    expect(cleared(cy, 'a')).toEqual(cleared(cy, 'a', original));
    expect(cleared(cy, 'a')).toContain('box');
  });

  it('a link stops and starts being drawn as an end is hidden and shown again', () => {
    const cy = chart();
    const ab = cy.getElementById('ab');
    expect(ab.visible()).toBe(true);
    cy.getElementById('a').style('display', 'none');
    expect(ab.visible()).toBe(false);
    expect(cy.getElementById('bc').visible()).toBe(true);
    cy.getElementById('a').removeStyle('display');
    expect(ab.visible()).toBe(true);
  });
});
