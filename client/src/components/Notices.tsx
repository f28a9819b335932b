import { useEffect } from 'react';
import { useWorkspace, useWorkspaceState } from '../ui/context.js';

/** Messages from the workspace (caps reached, errors, confirmations); info ones fade by themselves. */
export function Notices() {
  const ws = useWorkspace();
  const { notices } = useWorkspaceState();
  useEffect(() => {
    const timers = notices.filter((n) => n.level !== 'error').map((n) => setTimeout(() => ws.dismiss(n.id), n.level === 'warn' ? 9000 : 5000));
    return () => timers.forEach(clearTimeout);
  }, [notices, ws]);
  if (!notices.length) return null;
  return (
    <div className="notices" role="status" aria-live="polite" data-testid="notices">
      {notices.map((n) => (
        <div key={n.id} className={`notice ${n.level}`} data-testid={`notice-${n.level}`}>
          <span>{n.text}</span>
          <button className="icon small" onClick={() => ws.dismiss(n.id)} aria-label="Dismiss">×</button>
        </div>
      ))}
    </div>
  );
}
