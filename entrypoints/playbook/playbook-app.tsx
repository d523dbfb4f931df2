import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { PlaybookAdherence } from '../../components/playbook/playbook-adherence';
import { PlaybookEditor } from '../../components/playbook/playbook-editor';
import { PrecallError, request, type Send } from '../../lib/messaging/client';
import { fieldErrorsOf } from '../../lib/model/call-plan';
import { type PlaybookBundle, playbookBundleSchema } from '../../lib/model/playbook/playbook';
import type { PlaybookView } from '../../lib/model/playbook/playbook-view';
import { startPlaybook } from './copy-playbook';

/** Like the panel: a pause in typing saves. */
export const autosaveDelayMs = 600;
/** How often the page reads the local copy again while open. */
export const rereadEveryMs = 15_000;

type SaveState =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: Date }
  | { kind: 'invalid'; count: number }
  | { kind: 'error'; message: string };

export interface PlaybookAppProps {
  origin: string | null;
  send: Send;
  timeZone: string;
  now?: () => Date;
  newKey?: () => string;
}

/** The team playbook page: managers define it (autosaved), reps read it; adherence below. */
export function PlaybookApp({
  origin,
  send,
  timeZone,
  now: nowProp,
  newKey = () => crypto.randomUUID(),
}: PlaybookAppProps) {
  // Stable across renders: effects depend on them.
  const clock = useRef(nowProp ?? (() => new Date()));
  const now = useCallback(() => clock.current(), []);
  const [view, setView] = useState<PlaybookView | null>(null);
  const [draft, setDraft] = useState<PlaybookBundle | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [saveState, setSaveState] = useState<SaveState>({ kind: 'idle' });
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [showAll, setShowAll] = useState(false);
  const dirty = useRef(false);
  const latest = useRef<PlaybookBundle | null>(null);
  latest.current = draft;

  const adopt = useCallback((next: PlaybookView) => {
    setView(next);
    // A refresh never overwrites what the manager is typing.
    if (!dirty.current) setDraft(next.bundle);
  }, []);

  useEffect(() => {
    if (!origin) return;
    let live = true;
    const load = async (refresh: boolean) => {
      const next = await request(send, 'playbook:get', { origin, refresh });
      if (live) adopt(next);
    };
    load(false)
      .then(() => load(true))
      .catch((error: unknown) => live && setProblem(messageOf(error)));
    // The background keeps syncing (the team's plans, a colleague's edit): read what it holds again.
    const timer = setInterval(() => {
      load(false).catch(() => {});
    }, rereadEveryMs);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [origin, send, adopt]);

  const validation = useMemo(() => (draft ? playbookBundleSchema.safeParse(draft) : null), [draft]);
  const errors = useMemo(
    () => (validation && !validation.success ? fieldErrorsOf(validation.error) : {}),
    [validation],
  );
  const shownErrors = useMemo(
    () => (showAll ? errors : Object.fromEntries(Object.entries(errors).filter(([path]) => touched.has(path)))),
    [errors, touched, showAll],
  );

  useEffect(() => {
    if (!origin || !draft || !dirty.current || !validation) return;
    if (!validation.success) {
      setSaveState({ kind: 'invalid', count: Object.keys(errors).length });
      return;
    }
    const bundle = validation.data;
    const timer = setTimeout(async () => {
      setSaveState({ kind: 'saving' });
      try {
        const saved = await request(send, 'playbook:save', { origin, bundle });
        setView(saved);
        if (draft === latest.current) dirty.current = false;
        setSaveState({ kind: 'saved', at: now() });
      } catch (error) {
        setSaveState({ kind: 'error', message: messageOf(error) });
      }
    }, autosaveDelayMs);
    return () => clearTimeout(timer);
  }, [draft, validation, errors, origin, send, now]);
  const loadAdherence = useCallback(
    (from: string, to: string) => request(send, 'playbook:adherence', { origin: origin ?? '', from, to, timeZone }),
    [send, origin, timeZone],
  );

  const edit = (next: PlaybookBundle) => {
    dirty.current = true;
    setDraft(next);
  };

  if (!origin) {
    return (
      <main>
        <h1>Team playbook</h1>
        <p role="alert">Open the team playbook from the call plan beside a Salesforce opportunity.</p>
      </main>
    );
  }
  return (
    <main>
      <h1>Team playbook</h1>
      {problem && <p role="alert">{problem}</p>}
      {!view && !problem && <p>Loading the playbook…</p>}
      {view && (
        <section aria-labelledby="playbook-heading">
          <h2 id="playbook-heading">Playbook</h2>
          <p className="muted">
            {view.canEdit
              ? "You define what your team's call plans hold at each stage. Changes save as you type and reach Salesforce with the next sync."
              : `You read your team's playbook${view.ownerName ? `, defined by ${view.ownerName}` : ''}.`}
          </p>
          <SaveStatus state={saveState} waiting={view.sync.waiting} refused={view.sync.refused} />
          {draft ? (
            <PlaybookEditor
              bundle={draft}
              orgStages={view.orgStages}
              orphanedStageKeys={view.orphanedStageKeys}
              readOnly={!view.canEdit}
              errors={shownErrors}
              onChange={edit}
              onBlur={(path) => setTouched((before) => new Set(before).add(path))}
              newKey={newKey}
            />
          ) : view.canEdit ? (
            <button
              type="button"
              className="button button-brand"
              onClick={() => {
                edit(startPlaybook("My team's playbook", view.startFrom, now(), newKey));
                setShowAll(false);
              }}
            >
              {view.startFrom ? "Start your team's playbook from the org's default" : "Start your team's playbook"}
            </button>
          ) : (
            <p>Your team has no playbook yet.</p>
          )}
          {saveState.kind === 'invalid' && (
            <button type="button" className="button" onClick={() => setShowAll(true)}>
              Show what to fix
            </button>
          )}
        </section>
      )}
      {view && (
        <section aria-labelledby="adherence-heading">
          <h2 id="adherence-heading">Adherence</h2>
          <PlaybookAdherence now={now} load={loadAdherence} refreshKey={view} />
        </section>
      )}
    </main>
  );
}

function SaveStatus({
  state,
  waiting,
  refused,
}: {
  state: SaveState;
  waiting: number;
  refused: readonly { message: string }[];
}) {
  return (
    <div className="playbook-save" role="status">
      {state.kind === 'saving' && 'Saving…'}
      {state.kind === 'saved' &&
        `Saved at ${state.at.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })}${waiting > 0 ? ' · waiting for Salesforce' : ' · in Salesforce'}`}
      {state.kind === 'invalid' && `Not saved: ${state.count === 1 ? '1 field' : `${state.count} fields`} to fix`}
      {state.kind === 'error' && `Not saved: ${state.message}`}
      {refused.map((r) => (
        <p key={r.message} className="field-error">
          Salesforce refused a change: {r.message}
        </p>
      ))}
    </div>
  );
}

function messageOf(error: unknown): string {
  return error instanceof PrecallError || error instanceof Error ? error.message : String(error);
}
