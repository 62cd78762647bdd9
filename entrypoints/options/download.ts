/**
 * Saves text as a file the browser downloads, made on the page: a Blob and an `<a download>`,
 * so the extension needs no `downloads` permission and nothing leaves the browser.
 */
export function saveFile(filename: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.hidden = true;
  // In the document while clicked: Firefox ignores a click on a detached link.
  document.body.append(link);
  link.click();
  link.remove();
  // The download has taken its copy by then; the Blob is not kept alive for the page's lifetime.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
