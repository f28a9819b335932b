import { useState } from 'react';
import type { GraphNode } from '../workspace/types.js';
import { requestStatusText } from './model.js';
import type { InformationRequest, RequestKind } from './api.js';
import { RequestForm } from './RequestForm.js';
import { useInbox } from './store.js';

/**
 * Deconfliction on the telephone: what to quote (the viewer's reference for this stub), whom to
 * call (desk, phone, e-mail), and the two things a viewer can do from it: ask for the
 * intelligence, or record an interest the holder sees as a deconfliction request.
 */
export function StubContact({ node }: { node: GraphNode }) {
  return (
    <dl className="props stub-contact" data-testid="stub-contact">
      {node.reference && <div><dt>Reference</dt><dd><code data-testid="stub-reference">{node.reference}</code></dd></div>}
      <div><dt>Held by</dt><dd data-testid="stub-held-by">{node.heldBy ?? 'another agency'}</dd></div>
      <div><dt>Desk</dt><dd data-testid="contact">{node.contact ?? 'the owning agency'}</dd></div>
      {node.contactPhone && <div><dt>Phone</dt><dd><a href={`tel:${node.contactPhone.replace(/\s+/g, '')}`} data-testid="stub-phone">{node.contactPhone}</a></dd></div>}
      {node.contactEmail && <div><dt>E-mail</dt><dd><a href={`mailto:${node.contactEmail}`} data-testid="stub-email">{node.contactEmail}</a></dd></div>}
    </dl>
  );
}

export function StubActions({ node }: { node: GraphNode }) {
  const inbox = useInbox();
  const [form, setForm] = useState<RequestKind | null>(null);
  const [sent, setSent] = useState<InformationRequest | null>(null);
  if (!inbox) return null;
  return (
    <section className="stub-actions" data-testid="stub-actions">
      {sent && (
        <p className="ok small" role="status" data-testid="request-sent">
          {sent.kind === 'DECONFLICTION' ? 'Interest recorded' : 'Request sent'} to {sent.holderAgencyName}: {requestStatusText(sent)}. Follow it in the Inbox (Requests).
        </p>
      )}
      {form ? (
        <RequestForm
          kind={form}
          references={[node.reference ?? node.id]}
          onDone={(r) => { setSent(r); setForm(null); }}
          onCancel={() => setForm(null)}
        />
      ) : (
        <div className="actions">
          <button onClick={() => { setSent(null); setForm('REQUEST'); }} data-testid="stub-request">Request information</button>
          <button onClick={() => { setSent(null); setForm('DECONFLICTION'); }} data-testid="stub-interest" title="Tell the holder you have an interest in this record (deconfliction)">Record interest</button>
        </div>
      )}
    </section>
  );
}
