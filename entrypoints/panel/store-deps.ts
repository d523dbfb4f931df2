import type { Send } from '../../lib/messaging/client';

/** What the panel store needs from the outside world; tests pass their own. */
export interface PanelDeps {
  send: Send;
  /** The Salesforce page origin the panel is framed into; every request names it. */
  origin: string;
  now: () => Date;
}
