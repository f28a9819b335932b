import { SHORTCUTS } from '../ui/shortcuts.js';

export function HelpOverlay({ onClose }: { onClose(): void }) {
  return (
    <div className="overlay" role="dialog" aria-modal aria-label="Keyboard shortcuts" onMouseDown={(e) => { if (e.target === e.currentTarget) onClose(); }}>
      <div className="dialog" data-testid="help-overlay">
        <h2>Keyboard shortcuts</h2>
        <table className="shortcuts">
          <tbody>
            {SHORTCUTS.map(([k, what]) => <tr key={k}><td><kbd>{k}</kbd></td><td>{what}</td></tr>)}
          </tbody>
        </table>
        <p className="muted small">Restricted markers (grey, dashed, padlock) show that another agency holds intelligence you cannot see: contact them to deconflict.</p>
        <div className="dialog-actions"><button onClick={onClose} className="primary">Close</button></div>
      </div>
    </div>
  );
}
