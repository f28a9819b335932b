import { useState } from 'react';
import type { InformationRequest } from '../inbox/api.js';
import { requestStatusText } from '../inbox/model.js';
import { RequestForm } from '../inbox/RequestForm.js';

/** What the request names: one impact record as the viewer was shown it. */
export interface ImpactAsked { impactId: string; ocgName: string; areaName?: string | null; band: string; harm: number }

/**
 * "Request information" on an impact the viewer's agency does not hold: the holder is asked for
 * more (question, purpose, lawful basis), naming the impact record; the answer comes back as a
 * dissemination and the request is followed in the Inbox.
 */
export function ImpactRequest({ impact, onClose, onSent }: { impact: ImpactAsked; onClose(): void; onSent?(r: InformationRequest): void }) {
  const [sent, setSent] = useState<InformationRequest | null>(null);
  const what = `${impact.ocgName}${impact.areaName ? ` in ${impact.areaName}` : ''} (band ${impact.band}, harm ${impact.harm})`;
  return (
    <section className="impact-request" data-testid={`impact-request-${impact.impactId}`} aria-label={`Request information about ${what}`}>
      <p className="impact-request-title" data-testid="impact-request-title"><b>Request information:</b> {what}</p>
      {sent ? (
        <>
          <p className="ok small" role="status" data-testid="impact-request-sent">
            Request sent to {sent.holderAgencyName}: {requestStatusText(sent)}. Follow it in the Inbox (Requests).
          </p>
          <div className="actions"><button onClick={onClose} data-testid="impact-request-close">Close</button></div>
        </>
      ) : (
        <RequestForm kind="REQUEST" impactId={impact.impactId} onDone={(r) => { setSent(r); onSent?.(r); }} onCancel={onClose} />
      )}
    </section>
  );
}
