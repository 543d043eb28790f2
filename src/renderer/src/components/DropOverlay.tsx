// The sign that appears while files are dragged over the window.
export function DropOverlay() {
  return (
    <div className="drop-overlay" aria-hidden="true">
      <div className="drop-card">
        <p className="drop-title">Drop to add to the library</p>
        <p>.txt and .md files; several at once are fine.</p>
      </div>
    </div>
  );
}
