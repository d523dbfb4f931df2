import { isSalesforceOrigin } from '../salesforce/hosts';
import { BackgroundError } from './background-error';

export interface MessageSender {
  id?: string;
  url?: string;
  origin?: string;
}

export interface SenderPolicy {
  extensionId: string;
  extensionOrigin: string;
  allowDemo: boolean;
}

/**
 * Accepts our own extension pages, and content scripts on a Salesforce (or, in demo builds, the
 * demo org's) page speaking for the origin they run on. A content script can never ask for
 * another org's data by naming its origin.
 */
export function checkSender(sender: MessageSender, claimedOrigin: string, policy: SenderPolicy): void {
  if (sender.id !== policy.extensionId) throw new BackgroundError('forbidden-sender', 'Message from another extension');
  if (!isSalesforceOrigin(claimedOrigin, policy.allowDemo)) {
    throw new BackgroundError('forbidden-sender', `Precall does not run on ${claimedOrigin}`);
  }
  if (sender.origin === policy.extensionOrigin || sender.url?.startsWith(`${policy.extensionOrigin}/`)) return;
  const senderOrigin = sender.origin ?? originOf(sender.url);
  if (senderOrigin !== claimedOrigin) {
    throw new BackgroundError('forbidden-sender', 'A page may only ask about its own Salesforce org');
  }
}

function originOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}
