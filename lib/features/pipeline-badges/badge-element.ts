import type { BadgeSummary } from '../../model/badge-summary';
import { fillCard } from './badge-card';
import { badgeIcons } from './badge-icons';
import { badgeStyles } from './badge-styles';

/** The badge's inside, parsed once and cloned for every badge; it holds no data, only structure. */
const markup = `<button type="button"><svg viewBox="0 0 16 16" aria-hidden="true"><path/></svg><span></span><span class="met"></span></button><div id="card" popover="hint"></div>`;
const templates = new WeakMap<Document, HTMLTemplateElement>();
/** One stylesheet shared by every badge: hundreds of badges, one parse. */
let sheet: CSSStyleSheet | undefined;

interface BadgeParts {
  root: ShadowRoot;
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
  let template = templates.get(document);
  if (!template) {
    template = document.createElement('template');
    template.innerHTML = markup;
    templates.set(document, template);
  }
  const host = document.createElement('precall-badge');
  const root = host.attachShadow({ mode: 'open' });
  root.append(template.content.cloneNode(true));
  // Constructable stylesheets are in every Chrome that runs Manifest V3 extensions.
  sheet ??= new CSSStyleSheet();
  if (sheet.cssRules.length === 0) sheet.replaceSync(badgeStyles);
  root.adoptedStyleSheets = [sheet];
  const button = root.querySelector('button') as HTMLButtonElement;
  button.setAttribute('interestForElement' in button ? 'interestfor' : 'popovertarget', 'card');
  const card = root.getElementById('card') as HTMLElement;
  const parts: BadgeParts = { root, card, opportunityId: '', summary: null, onOpenPlan };
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
  const { root } = parts;
  root.querySelector('button')?.setAttribute('aria-label', summary.accessibleName);
  root.querySelector('path')?.setAttribute('d', badgeIcons[summary.status.kind]);
  const [label, met] = root.querySelectorAll('span');
  if (label) label.textContent = summary.label;
  if (met) met.textContent = summary.met ?? '';
  // A card already opened follows its badge to the new record or status.
  if (parts.card.firstChild) fill(parts);
}
