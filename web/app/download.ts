/**
 * A link that saves `text` as a file (a Blob URL: works served and from file://; nothing leaves the machine). The
 * only link in the app that does not point inside the page, and it carries data the page already holds.
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
    const url = URL.createObjectURL(new Blob([text()], { type }));
    const link = document.createElement('a');
    link.href = url;
    link.download = filename;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  });
  return a;
}
