import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { meetingRemindersKey } from '../../lib/background/meeting-reminders';

export interface ReminderSettingStore {
  load(): Promise<boolean>;
  save(on: boolean): Promise<void>;
}

/** Kept in `chrome.storage.local`, where the background's hourly check reads it. */
export const storedReminderSetting: ReminderSettingStore = {
  async load() {
    return (await browser.storage.local.get(meetingRemindersKey))[meetingRemindersKey] === true;
  },
  async save(on) {
    await browser.storage.local.set({ [meetingRemindersKey]: on });
  },
};

/** The day-before reminder of a meeting with no call plan: off until the rep turns it on. */
export function MeetingReminderChoice({ store }: { store: ReminderSettingStore }) {
  const [on, setOn] = useState<boolean | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    store.load().then(
      (value) => live && setOn(value),
      (cause: Error) => live && setError(cause.message),
    );
    return () => {
      live = false;
    };
  }, [store]);

  const change = (next: boolean) => {
    const before = on;
    setOn(next);
    store.save(next).then(
      () => setError(null),
      (cause: Error) => {
        setOn(before);
        setError(`Could not keep your choice: ${cause.message}`);
      },
    );
  };

  return (
    <section aria-labelledby="reminder-heading">
      <h2 id="reminder-heading">Reminders</h2>
      <label className="placement-choice">
        <input
          type="checkbox"
          checked={on === true}
          disabled={on === null}
          onChange={(event) => change(event.target.checked)}
        />{' '}
        Remind me the day before a meeting that has no call plan
      </label>
      <p className="field-hint">A notification from Chrome; clicking it opens the opportunity.</p>
      {error ? <p role="alert">{error}</p> : null}
    </section>
  );
}
