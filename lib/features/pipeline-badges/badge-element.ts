import type { BadgeSummary } from '../../model/badge-summary';
import { fillCard } from './badge-card';
import { badgeIcons } from './badge-icons';
import { badgeStyles } from './badge-styles';

/** One stylesheet shared by every badge: hundreds of badges, one parse. */
let sheet: CSSStyleSheet | undefined;

interface BadgeParts {
  button: HTMLButtonElement;
  path: SVGPathElement;
  label: HTMLElement;
  met: HTMLElement;
  card: HTMLElement;
  opportunityId: string;
  summary: BadgeSummary | null;
  onOpenPlan(): void;
}

const partsOf = new WeakMap<Element, BadgeParts>();

/** A badge host, ours or a copy Lightning made of one while cloning a row. */
export function isOwnHost(node: Element): boolean {
  return node.localName === 'precall-badge';
}

/** The record a badge shows now, or undefined for an element that is not one of ours. */
export function badgeOpportunity(host: Element): string | undefined {
  return partsOf.get(host)?.opportunityId;
}

/**
 * A badge for the place after a link: `<precall-badge data-precall-badge="<id>"
 * data-status="<status>">` with its own open shadow root. Its button names the status in words
 * (with an icon) and shows the card when the user shows interest in it (hover or keyboard
 * focus), where the browser supports interest invokers; elsewhere a click opens it. The card is
 * a hint popover: one at a time, in the top layer, filled only when it opens.
 */
export function createBadgeHost(document: Document, onOpenPlan: () => void): HTMLElement {
  // Built element by element (no markup parsed on Salesforce's page); kept in `parts`, so a
  // render sets what changed without searching the shadow tree.
  const create = <K extends keyof HTMLElementTagNameMap>(name: K) => document.createElement(name);
  const svg = 'http://www.w3.org/2000/svg';
  const host = create('precall-badge' as 'span');
  const root = host.attachShadow({ mode: 'open' });
  const button = create('button');
  const icon = document.createElementNS(svg, 'svg');
  const path = document.createElementNS(svg, 'path');
  const label = create('span');
  const met = create('span');
  const card = create('div');
  button.type = 'button';
  icon.setAttribute('viewBox', '0 0 16 16');
  icon.ariaHidden = 'true';
  card.id = 'card';
  card.popover = 'hint';
  icon.append(path);
  button.append(icon, label, met);
  root.append(button, card);
  // Constructable stylesheets are in every Chrome that runs Manifest V3 extensions.
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(badgeStyles);
  }
  root.adoptedStyleSheets = [sheet];
  button.setAttribute('interestForElement' in button ? 'interestfor' : 'popovertarget', 'card');
  const parts: BadgeParts = { button, path, label, met, card, opportunityId: '', summary: null, onOpenPlan };
  card.addEventListener('beforetoggle', (event) => {
    if ((event as ToggleEvent).newState === 'open') fill(parts);
  });
  partsOf.set(host, parts);
  return host;
}

function fill(parts: BadgeParts): void {
  if (parts.summary) fillCard(parts.card, parts.opportunityId, parts.summary, parts.onOpenPlan);
}

/** Shows `summary` for `opportunityId`; a badge already saying exactly that is left alone. */
export function renderBadge(host: Element, opportunityId: string, summary: BadgeSummary): void {
  const parts = partsOf.get(host);
  if (!parts || (parts.opportunityId === opportunityId && parts.summary === summary)) return;
  parts.opportunityId = opportunityId;
  parts.summary = summary;
  host.setAttribute('data-precall-badge', opportunityId);
  host.setAttribute('data-status', summary.status.kind);
  parts.button.setAttribute('aria-label', summary.accessibleName);
  parts.path.setAttribute('d', badgeIcons[summary.status.kind]);
  parts.label.textContent = summary.label;
  parts.met.textContent = summary.met ?? '';
  // A card already opened follows its badge to the new record or status.
  if (parts.card.firstChild) fill(parts);
}
