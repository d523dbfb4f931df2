import { useEffect, useState } from 'react';
import type { PanelPlacement } from '../../lib/preferences/panel-placement';

export interface PlacementStore {
  load(): Promise<PanelPlacement>;
  save(placement: PanelPlacement): Promise<void>;
}

const choices: { value: PanelPlacement; label: string; detail: string }[] = [
  {
    value: 'side-panel',
    label: "In Chrome's side panel",
    detail: 'Salesforce narrows beside it; nothing of Salesforce is covered.',
  },
  {
    value: 'dock',
    label: 'Docked in the Salesforce page',
    detail: 'The page makes room on its right; folds to a slim tab.',
  },
];

/** Where the call plan shows; the same choice the ⇄ button in the panel's header makes. */
export function PlacementChoice({ store }: { store: PlacementStore }) {
  const [placement, setPlacement] = useState<PanelPlacement | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    store.load().then(
      (value) => live && setPlacement(value),
      (cause: Error) => live && setError(cause.message),
    );
    return () => {
      live = false;
    };
  }, [store]);

  const choose = (value: PanelPlacement) => {
    const before = placement;
    setPlacement(value);
    store.save(value).then(
      () => setError(null),
      (cause: Error) => {
        setPlacement(before);
        setError(`Could not keep your choice: ${cause.message}`);
      },
    );
  };

  return (
    <section aria-labelledby="placement-heading">
      <h2 id="placement-heading">Where the call plan shows</h2>
      <fieldset disabled={placement === null}>
        <legend className="visually-hidden">Call plan placement</legend>
        {choices.map((choice) => (
          <label key={choice.value} className="placement-choice">
            <input
              type="radio"
              name="placement"
              value={choice.value}
              checked={placement === choice.value}
              onChange={() => choose(choice.value)}
            />
            <span>
              {choice.label}
              <small>{choice.detail}</small>
            </span>
          </label>
        ))}
      </fieldset>
      {error && <p role="alert">{error}</p>}
    </section>
  );
}
