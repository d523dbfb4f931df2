import { describe, expect, it, vi } from 'vitest';
import type { PageFeature } from '../../../lib/features/page-feature';
import { createFeatureRunner } from '../../../lib/features/run-features';

const url = (path: string) => new URL(`https://acme.lightning.force.com${path}`);

function recordingFeature(name: string, applies: (u: URL) => boolean, follows = false) {
  const log: string[] = [];
  const feature: PageFeature = {
    name,
    appliesTo: applies,
    start(u, signal) {
      log.push(`start ${u.pathname}`);
      signal.addEventListener('abort', () => log.push(`stop ${u.pathname}`));
      return follows ? { follow: (next) => log.push(`follow ${next.pathname}`) } : undefined;
    },
  };
  return { feature, log };
}

const onRecord = (u: URL) => u.pathname.startsWith('/lightning/r/');

describe('createFeatureRunner', () => {
  it('starts a feature where it applies and stops it when the user leaves', () => {
    const { feature, log } = recordingFeature('panel', onRecord);
    const navigate = createFeatureRunner([feature], new AbortController().signal);
    navigate(url('/lightning/page/home'));
    navigate(url('/lightning/r/Opportunity/A/view'));
    navigate(url('/lightning/o/Opportunity/list'));
    expect(log).toEqual(['start /lightning/r/Opportunity/A/view', 'stop /lightning/r/Opportunity/A/view']);
  });

  it('lets a feature follow between pages it applies to instead of restarting', () => {
    const { feature, log } = recordingFeature('panel', onRecord, true);
    const navigate = createFeatureRunner([feature], new AbortController().signal);
    navigate(url('/lightning/r/Opportunity/A/view'));
    navigate(url('/lightning/r/Opportunity/B/view'));
    expect(log).toEqual(['start /lightning/r/Opportunity/A/view', 'follow /lightning/r/Opportunity/B/view']);
  });

  it('restarts a feature that cannot follow', () => {
    const { feature, log } = recordingFeature('panel', onRecord);
    const navigate = createFeatureRunner([feature], new AbortController().signal);
    navigate(url('/lightning/r/Opportunity/A/view'));
    navigate(url('/lightning/r/Opportunity/B/view'));
    expect(log).toEqual([
      'start /lightning/r/Opportunity/A/view',
      'stop /lightning/r/Opportunity/A/view',
      'start /lightning/r/Opportunity/B/view',
    ]);
  });

  it('ignores the same URL reported twice (polling and navigation events)', () => {
    const { feature, log } = recordingFeature('panel', onRecord);
    const navigate = createFeatureRunner([feature], new AbortController().signal);
    navigate(url('/lightning/r/Opportunity/A/view'));
    navigate(url('/lightning/r/Opportunity/A/view'));
    expect(log).toHaveLength(1);
  });

  it('keeps the other features running when one throws', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const broken: PageFeature = {
      name: 'broken',
      appliesTo: () => true,
      start: () => {
        throw new Error('boom');
      },
    };
    const { feature, log } = recordingFeature('panel', onRecord);
    const navigate = createFeatureRunner([broken, feature], new AbortController().signal);
    navigate(url('/lightning/r/Opportunity/A/view'));
    expect(log).toEqual(['start /lightning/r/Opportunity/A/view']);
    expect(error).toHaveBeenCalledWith('Precall: broken failed', expect.any(Error));
    error.mockRestore();
  });

  it('stops everything when the content script is invalidated', () => {
    const { feature, log } = recordingFeature('panel', onRecord);
    const controller = new AbortController();
    const navigate = createFeatureRunner([feature], controller.signal);
    navigate(url('/lightning/r/Opportunity/A/view'));
    controller.abort();
    navigate(url('/lightning/r/Opportunity/B/view'));
    expect(log).toEqual(['start /lightning/r/Opportunity/A/view', 'stop /lightning/r/Opportunity/A/view']);
  });
});
