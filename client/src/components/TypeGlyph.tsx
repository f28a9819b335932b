import { entityLook } from '../graph/style.js';
import { glyphUri } from '../graph/icons.js';

/** An entity type's node look in miniature (search results, legend, details). */
export function TypeGlyph({ type, size = 18, neutral = false }: { type: string; size?: number; neutral?: boolean }) {
  const look = entityLook(type);
  // Neutral: the shape alone, where the chart's colour says something else (community, OCG role).
  const plain = type === 'Restricted' || neutral;
  return (
    <span
      className={`glyph shape-${look.shape}${type === 'Restricted' ? ' glyph-restricted' : ''}${neutral ? ' glyph-neutral' : ''}`}
      style={{ width: size, height: size, background: plain ? '#e5e7eb' : look.colour }}
      aria-hidden
    >
      <img src={glyphUri(type, plain ? '#4b5563' : undefined)} alt="" width={size * 0.62} height={size * 0.62} />
    </span>
  );
}
