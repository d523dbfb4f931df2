import { isSalesforceOrigin } from '../salesforce/hosts';
import { BackgroundError } from './background-error';

export interface MessageSender {
  id?: string;
  url?: string;
  origin?: string;
  /** The tab the sender lives in; absent for the side panel and other tab-less pages. */
  tab?: { id?: number; url?: string };
  /** 0 for a tab's top-level document, positive for a frame inside it. */
  frameId?: number;
}

export interface SenderPolicy {
  extensionId: string;
  extensionOrigin: string;
  allowDemo: boolean;
}

export type SenderKind = 'content-script' | 'framed-page' | 'extension-page';

/**
 * Who may speak for which Salesforce origin:
 * - a content script only for its own page's origin (and its tab's);
 * - an extension page framed in a tab (the panel beside a record) only for the origin of the
 *   tab around it, whatever its own URL names: a page of org A that frames the panel with
 *   `?origin=<org B>` gets org B nothing;
 * - a top-level extension page (options, the coaching page in its own tab, Chrome's side panel)
 *   for any Salesforce origin; the session resolver still requires a sign-in there.
 */
export function checkSender(sender: MessageSender, claimedOrigin: string, policy: SenderPolicy): SenderKind {
  if (sender.id !== policy.extensionId) throw new BackgroundError('forbidden-sender', 'Message from another extension');
  if (!isSalesforceOrigin(claimedOrigin, policy.allowDemo)) {
    throw new BackgroundError('forbidden-sender', `Precall does not run on ${claimedOrigin}`);
  }
  const kind = senderKind(sender, policy);
  if (kind === 'extension-page') return kind;
  if (kind === 'framed-page') {
    if (originOf(sender.tab?.url) !== claimedOrigin) {
      throw new BackgroundError(
        'forbidden-sender',
        'A framed Precall page speaks only for the Salesforce page around it',
      );
    }
    return kind;
  }
  const senderOrigin = sender.origin ?? originOf(sender.url);
  const tabOrigin = sender.tab?.url === undefined ? senderOrigin : originOf(sender.tab.url);
  if (senderOrigin !== claimedOrigin || tabOrigin !== claimedOrigin) {
    throw new BackgroundError('forbidden-sender', 'A page may only ask about its own Salesforce org');
  }
  return kind;
}

/** For messages that name no org (options, the OAuth callback): top-level extension pages only. */
export function checkExtensionPage(sender: MessageSender, policy: SenderPolicy): void {
  if (sender.id !== policy.extensionId || senderKind(sender, policy) !== 'extension-page') {
    throw new BackgroundError('forbidden-sender', "Only Precall's own pages may ask this");
  }
}

export function senderKind(sender: MessageSender, policy: SenderPolicy): SenderKind {
  const ours = sender.origin === policy.extensionOrigin || isExtensionUrl(sender.url, policy);
  if (!ours) return 'content-script';
  if (!sender.tab || sender.frameId === 0) return 'extension-page';
  // Framed inside another Precall page (a coaching page framing the panel) is still ours.
  return isExtensionUrl(sender.tab.url, policy) ? 'extension-page' : 'framed-page';
}

/** By prefix: URL parsers differ on the origin of `chrome-extension:` URLs. */
function isExtensionUrl(url: string | undefined, policy: SenderPolicy): boolean {
  return url !== undefined && (url === policy.extensionOrigin || url.startsWith(`${policy.extensionOrigin}/`));
}

function originOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}
