import { describe, expect, it } from 'vitest';
import {
  checkExtensionPage,
  checkSender,
  type MessageSender,
  type SenderKind,
  senderKind,
} from '../../../lib/background/check-sender';

const policy = { extensionId: 'precall', extensionOrigin: 'chrome-extension://precall', allowDemo: false };
const orgA = 'https://orga.lightning.force.com';
const orgB = 'https://orgb.lightning.force.com';
const panelUrl = `${policy.extensionOrigin}/panel.html?origin=${encodeURIComponent(orgB)}&opportunityId=x`;

describe('checkSender: who may speak for which org', () => {
  it.each<[string, MessageSender, string, SenderKind | RegExp]>([
    [
      'a content script for its own page',
      { id: 'precall', url: `${orgA}/lightning/r/x`, tab: { url: `${orgA}/x` }, frameId: 0 },
      orgA,
      'content-script',
    ],
    [
      'a content script for another org',
      { id: 'precall', url: `${orgA}/lightning/r/x`, tab: { url: `${orgA}/x` }, frameId: 0 },
      orgB,
      /^A page may only ask about its own Salesforce org$/,
    ],
    [
      'a content script whose tab is another org',
      { id: 'precall', origin: orgA, tab: { url: `${orgB}/x` }, frameId: 2 },
      orgA,
      /^A page may only ask about its own Salesforce org$/,
    ],
    [
      'the panel framed in org A, for org A',
      { id: 'precall', url: panelUrl, tab: { url: `${orgA}/lightning/r/x` }, frameId: 3 },
      orgA,
      'framed-page',
    ],
    [
      'the panel framed in org A, told to speak for org B',
      { id: 'precall', url: panelUrl, tab: { url: `${orgA}/lightning/r/x` }, frameId: 3 },
      orgB,
      /^A framed Precall page speaks only for the Salesforce page around it$/,
    ],
    [
      'a framed page whose tab cannot be seen',
      { id: 'precall', url: panelUrl, tab: {}, frameId: 3 },
      orgB,
      /^A framed Precall page speaks only for the Salesforce page around it$/,
    ],
    [
      'the options page in its own tab, for any org',
      {
        id: 'precall',
        url: `${policy.extensionOrigin}/options.html`,
        tab: { url: `${policy.extensionOrigin}/options.html` },
        frameId: 0,
      },
      orgB,
      'extension-page',
    ],
    [
      "Chrome's side panel (no tab)",
      { id: 'precall', url: `${policy.extensionOrigin}/sidepanel.html` },
      orgA,
      'extension-page',
    ],
    [
      'the panel framed inside a Precall page',
      { id: 'precall', url: panelUrl, tab: { url: `${policy.extensionOrigin}/coach.html` }, frameId: 1 },
      orgB,
      'extension-page',
    ],
    ['another extension', { id: 'other', url: `${orgA}/x` }, orgA, /^Message from another extension$/],
    [
      'any origin that is not Salesforce',
      { id: 'precall', url: `${policy.extensionOrigin}/options.html` },
      'https://evil.example',
      /^Precall does not run on https:\/\/evil\.example$/,
    ],
  ])('%s → %s', (_name, sender, origin, expected) => {
    const attempt = () => checkSender(sender, origin, policy);
    if (typeof expected === 'string') expect(attempt()).toBe(expected);
    else
      expect(attempt).toThrow(
        expect.objectContaining({ code: 'forbidden-sender', message: expect.stringMatching(expected) }),
      );
  });

  it.each<[string, MessageSender, SenderKind]>([
    [
      'a content script (a Salesforce URL)',
      { id: 'precall', url: `${orgA}/x`, tab: { url: `${orgA}/x` } },
      'content-script',
    ],
    ['a content script whose URL cannot be read', { id: 'precall', url: 'not a url' }, 'content-script'],
    ['a Precall page known by its origin alone', { id: 'precall', origin: policy.extensionOrigin }, 'extension-page'],
    ['the extension origin itself', { id: 'precall', url: policy.extensionOrigin }, 'extension-page'],
    [
      'a look-alike origin that only starts like Precall’s',
      { id: 'precall', url: `${policy.extensionOrigin}evil/panel.html`, tab: { url: `${orgA}/x` }, frameId: 2 },
      'content-script',
    ],
    [
      'a Precall page framed in Salesforce',
      { id: 'precall', url: panelUrl, tab: { url: `${orgA}/x` }, frameId: 2 },
      'framed-page',
    ],
  ])('the kind of sender: %s', (_name, sender, kind) => {
    expect(senderKind(sender, policy)).toBe(kind);
  });

  it('a content script whose page URL cannot be read speaks for no org', () => {
    expect(() => checkSender({ id: 'precall', url: 'not a url' }, orgA, policy)).toThrow(
      expect.objectContaining({ message: 'A page may only ask about its own Salesforce org' }),
    );
  });

  it('pages that name no org: only top-level Precall pages', () => {
    expect(() =>
      checkExtensionPage({ id: 'precall', url: `${policy.extensionOrigin}/options.html` }, policy),
    ).not.toThrow();
    expect(() =>
      checkExtensionPage({ id: 'precall', url: panelUrl, tab: { url: `${orgA}/x` }, frameId: 1 }, policy),
    ).toThrow("Only Precall's own pages may ask this");
    expect(() => checkExtensionPage({ id: 'precall', url: `${orgA}/x`, tab: { url: `${orgA}/x` } }, policy)).toThrow(
      "Only Precall's own pages may ask this",
    );
    expect(() => checkExtensionPage({ id: 'other', url: `${policy.extensionOrigin}/options.html` }, policy)).toThrow(
      "Only Precall's own pages may ask this",
    );
  });
});
