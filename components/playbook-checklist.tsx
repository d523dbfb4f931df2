import { qualificationDimensions } from '../lib/model/picklists';
import type { Readiness } from '../lib/model/playbook/plan-readiness';
import type { CuratedObjection } from '../lib/model/playbook/playbook';
import type { OpportunityPlaybook } from '../lib/model/playbook/playbook-view';
import type { QualificationFlag, QualificationStep } from '../lib/model/playbook/qualification-trail';

export interface PlaybookChecklistProps {
  playbook: OpportunityPlaybook;
  readiness: Readiness;
  /** The playbook's objections not yet in the plan, this stage's first. */
  suggestions: readonly CuratedObjection[];
  trail: readonly QualificationStep[];
  flags: readonly QualificationFlag[];
  onAddObjection(objection: CuratedObjection): void;
  formatDate(iso: string): string;
  /** The team playbook page. */
  playbookUrl?: string;
}

/**
 * The stage's guidance and what the playbook asks of the plan, checked as the rep writes. A plan
 * that is not ready is still saved: the playbook guides, it never blocks.
 */
export function PlaybookChecklist({
  playbook,
  readiness,
  suggestions,
  trail,
  flags,
  onAddObjection,
  formatDate,
  playbookUrl,
}: PlaybookChecklistProps) {
  const requirements = playbook.requirements;
  const stageName = playbook.stageName ?? 'this stage';
  return (
    <section className="playbook-checklist" aria-label="Playbook">
      <div className="playbook-checklist-head">
        <h3>Playbook at {stageName}</h3>
        {readiness.kind !== 'no-playbook' && (
          <p role="status" className={readiness.kind === 'ready' ? 'playbook-ready' : 'playbook-not-ready'}>
            {readiness.kind === 'ready'
              ? 'Ready for the call'
              : `Not ready: ${readiness.missing} of ${readiness.items.length} still to do`}
          </p>
        )}
      </div>
      {requirements?.match === 'renamed' && (
        <p className="field-hint">The playbook calls this stage "{requirements.playbookStageName}".</p>
      )}
      {requirements?.guidance && <p className="playbook-guidance">{requirements.guidance}</p>}
      {readiness.kind === 'no-playbook' ? (
        <p className="field-hint">
          {playbook.playbookName
            ? `${playbook.playbookName} asks nothing at ${stageName}.`
            : 'Your team has no playbook yet.'}
        </p>
      ) : (
        <ul className="playbook-items" aria-label="What the playbook asks before the call">
          {readiness.items.map((item) => (
            <li key={item.id} className={item.done ? 'done' : 'missing'}>
              <span aria-hidden="true">{item.done ? '✓' : '○'}</span> {item.label}
              {item.count !== undefined && ` (${item.count})`}
              {item.fromStage !== requirements?.playbookStageName && (
                <span className="field-hint"> · from {item.fromStage} on</span>
              )}
              <span className="visually-hidden">{item.done ? ': done' : ': missing'}</span>
            </li>
          ))}
        </ul>
      )}
      {suggestions.length > 0 && (
        <div className="playbook-suggestions">
          <h4>Objections from the playbook</h4>
          <ul>
            {suggestions.map((objection) => (
              <li key={objection.objectionKey}>
                <span>{objection.objection}</span>{' '}
                <button type="button" className="button" onClick={() => onAddObjection(objection)}>
                  Add "{objection.objection}"
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
      {trail.length > 0 && (
        <table className="qualification-trail">
          <caption>Qualification over time</caption>
          <thead>
            <tr>
              <th scope="col">Call</th>
              {qualificationDimensions.map(({ key, label }) => (
                <th scope="col" key={key}>
                  {label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {trail.map((step) => (
              <tr key={step.planKey}>
                <th scope="row">{formatDate(step.callAt)}</th>
                {qualificationDimensions.map(({ key }) => (
                  <td key={key} className={step.moved[key] ?? undefined}>
                    {step.levels[key]}
                    {step.moved[key] === 'better' && (
                      <span>
                        {' '}
                        ↑<span className="visually-hidden"> better</span>
                      </span>
                    )}
                    {step.moved[key] === 'worse' && (
                      <span>
                        {' '}
                        ↓<span className="visually-hidden"> worse</span>
                      </span>
                    )}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {playbookUrl && (
        <p>
          <a href={playbookUrl} target="_blank" rel="noreferrer">
            Open the team playbook
          </a>
        </p>
      )}
      {flags.length > 0 && (
        <ul className="qualification-flags" aria-label="Qualification to watch">
          {flags.map((flag) => (
            <li key={flag.dimension}>
              {flag.label} is {flag.level.toLowerCase()} at {flag.stageName}
              {flag.fromStage ? ` (the playbook wants it confirmed from ${flag.fromStage} on)` : ''}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
