import { useId } from 'react';
import type { ObjectionSuggestion, SuggestionReason } from '../lib/model/objection-library';

export interface ObjectionSuggestionsProps {
  suggestions: readonly ObjectionSuggestion[];
  /** Adds it as an expected objection with the response to adapt. */
  onAdd(objection: string, response: string): void;
}

const times = (n: number) => (n === 1 ? 'once' : `${n} times`);

function whereMet(suggestion: ObjectionSuggestion): string {
  const parts: string[] = [];
  const has = (reason: SuggestionReason) => suggestion.reasons.includes(reason);
  if (has('same-account')) parts.push(`${times(suggestion.raisedOnAccount)} on this account`);
  if (has('same-stage')) parts.push(`${times(suggestion.raisedAtStage)} at this stage`);
  parts.push(`${times(suggestion.raised)} in all`);
  return `Raised ${parts.join(', ')}`;
}

/** The objection library while planning: objections met on similar deals, one click to expect them. */
export function ObjectionSuggestions({ suggestions, onAdd }: ObjectionSuggestionsProps) {
  const headingId = useId();
  if (suggestions.length === 0) return null;
  return (
    <section className="objection-suggestions" aria-labelledby={headingId}>
      <h4 id={headingId}>Met on similar deals</h4>
      <ul>
        {suggestions.map((suggestion) => {
          const response = suggestion.responses[0]?.response ?? '';
          return (
            <li key={suggestion.objection} className="objection-suggestion">
              <div>
                <span className="objection-suggestion-text">{suggestion.objection}</span>
                <span className="field-hint"> · {whereMet(suggestion)}</span>
              </div>
              {suggestion.responses.map((r) => (
                <p key={r.response} className="objection-suggestion-response">
                  {r.handled === 'Yes' ? 'Handled with' : 'Partly handled with'}: {r.response}
                </p>
              ))}
              <button
                type="button"
                className="button"
                aria-label={`Expect “${suggestion.objection}”${response ? ', with the response that handled it' : ''}`}
                onClick={() => onAdd(suggestion.objection, response)}
              >
                Expect it
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
