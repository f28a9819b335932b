import { useLayoutEffect, useRef, useState } from 'react';
import { cardFacts } from '../organise/hoverCard.js';
import { entityTitle, propName, propValue } from '../ui/format.js';
import type { GraphNode } from '../workspace/types.js';
import { TypeGlyph } from './TypeGlyph.js';

/** A small card beside the pointer: the entity's name, type, key properties and marking. */
export function HoverCard({ node, at }: { node: GraphNode; at: { clientX: number; clientY: number } }) {
  const f = cardFacts(node);
  const ref = useRef<HTMLDivElement>(null);
  const [pos, setPos] = useState({ left: at.clientX + 14, top: at.clientY + 14 });
  useLayoutEffect(() => {
    const r = ref.current?.getBoundingClientRect();
    if (!r) return;
    setPos({
      left: at.clientX + 14 + r.width > window.innerWidth - 8 ? Math.max(8, at.clientX - 14 - r.width) : at.clientX + 14,
      top: at.clientY + 14 + r.height > window.innerHeight - 8 ? Math.max(8, at.clientY - 14 - r.height) : at.clientY + 14,
    });
  }, [at, node]);
  return (
    <div className="hover-card" role="tooltip" ref={ref} style={pos} data-testid="hover-card" data-id={node.id}>
      <div className="hover-card-title">
        <TypeGlyph type={node.restricted ? 'Restricted' : node.type} size={16} />
        <b data-testid="hover-card-name">{f.name}</b>
      </div>
      <div className="small muted" data-testid="hover-card-type">{entityTitle(f.type)}</div>
      {f.heldBy && <div className="small">Held by {f.heldBy}</div>}
      {f.properties.length > 0 && (
        <dl className="hover-card-props small">
          {f.properties.map(([k, v]) => <div key={k}><dt>{propName(k)}</dt><dd>{propValue(v)}</dd></div>)}
        </dl>
      )}
      {f.marking && <div className="hover-card-marking small" data-testid="hover-card-marking">{f.marking}</div>}
    </div>
  );
}
