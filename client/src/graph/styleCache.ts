import cytoscape from 'cytoscape';

/**
 * Cytoscape clears an element's style cache (and its links') each time one of its style
 * properties is applied, and does it by building two collections per call: a collection of the
 * element's connected edges, then one for the result. Styling a new element applies every
 * property of its stylesheet, so a 5,000-element addition built about 100,000 collections, and
 * that allocation was a third of its styling time (measured in a CPU profile of the chart's
 * benchmark).
 *
 * On a chart without compound nodes the method does the same work without building anything: it
 * clears the cache of each element and of each link on each node. With compound nodes (never
 * drawn by this platform) the library's own method runs, since it must walk parents and children.
 * Installed once per Cytoscape module (the page's and the layout worker's).
 */
type Priv = { group: 'nodes' | 'edges'; styleCache: unknown; edges: { _private: Priv }[] };
type Eles = ArrayLike<{ _private: Priv }> & { cy(): { hasCompoundNodes(): boolean } };

const INSTALLED = Symbol.for('chart.styleCacheFast');

/** The prototype every element and collection shares. */
function collectionPrototype(): Record<string | symbol, unknown> {
  const cy = cytoscape({ headless: true, styleEnabled: false });
  const proto = Object.getPrototypeOf(cy.collection()) as Record<string | symbol, unknown>;
  cy.destroy();
  return proto;
}

export function installFastStyleCache(): void {
  const proto = collectionPrototype();
  if (proto[INSTALLED]) return;
  const original = proto.dirtyStyleCache as (this: Eles) => Eles;
  if (typeof original !== 'function') return;
  proto.dirtyStyleCache = function dirtyStyleCache(this: Eles): Eles {
    if (this.cy().hasCompoundNodes()) return original.call(this);
    for (let i = 0; i < this.length; i++) {
      const p = this[i]!._private;
      p.styleCache = null;
      if (p.group === 'nodes') {
        const edges = p.edges;
        for (let j = 0; j < edges.length; j++) edges[j]!._private.styleCache = null;
      }
    }
    return this;
  };
  proto[INSTALLED] = original;
}

/** The library's own method (for tests comparing the two). */
export function originalDirtyStyleCache(): ((this: unknown) => unknown) | undefined {
  return collectionPrototype()[INSTALLED] as ((this: unknown) => unknown) | undefined;
}
