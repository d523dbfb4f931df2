import type { OpportunityLink } from '../../salesforce/lightning/adapter';
import { createBadgeHost, isOwnHost, renderBadge } from './badge-element';
import type { BadgeSource } from './badge-source';
import { insideAny } from './inside-any';

export interface DecoratorOptions {
  document: Document;
  source: BadgeSource;
  /** Links came near the viewport: their badges wait for `draw`. */
  onNear(): void;
  /** "Open call plan" was followed on a card. */
  onOpenPlan(): void;
}

export interface Decorator {
  /** Makes the badges under `roots` match the links found there now; links no longer found lose theirs. */
  reconcile(roots: ReadonlySet<Node>, found: readonly OpportunityLink[]): void;
  /**
   * Renders the badges of these ids again (their summaries arrived or changed), and draws those
   * of links that came near the viewport.
   */
  draw(opportunityIds: ReadonlySet<string>): void;
  /** Drops every link that left the document or that `keep` no longer wants. */
  sweep(keep: (link: Element) => boolean): void;
  /** The ids of every link being decorated (an id shown by several links comes once per link). */
  opportunityIds(): string[];
  /** Removes every badge. */
  clear(): void;
}

interface Tracked {
  opportunityId: string;
  host: HTMLElement | null;
}

/**
 * One badge right after each opportunity link, for the record the link shows now: a recycled
 * link's badge turns to its new record (or goes until that record's summary arrives), a badge
 * never doubles, and a badge whose link went goes too. Every link's record is asked for at
 * once; a badge is drawn when its link is near the viewport (a recycled link in view turns in
 * the same pass).
 */
export function createDecorator(options: DecoratorOptions): Decorator {
  const { document, source } = options;
  const tracked = new Map<Element, Tracked>();
  /**
   * Links within one screen of the viewport, its own scrolling lists included (`scrollMargin`
   * widens their clip as `rootMargin` widens the viewport's): a row's badge is drawn well before
   * the row scrolls in, and a 500-row list costs its first frame the rows on screen, not 500
   * cells laid out again.
   */
  const near = new WeakSet<Element>();
  const nearView = new IntersectionObserver(
    (entries) => {
      for (const { target, isIntersecting } of entries) {
        if (!isIntersecting) continue;
        near.add(target);
        // A link drawn once keeps its badge wherever it scrolls: nothing more to watch.
        nearView.unobserve(target);
      }
      options.onNear();
    },
    { rootMargin: '100%', scrollMargin: '100%' } as IntersectionObserverInit,
  );

  function track(link: Element, opportunityId: string): Tracked {
    const entry = tracked.get(link) ?? { opportunityId, host: null };
    entry.opportunityId = opportunityId;
    tracked.set(link, entry);
    return entry;
  }

  function untrack(link: Element): void {
    const entry = tracked.get(link);
    if (!entry) return;
    tracked.delete(link);
    nearView.unobserve(link);
    dropHost(entry);
  }

  function dropHost(entry: Tracked): void {
    if (!entry.host) return;
    entry.host.remove();
    entry.host = null;
  }

  function place(link: Element, entry: Tracked): void {
    const summary = source.summaryOf(entry.opportunityId);
    if (!near.has(link)) nearView.observe(link);
    if (!summary) {
      // Never a badge for the record this link showed before: none until this one's arrives.
      dropHost(entry);
      source.want([entry.opportunityId]);
      return;
    }
    if (!near.has(link)) return;
    entry.host ??= createBadgeHost(document, options.onOpenPlan);
    const host = entry.host;
    // Rendered before it goes in: a new badge's attributes and text then schedule no style work.
    renderBadge(host, entry.opportunityId, summary);
    if (host.previousSibling !== link) link.after(host);
    removeCopiesAfter(host);
  }

  return {
    reconcile(roots, found) {
      const seen = new Set<Element>();
      for (const { link, opportunityId } of found) {
        seen.add(link);
        place(link, track(link, opportunityId));
      }
      // A pass in which nothing changed looks at no root: nothing to climb for.
      if (roots.size === 0) return;
      const known = new Map<Node, boolean>();
      for (const link of [...tracked.keys()]) {
        if (!seen.has(link) && insideAny(roots, link, known)) untrack(link);
      }
    },
    draw(opportunityIds) {
      for (const [link, entry] of [...tracked]) {
        if (!opportunityIds.has(entry.opportunityId) && (entry.host || !near.has(link))) continue;
        if (link.isConnected) place(link, entry);
        else untrack(link);
      }
    },
    sweep(keep) {
      for (const link of [...tracked.keys()]) if (!link.isConnected || !keep(link)) untrack(link);
    },
    opportunityIds: () => [...tracked.values()].map((entry) => entry.opportunityId),
    clear() {
      for (const link of [...tracked.keys()]) untrack(link);
    },
  };
}

/** A row Lightning cloned carries a shell of our badge (shadow roots are not cloned): it goes. */
function removeCopiesAfter(host: Element): void {
  for (let next = host.nextElementSibling; next && isOwnHost(next); next = host.nextElementSibling) next.remove();
}
