import { entityLook } from '../graph/style.js';
import { glyphUri } from '../graph/icons.js';

/** An entity type's node look in miniature (search results, legend, details). */
export function TypeGlyph({ type, size = 18 }: { type: string; size?: number }) {
  const look = entityLook(type);
  const restricted = type === 'Restricted';
  return (
    <span
      className={`glyph shape-${look.shape}${restricted ? ' glyph-restricted' : ''}`}
      style={{ width: size, height: size, background: restricted ? '#e5e7eb' : look.colour }}
      aria-hidden
    >
      <img src={glyphUri(type, restricted ? '#4b5563' : undefined)} alt="" width={size * 0.62} height={size * 0.62} />
    </span>
  );
}
