import { useMemo, useState } from 'react';
import type { GraphQLApi } from '../api.js';
import { CommsApi } from './api.js';
import { CommsAnalyses } from './CommsAnalyses.js';
import { CommsImport } from './CommsImport.js';

/**
 * Communications data: analyses of the selected phones and vehicles (every role that reads) and
 * the import of call records, ANPR reads and cell-site lists (roles allowed to import).
 */
export function CommsDialog({ api, canImport, onClose }: { api: Pick<GraphQLApi, 'request'>; canImport: boolean; onClose(): void }) {
  const comms = useMemo(() => new CommsApi(api), [api]);
  const [tab, setTab] = useState<'analyses' | 'import'>('analyses');
  return (
    <div className="overlay" role="dialog" aria-modal aria-label="Communications" onMouseDown={(e) => { if (e.target === e.currentTarget) onClose(); }}>
      <div className="dialog wide comms-dialog" data-testid="comms-dialog">
        <button className="close" onClick={onClose} aria-label="Close" data-testid="comms-close">×</button>
        <h2>Communications data</h2>
        <div className="comms-tabs" role="tablist">
          <button role="tab" aria-selected={tab === 'analyses'} className={tab === 'analyses' ? 'active' : ''} onClick={() => setTab('analyses')} data-testid="comms-tab-analyses">Analyses</button>
          {canImport && <button role="tab" aria-selected={tab === 'import'} className={tab === 'import' ? 'active' : ''} onClick={() => setTab('import')} data-testid="comms-tab-import">Import a file</button>}
        </div>
        {tab === 'analyses' || !canImport ? <CommsAnalyses comms={comms} /> : <CommsImport comms={comms} />}
      </div>
    </div>
  );
}
