import { useEffect, useId, useState } from 'react';
import type { CallPlan } from '../lib/model/call-plan';
import { fieldLimits } from '../lib/model/field-limits';
import { qualificationDimensions } from '../lib/model/picklists';
import { formatCallAt } from './plan-list';
import { TextField } from './text-field';

export interface CoachingViewProps {
  plan: CallPlan;
  /** The rep who wrote the plan, when known. */
  repName?: string;
  onSaveNote(coachNote: string): Promise<void>;
  onClose(): void;
}

type NoteState = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved' } | { kind: 'refused'; message: string };

/** A manager on a rep's plan: the plan to read, the coaching note to write. */
export function CoachingView({ plan, repName, onSaveNote, onClose }: CoachingViewProps) {
  const headingId = useId();
  const [note, setNote] = useState(plan.coachNote);
  const [state, setState] = useState<NoteState>({ kind: 'idle' });
  const tooLong = note.length > fieldLimits.coachNote;

  useEffect(() => {
    if (note === plan.coachNote || tooLong) return;
    const timer = setTimeout(() => {
      setState({ kind: 'saving' });
      onSaveNote(note).then(
        () => setState({ kind: 'saved' }),
        (error: Error) => setState({ kind: 'refused', message: error.message }),
      );
    }, 600);
    return () => clearTimeout(timer);
  }, [note, plan.coachNote, tooLong, onSaveNote]);

  const row = (label: string, value: string) =>
    value.trim() ? (
      <div>
        <dt>{label}</dt>
        <dd>{value}</dd>
      </div>
    ) : null;

  return (
    <section className="call-plan-form coaching-view" aria-labelledby={headingId}>
      <div className="section-heading-row">
        <h2 id={headingId}>{repName ? `${repName}'s call plan` : "The rep's call plan"}</h2>
        <button type="button" className="button" onClick={onClose}>
          Close
        </button>
      </div>
      <p className="field-hint">Read-only: the plan is the rep's. Your coaching note is saved as you type.</p>
      <dl className="plan-read">
        {row('Call', `${formatCallAt(plan.callAt)} · ${plan.callType}`)}
        {row('Goal', plan.goal)}
        {row("Buyer's reason", plan.buyerReason)}
        {row('Best next step', plan.bestNextStep)}
        {row('Minimum next step', plan.minimumNextStep)}
        {row('Questions', plan.questions)}
        {row('Qualification', qualificationDimensions.map(({ key, label }) => `${label}: ${plan[key]}`).join(' · '))}
        {row('Walk-away', plan.walkAway)}
        {plan.objections.length > 0 &&
          row(
            'Objections',
            plan.objections
              .map(
                (o) =>
                  `${o.expected ? '' : 'Surprise: '}${o.objection}${o.raised ? ` (raised${o.handled ? `, handled: ${o.handled}` : ''})` : ''}`,
              )
              .join('\n'),
          )}
        {plan.outcome && row('Outcome', `${plan.outcome}${plan.commitment ? ` · commitment: ${plan.commitment}` : ''}`)}
        {row('Actual next step', plan.actualNextStep)}
        {row('Outcome notes', plan.outcomeNotes)}
      </dl>
      <TextField
        label="Coaching note"
        multiline
        rows={4}
        value={note}
        limit={fieldLimits.coachNote}
        error={
          tooLong
            ? `Coaching note can be at most ${fieldLimits.coachNote} characters (Salesforce's limit); it has ${note.length}`
            : undefined
        }
        onChange={setNote}
      />
      <p role="status" className={state.kind === 'refused' ? 'save-state save-state-problem' : 'save-state'}>
        {state.kind === 'saving'
          ? 'Saving…'
          : state.kind === 'saved'
            ? 'Coaching note saved'
            : state.kind === 'refused'
              ? `Not saved: ${state.message}`
              : ''}
      </p>
    </section>
  );
}
