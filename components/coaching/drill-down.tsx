import { type ReactNode, useEffect, useRef } from 'react';
import type { EvidenceRow } from '../../lib/model/coaching/coaching-report-view';
import { callTime } from './format';

export type DrillState =
  | { kind: 'loading' }
  | { kind: 'failed'; message: string }
  | { kind: 'ready'; rows: EvidenceRow[]; total: number };

export interface DrillDownProps {
  title: string;
  state: DrillState;
  recordUrl(opportunityId: string): string;
  /** A manager may write a coaching note on a plan from here. */
  canCoach: boolean;
  /** The plan whose note is being written, and the editor for it. */
  coaching: { planKey: string; editor: ReactNode } | null;
  onCoach(row: EvidenceRow): void;
  onClose(): void;
}

/** The calls behind a number: each deal opens in Salesforce, each plan can be coached. */
export function DrillDown({ title, state, recordUrl, canCoach, coaching, onCoach, onClose }: DrillDownProps) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  // Focus moves to what was asked for, so keyboard and screen reader users land on it.
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new title is a new drill-down
  useEffect(() => headingRef.current?.focus(), [title]);
  return (
    <section className="drill-down" aria-labelledby="drill-down-title">
      <div className="section-heading-row">
        <h2 id="drill-down-title" ref={headingRef} tabIndex={-1}>
          {title}
        </h2>
        <button type="button" className="button" onClick={onClose}>
          Close
        </button>
      </div>
      {state.kind === 'loading' ? (
        <p role="status">Loading the calls…</p>
      ) : state.kind === 'failed' ? (
        <p role="alert" className="save-state-problem">
          Could not list the calls: {state.message}
        </p>
      ) : state.rows.length === 0 ? (
        <p className="empty">No call counts here.</p>
      ) : (
        <>
          <p role="status">
            {state.total === state.rows.length
              ? `${state.total} call${state.total === 1 ? '' : 's'}`
              : `The latest ${state.rows.length} of ${state.total} calls`}
          </p>
          <ul className="evidence">
            {state.rows.map((row) => {
              const key = row.planKey ?? row.meetingId ?? row.opportunityId;
              return (
                <li key={key} className="evidence-row" data-plan={row.planKey ?? undefined}>
                  <div className="evidence-head">
                    <a href={recordUrl(row.opportunityId)} target="_blank" rel="noreferrer">
                      {row.name}
                    </a>
                    <span className="evidence-meta">
                      {row.accountName ? `${row.accountName} · ` : ''}
                      {row.repName} · {callTime(row.callAt ?? row.meetingStartAt)}
                    </span>
                  </div>
                  {row.goal !== null ? (
                    <p className="evidence-goal">Goal: {row.goal}</p>
                  ) : (
                    <p className="evidence-goal">No plan: {row.meetingSubject ?? 'a meeting'}</p>
                  )}
                  {row.outcome ? (
                    <p className="evidence-outcome">
                      Outcome: {row.outcome}
                      {row.commitment ? ` · commitment ${row.commitment}` : ''}
                    </p>
                  ) : null}
                  {row.coachNote ? <p className="plan-list-note">Coaching note: {row.coachNote}</p> : null}
                  {canCoach && row.planKey !== null && coaching?.planKey !== row.planKey ? (
                    <button
                      type="button"
                      className="button"
                      aria-label={`${row.coachNote ? 'Edit the coaching note' : 'Write a coaching note'} on ${row.name}, ${callTime(row.callAt)}`}
                      onClick={() => onCoach(row)}
                    >
                      {row.coachNote ? 'Edit the coaching note' : 'Write a coaching note'}
                    </button>
                  ) : null}
                  {coaching?.planKey === row.planKey ? coaching.editor : null}
                </li>
              );
            })}
          </ul>
        </>
      )}
    </section>
  );
}
