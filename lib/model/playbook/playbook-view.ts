import type { CuratedObjectionFigure } from './curated-objection-figures';
import type { CuratedObjection, OrgStage, PlaybookBundle } from './playbook';
import type { AdherenceReport } from './playbook-adherence';
import type { StageRequirements } from './stage-requirements';

/** The playbook page's data: the playbook to show, whether this user may edit it, and its sync. */
export interface PlaybookView {
  /** A manager's own playbook, or the one a rep works by; null when there is none yet. */
  bundle: PlaybookBundle | null;
  /** Managers edit their own team's playbook; reps and others read. */
  canEdit: boolean;
  /** Who owns the playbook shown (its manager's name when known). */
  ownerName: string | null;
  /** For a manager without a playbook: the org's default, to start from. */
  startFrom: PlaybookBundle | null;
  orgStages: OrgStage[];
  /** Keys of playbook stages no longer among the org's stages (renamed or removed). */
  orphanedStageKeys: string[];
  sync: { waiting: number; refused: { table: string; key: string; message: string }[] };
}

/** What the panel needs on one opportunity: its stage's requirements and the curated objections. */
export interface OpportunityPlaybook {
  playbookName: string | null;
  stageName: string | null;
  requirements: StageRequirements | null;
  curatedObjections: CuratedObjection[];
}

export interface AdherenceView {
  playbookName: string | null;
  report: AdherenceReport;
  objections: CuratedObjectionFigure[];
  repNames: Record<string, string>;
}
