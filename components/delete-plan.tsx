import { useEffect, useId, useRef, useState } from 'react';

export interface DeletePlanProps {
  onDelete(): void;
}

/** Deleting also removes the plan from Salesforce, so it takes a second, deliberate click. */
export function DeletePlan({ onDelete }: DeletePlanProps) {
  const [confirming, setConfirming] = useState(false);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const questionId = useId();

  useEffect(() => {
    // Focus lands on the safe choice, so a double Enter never deletes.
    if (confirming) cancelRef.current?.focus();
  }, [confirming]);

  if (!confirming) {
    return (
      <button type="button" className="button button-destructive-text" onClick={() => setConfirming(true)}>
        Delete plan
      </button>
    );
  }
  return (
    <div className="delete-confirm">
      <p id={questionId}>Delete this call plan? It is removed from Salesforce too.</p>
      <div className="button-row">
        <button type="button" className="button button-destructive" onClick={onDelete} aria-describedby={questionId}>
          Delete
        </button>
        <button type="button" className="button" ref={cancelRef} onClick={() => setConfirming(false)}>
          Cancel
        </button>
      </div>
    </div>
  );
}
