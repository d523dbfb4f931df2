import { describe, expect, it } from 'vitest';
import { checkExtensionPage, checkSender, type MessageSender } from '../../../lib/background/check-sender';

const policy = { extensionId: 'precall', extensionOrigin: 'chrome-extension://precall', allowDemo: false };
const orgA = 'https://orga.lightning.force.com';
const orgB = 'https://orgb.lightning.force.com';
const panelUrl = `${policy.extensionOrigin}/panel.html?origin=${encodeURIComponent(orgB)}&opportunityId=x`;

describe('checkSender: who may speak for which org', () => {
  it.each<[string, MessageSender, string, boolean]>([
    [
      'a content script for its own page',
      { id: 'precall', url: `${orgA}/lightning/r/x`, tab: { url: `${orgA}/x` }, frameId: 0 },
      orgA,
      true,
    ],
    [
      'a content script for another org',
      { id: 'precall', url: `${orgA}/lightning/r/x`, tab: { url: `${orgA}/x` }, frameId: 0 },
      orgB,
      false,
    ],
    [
      'a content script whose tab is another org',
      { id: 'precall', origin: orgA, tab: { url: `${orgB}/x` }, frameId: 2 },
      orgA,
      false,
    ],
    [
      'the panel framed in org A, for org A',
      { id: 'precall', url: panelUrl, tab: { url: `${orgA}/lightning/r/x` }, frameId: 3 },
      orgA,
      true,
    ],
    [
      'the panel framed in org A, told to speak for org B',
      { id: 'precall', url: panelUrl, tab: { url: `${orgA}/lightning/r/x` }, frameId: 3 },
      orgB,
      false,
    ],
    ['a framed page whose tab cannot be seen', { id: 'precall', url: panelUrl, tab: {}, frameId: 3 }, orgB, false],
    [
      'the options page in its own tab, for any org',
      {
        id: 'precall',
        url: `${policy.extensionOrigin}/options.html`,
        tab: { url: `${policy.extensionOrigin}/options.html` },
        frameId: 0,
      },
      orgB,
      true,
    ],
    ["Chrome's side panel (no tab)", { id: 'precall', url: `${policy.extensionOrigin}/sidepanel.html` }, orgA, true],
    [
      'the panel framed inside a Precall page',
      { id: 'precall', url: panelUrl, tab: { url: `${policy.extensionOrigin}/coach.html` }, frameId: 1 },
      orgB,
      true,
    ],
    ['another extension', { id: 'other', url: `${orgA}/x` }, orgA, false],
    [
      'any origin that is not Salesforce',
      { id: 'precall', url: `${policy.extensionOrigin}/options.html` },
      'https://evil.example',
      false,
    ],
  ])('%s → %s', (_name, sender, origin, allowed) => {
    const attempt = () => checkSender(sender, origin, policy);
    if (allowed) expect(attempt).not.toThrow();
    else expect(attempt).toThrow(expect.objectContaining({ code: 'forbidden-sender' }));
  });

  it('pages that name no org: only top-level Precall pages', () => {
    expect(() =>
      checkExtensionPage({ id: 'precall', url: `${policy.extensionOrigin}/options.html` }, policy),
    ).not.toThrow();
    expect(() =>
      checkExtensionPage({ id: 'precall', url: panelUrl, tab: { url: `${orgA}/x` }, frameId: 1 }, policy),
    ).toThrow();
    expect(() => checkExtensionPage({ id: 'precall', url: `${orgA}/x`, tab: { url: `${orgA}/x` } }, policy)).toThrow();
  });
});
