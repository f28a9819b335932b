import type { RefObject } from 'react';
import { CLASSIFICATIONS } from '../../../server/domain/codes.js';
import { highestClassification } from '../workspace/chartDoc.js';
import { useWorkspace, useWorkspaceState } from '../ui/context.js';
import { humanCode } from '../ui/format.js';
import { SearchBox } from './SearchBox.js';

export function TopBar({ searchRef }: { searchRef: RefObject<HTMLInputElement | null> }) {
  const ws = useWorkspace();
  const s = useWorkspaceState();
  const v = s.viewer!;
  const marking = highestClassification(s.doc, CLASSIFICATIONS) ?? 'OFFICIAL';
  return (
    <header className="topbar">
      <div className="brand"><span className="brand-mark" aria-hidden>◆</span> Intelligence graph</div>
      <SearchBox inputRef={searchRef} />
      <div className={`marking marking-${marking.toLowerCase().replace(/[^a-z]+/g, '-')}`} title="Highest protective marking on the chart" data-testid="chart-marking">{marking}</div>
      <div className="viewer" data-testid="viewer">
        <span className="viewer-name" data-testid="viewer-name">{v.displayName}</span>
        <span className="chip" data-testid="viewer-role" title="Role">{humanCode(v.role)}</span>
        <span className="chip chip-clearance" data-testid="viewer-clearance" title="Clearance">{v.clearance}</span>
        <span className="chip" data-testid="viewer-agency" title={`Agency: ${v.agency}`}>{v.agencyName}</span>
        <button className="ghost" onClick={() => void ws.signOut()} data-testid="signout" title="Sign out">Sign out</button>
      </div>
    </header>
  );
}
