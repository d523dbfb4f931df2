/** The part of chrome.alarms a schedule needs; tests pass a fake. */
export interface AlarmsArea {
  get(name: string): Promise<{ name: string; periodInMinutes?: number } | undefined>;
  create(name: string, info: { periodInMinutes: number }): Promise<void> | void;
}

/**
 * Makes sure an alarm repeats every `periodInMinutes`, without touching one already set so.
 * Chrome may drop alarms when it restarts, so the worker sets them at every start; but creating
 * an alarm replaces the one of that name and starts its period over, and the worker starts far
 * more often than hourly (it stops after 30 s idle, and the sync alarm wakes it every minute):
 * an hourly alarm created at every start would never fire.
 */
export async function keepAlarm(alarms: AlarmsArea, name: string, periodInMinutes: number): Promise<void> {
  const existing = await alarms.get(name);
  if (existing?.periodInMinutes === periodInMinutes) return;
  await alarms.create(name, { periodInMinutes });
}
