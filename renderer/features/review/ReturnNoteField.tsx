import { useState, type KeyboardEvent } from 'react';

/** Inline, not a dialog: why the decision goes back to the officer. Its keys never reach the screen's shortcuts. */
export function ReturnNoteField({ busy, onSubmit, onCancel }: { busy: boolean; onSubmit(note: string): void; onCancel(): void }) {
  const [note, setNote] = useState('');
  const [missing, setMissing] = useState(false);
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    event.stopPropagation();
    if (event.key === 'Escape') {
      event.preventDefault();
      onCancel();
    } else if (event.key === 'Enter') {
      event.preventDefault();
      if (busy) return;
      if (note.trim() === '') setMissing(true);
      else onSubmit(note.trim());
    }
  };
  return (
    <div className="return-note" data-testid="return-note">
      <label htmlFor="review-return-note">Return to the officer: what must they do or explain?</label>
      <input
        id="review-return-note"
        type="text"
        value={note}
        maxLength={1000}
        // The field appears because the supervisor pressed R to type in it.
        autoFocus
        aria-invalid={missing}
        aria-describedby="review-return-note-help"
        onChange={(e) => {
          setNote(e.target.value);
          setMissing(false);
        }}
        onKeyDown={onKeyDown}
      />
      <p id="review-return-note-help" className={missing ? 'return-note-help missing' : 'return-note-help'} role={missing ? 'alert' : undefined}>
        {missing ? 'A return needs a note.' : busy ? 'Returning…' : <><kbd>Enter</kbd> return with this note · <kbd>Esc</kbd> cancel</>}
      </p>
    </div>
  );
}
