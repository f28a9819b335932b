import { useEffect, useRef, useState } from 'react';
import { download } from '../export/download.js';
import { messageOf } from '../workspace/GraphWorkspace.js';
import type { ProductDocument, ProductsApi } from './api.js';

/** Base 64 as bytes (the PDF travels as text in the GraphQL answer). */
export function base64Bytes(b64: string): Uint8Array {
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/**
 * Print and PDF of a product (or a release, REL-...): the HTML document is shown in a frame to
 * print (or in a window of its own); the PDF is downloaded. Either is made by the server, marked in
 * header and footer, and audited as an export.
 */
export function DocumentButtons({ api, id, version }: { api: ProductsApi; id: string; version?: number | null }) {
  const [busy, setBusy] = useState<'' | 'HTML' | 'PDF'>('');
  const [error, setError] = useState('');
  const [html, setHtml] = useState<ProductDocument | null>(null);
  const frame = useRef<HTMLIFrameElement>(null);
  // While the preview is open, Esc closes it (before the products dialog behind it).
  useEffect(() => {
    if (!html) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || e.defaultPrevented) return;
      e.preventDefault();
      e.stopPropagation();
      setHtml(null);
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [html]);

  const get = async (format: 'HTML' | 'PDF') => {
    setBusy(format);
    setError('');
    try {
      const doc = await api.document(id, format, version);
      if (format === 'PDF') download(new Blob([base64Bytes(doc.content) as BlobPart], { type: doc.mimeType }), doc.filename);
      else setHtml(doc);
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy('');
    }
  };

  const openWindow = () => {
    if (!html) return;
    const w = window.open('', '_blank');
    if (!w) {
      setError('The browser blocked the new window: print from the preview instead.');
      return;
    }
    w.document.open();
    w.document.write(html.content);
    w.document.close();
  };

  return (
    <span className="document-buttons">
      <button onClick={() => void get('HTML')} disabled={!!busy} data-testid="print-html" title="The printable document, marked in header and footer">{busy === 'HTML' ? 'Preparing…' : 'Print…'}</button>
      <button onClick={() => void get('PDF')} disabled={!!busy} data-testid="download-pdf" title="Download as PDF, marked on every page">{busy === 'PDF' ? 'Preparing…' : 'PDF'}</button>
      {error && <span className="error small" role="alert" data-testid="document-error">{error}</span>}
      {html && (
        <div className="document-preview" role="dialog" aria-label={`Print preview: ${html.filename}`} data-testid="document-preview">
          <div className="document-preview-bar">
            <b>{html.filename}</b> <span className="classification">{html.classification}</span>
            <span className="spacer" />
            <button className="primary" onClick={() => frame.current?.contentWindow?.print()} data-testid="document-print">Print</button>
            <button onClick={openWindow} data-testid="document-window">Open in new window</button>
            <button onClick={() => setHtml(null)} data-testid="document-close">Close preview</button>
          </div>
          <iframe ref={frame} title="Printable document" srcDoc={html.content} sandbox="allow-same-origin allow-modals" data-testid="document-frame" />
        </div>
      )}
    </span>
  );
}
