// What the main area says when no document is open: how to start, or where to look.
interface Props {
  libraryEmpty: boolean;
  openingSample: boolean;
  onPaste: () => void;
  onPickFiles: () => void;
  onSample: () => void;
}

export function Welcome({ libraryEmpty, openingSample, onPaste, onPickFiles, onSample }: Props) {
  if (!libraryEmpty) {
    return (
      <section className="welcome" aria-labelledby="welcome-title">
        <h2 id="welcome-title">No document open</h2>
        <p>Choose a document from the library to read it, or search the library for a word or a name.</p>
        <p className="muted">To add another, paste its text, add .txt or .md files, or drop them anywhere in this window.</p>
      </section>
    );
  }
  return (
    <section className="welcome" aria-labelledby="welcome-title">
      <h2 id="welcome-title">Start your library</h2>
      <p>Gloss keeps the reports and articles you are checking, so you can read them closely, select their claims and find them again.</p>
      <div className="welcome-actions">
        <button type="button" className="button primary" onClick={onPaste}>
          Paste text
        </button>
        <button type="button" className="button" onClick={onPickFiles}>
          Add .txt or .md files
        </button>
      </div>
      <p className="muted">You can also drop files anywhere in this window.</p>
      <div className="welcome-sample">
        <p>Not sure where to start? Open a short sample news story written for Gloss. Its places, organisations and figures are invented.</p>
        <button type="button" className="button" onClick={onSample} disabled={openingSample}>
          {openingSample ? 'Opening the sample…' : 'Open the sample document'}
        </button>
      </div>
    </section>
  );
}
