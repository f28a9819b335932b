import { SHORTCUTS } from '../ui/shortcuts.js';

interface Props {
  onClose(): void;
  /** The renderer setting: switching reloads the page, carrying the chart over. */
  webgl: boolean;
  onWebgl(on: boolean): void;
}

export function HelpOverlay({ onClose, webgl, onWebgl }: Props) {
  return (
    <div className="overlay" role="dialog" aria-modal aria-label="Keyboard shortcuts and settings" onMouseDown={(e) => { if (e.target === e.currentTarget) onClose(); }}>
      <div className="dialog" data-testid="help-overlay">
        <h2>Keyboard shortcuts</h2>
        <table className="shortcuts">
          <tbody>
            {SHORTCUTS.map(([k, what]) => <tr key={k}><td><kbd>{k}</kbd></td><td>{what}</td></tr>)}
          </tbody>
        </table>
        <p className="muted small">Restricted markers (grey, dashed, padlock) show that another agency holds intelligence you cannot see: contact them to deconflict.</p>
        <h3>Display</h3>
        <label className="inline" title="Cytoscape's WebGL renderer: faster drawing for large charts on machines with a graphics processor">
          <input type="checkbox" checked={webgl} onChange={(e) => onWebgl(e.target.checked)} data-testid="webgl-toggle" /> Draw with WebGL (faster for large charts; reloads the page, keeping the chart)
        </label>
        <div className="dialog-actions"><button onClick={onClose} className="primary">Close</button></div>
      </div>
    </div>
  );
}
