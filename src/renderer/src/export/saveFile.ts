// Hands a finished export to the person: the browser's (or Electron's) own download, which asks
// where to save it or puts it in the downloads folder, as the person has set it up.
import type { ExportFile } from '../../../shared/export';

export function saveFile(file: ExportFile): void {
  const bytes = Uint8Array.from(atob(file.data), (char) => char.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: file.mediaType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked later: the download may still be reading the blob when click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
