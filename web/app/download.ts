/** Hands text to the browser as a file download (a blob URL, revoked after the click; works from file:// too). */
export function download(filename: string, type: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.hidden = true;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A file name from free text: letters, digits, dot, dash and underscore kept, the rest as `_`. */
export function fileName(text: string, ext: string): string {
  return `${text.replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 120)}.${ext}`;
}

/**
 * A link that saves `text` as a file (a Blob URL: works served and from file://; nothing leaves the machine).
 */
export function downloadLink(label: string, filename: string, type: string, text: () => string, id?: string): HTMLAnchorElement {
  const a = document.createElement('a');
  a.className = 'button download';
  if (id !== undefined) a.id = id;
  a.textContent = label;
  a.setAttribute('download', filename);
  a.setAttribute('href', '#');
  a.addEventListener('click', (event) => {
    event.preventDefault();
    download(filename, type, text());
  });
  return a;
}
