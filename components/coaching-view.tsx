import { useEffect, useId, useRef, useState } from 'react';
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

/**
 * Notes the manager typed and Salesforce would not take yet (over its limit, or refused), by plan:
 * closing the view, another drill-down or another filter must not throw the text away, so the
 * view opened again on the same plan in this page starts from it.
 */
const unsavedNotes = new Map<string, string>();

/** Long enough to not send every keystroke, short enough that closing rarely waits on one. */
const saveDelayMs = 600;

/** A manager on a rep's plan: the plan to read, the coaching note to write. */
export function CoachingView({ plan, repName, onSaveNote, onClose }: CoachingViewProps) {
  const headingId = useId();
  const [note, setNote] = useState(() => unsavedNotes.get(plan.planKey) ?? plan.coachNote);
  const [state, setState] = useState<NoteState>({ kind: 'idle' });
  const [closeRefused, setCloseRefused] = useState(false);
  // What Salesforce will get: the page that opened the view may not pass the saved plan back.
  const [savedNote, setSavedNote] = useState(plan.coachNote);
  const tooLong = note.length > fieldLimits.coachNote;
  const pending = note !== savedNote && !tooLong;
  const latest = useRef({ note, pending, onSaveNote });
  latest.current = { note, pending, onSaveNote };

  const save = (text: string) => {
    setState({ kind: 'saving' });
    return onSaveNote(text).then(
      () => {
        setSavedNote(text);
        setState({ kind: 'saved' });
      },
      (error: Error) => setState({ kind: 'refused', message: error.message }),
    );
  };

  useEffect(() => {
    if (note === savedNote) unsavedNotes.delete(plan.planKey);
    else unsavedNotes.set(plan.planKey, note);
  }, [note, savedNote, plan.planKey]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: every new text restarts the pause
  useEffect(() => {
    if (!pending) return;
    const timer = setTimeout(() => void save(note), saveDelayMs);
    return () => clearTimeout(timer);
  }, [note, pending]);

  // Going away within the pause still saves the last words typed.
  useEffect(
    () => () => {
      const { note: last, pending: unsent, onSaveNote: send } = latest.current;
      if (unsent) send(last).catch(() => undefined);
    },
    [],
  );

  const close = () => {
    if (tooLong) {
      setCloseRefused(true);
      return;
    }
    onClose();
  };

  const discard = () => {
    unsavedNotes.delete(plan.planKey);
    setNote(savedNote);
    setCloseRefused(false);
    onClose();
  };

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
        <button type="button" className="button" onClick={close}>
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
      {closeRefused && tooLong && (
        <div className="restored" role="alert">
          <p>
            Your coaching note is not saved: shorten it to {fieldLimits.coachNote} characters, or discard what you
            typed.
          </p>
          <button type="button" className="button" onClick={discard}>
            Discard the note
          </button>
        </div>
      )}
      <p role="status" className={tooLong || state.kind === 'refused' ? 'save-state save-state-problem' : 'save-state'}>
        {tooLong
          ? 'Not saved: the coaching note is over its limit'
          : state.kind === 'saving'
            ? 'Saving…'
            : state.kind === 'refused'
              ? `Not saved: ${state.message}`
              : state.kind === 'saved' && !pending
                ? 'Coaching note saved'
                : ''}
      </p>
    </section>
  );
}
