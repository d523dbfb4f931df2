import { useEffect, useId, useRef, useState } from 'react';

export interface DeletePlanProps {
  onDelete(): void;
  /** Salesforce holds a copy: deleting deletes it there too, for everyone. */
  inSalesforce: boolean;
  /** Never saved: only typing is thrown away. */
  isNew: boolean;
}

/** What deleting really does, said before it happens. */
export function deleteConsequence({ inSalesforce, isNew }: Omit<DeletePlanProps, 'onDelete'>): string {
  if (isNew) return 'Throw away this plan? It was never saved, so only what you typed goes.';
  if (inSalesforce) return 'Delete this call plan? It is deleted in Salesforce too, for everyone who can see it.';
  return 'Delete this call plan? It has not reached Salesforce, so it is removed from this browser only, for good.';
}

/** Deleting cannot be undone, so it takes a second, deliberate click. */
export function DeletePlan({ onDelete, inSalesforce, isNew }: DeletePlanProps) {
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
        {isNew ? 'Throw away plan' : 'Delete plan'}
      </button>
    );
  }
  return (
    <div className="delete-confirm">
      <p id={questionId}>{deleteConsequence({ inSalesforce, isNew })}</p>
      <div className="button-row">
        <button type="button" className="button button-destructive" onClick={onDelete} aria-describedby={questionId}>
          {isNew ? 'Throw away' : 'Delete'}
        </button>
        <button type="button" className="button" ref={cancelRef} onClick={() => setConfirming(false)}>
          Cancel
        </button>
      </div>
    </div>
  );
}
