import { request, type Send } from '../../lib/messaging/client';

/**
 * Which org the coaching page speaks for: the Salesforce origin it was opened for
 * (`coaching.html?origin=…`, from the side panel or a link), else the org of the sign-in Salesforce
 * confirmed last. The background still resolves the session: naming an origin grants nothing.
 */
export async function coachingOrigin(search: string, send: Send): Promise<string | null> {
  const named = namedOrigin(search);
  if (named !== undefined) return named;
  const { accounts } = await request(send, 'signin:accounts', {});
  const latest = accounts.filter((account) => !account.ended).sort((a, b) => b.confirmedAt - a.confirmedAt)[0];
  return latest?.apiOrigin ?? null;
}

/** The origin the page was opened for, known without asking: null when it names none that parses, undefined when it names none. */
export function namedOrigin(search: string): string | null | undefined {
  const named = new URLSearchParams(search).get('origin');
  if (!named) return undefined;
  try {
    return new URL(named).origin;
  } catch {
    return null;
  }
}
