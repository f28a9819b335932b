/** Saves a blob as a file through a temporary link (works offline, no pop-ups). */
export function download(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A file name from the chart name and the time: letters, digits and dashes only. */
export function exportName(chartName: string, ext: string, at = new Date()): string {
  const base = chartName.trim().toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'chart';
  const stamp = at.toISOString().slice(0, 16).replace(/[-:T]/g, '');
  return `${base}-${stamp}.${ext}`;
}
