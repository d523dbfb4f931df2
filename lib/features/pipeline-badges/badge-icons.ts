import type { BadgeStatusKind } from '../../model/badge-summary';

/**
 * One stroked 16×16 path per status, so the status reads from its shape as well as its word,
 * never from colour alone.
 */
export const badgeIcons: Record<BadgeStatusKind, string> = {
  // a calendar
  planned: 'M2.5 4h11v9.5h-11zM2.5 7h11M5.5 2v3M10.5 2v3',
  // a clock
  'outcome-due': 'M8 2.5a5.5 5.5 0 1 0 .01 0zM8 5v3.5l2.5 1.5',
  // a calendar with an exclamation mark
  'meeting-no-plan': 'M2.5 4h11v9.5h-11zM5.5 2v3M10.5 2v3M8 6.5v3.5M8 11.5v.5',
  // an arrow up and forward
  advanced: 'M3.5 12.5l9-9M6 3.5h6.5V10',
  // a pause sign
  stalled: 'M5.5 3.5v9M10.5 3.5v9',
  // a cross
  lost: 'M4 4l8 8M12 4l-8 8',
  // a dash
  'no-plan': 'M4 8h8',
};
