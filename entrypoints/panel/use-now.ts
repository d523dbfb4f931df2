import { useEffect, useState } from 'react';

/** Statuses depend on the clock (a planned call becomes outcome due), so re-read it every minute. */
export function useNow(now: () => Date, everyMs = 60_000): Date {
  const [current, setCurrent] = useState(now);
  useEffect(() => {
    const timer = setInterval(() => setCurrent(now()), everyMs);
    return () => clearInterval(timer);
  }, [now, everyMs]);
  return current;
}
