import {
  type CuratedObjection,
  newCuratedObjection,
  newPlaybookStage,
  type OrgStage,
  type PlaybookBundle,
  type PlaybookStage,
  playbookLimits,
  stageKeyOf,
} from '../../lib/model/playbook/playbook';
import { TextField } from '../text-field';
import { CuratedObjectionsEditor } from './curated-objections-editor';
import { StageEditor } from './stage-editor';

export interface PlaybookEditorProps {
  bundle: PlaybookBundle;
  /** The org's stages in the picklist's order (from the Opportunity describe). */
  orgStages: readonly OrgStage[];
  orphanedStageKeys: readonly string[];
  readOnly: boolean;
  /** Field path in the bundle (`stages.0.guidance`) → message. */
  errors: Record<string, string>;
  onChange(bundle: PlaybookBundle): void;
  onBlur(path: string): void;
  newKey?: () => string;
}

/**
 * The team playbook, stage by stage in the org's order: what a plan must hold before the call,
 * the guidance, and the curated objections with their responses. Reps see the same read-only.
 */
export function PlaybookEditor({
  bundle,
  orgStages,
  orphanedStageKeys,
  readOnly,
  errors,
  onChange,
  onBlur,
  newKey = () => crypto.randomUUID(),
}: PlaybookEditorProps) {
  const { playbook, stages, objections } = bundle;
  const stageNames = orgStages.length > 0 ? orgStages.map((s) => s.value) : stages.map((s) => s.stageName);
  const stageIndexOf = (name: string) => stages.findIndex((s) => stageKeyOf(s.stageName) === stageKeyOf(name));
  const errorsUnder = (prefix: string) =>
    Object.fromEntries(
      Object.entries(errors)
        .filter(([path]) => path.startsWith(`${prefix}.`))
        .map(([path, message]) => [path.slice(prefix.length + 1), message]),
    );
  const objectionErrors = Object.fromEntries(
    objections.map((o, index) => [o.objectionKey, errorsUnder(`objections.${index}`)]),
  );

  const setStage = (index: number, stage: PlaybookStage) =>
    onChange({ ...bundle, stages: stages.map((s, i) => (i === index ? stage : s)) });
  const addStage = (stageName: string) =>
    onChange({ ...bundle, stages: [...stages, newPlaybookStage(playbook.playbookKey, stageName, newKey)] });
  const removeStage = (index: number) => onChange({ ...bundle, stages: stages.filter((_, i) => i !== index) });
  const setObjection = (objection: CuratedObjection) =>
    onChange({
      ...bundle,
      objections: objections.map((o) => (o.objectionKey === objection.objectionKey ? objection : o)),
    });
  const removeObjection = (key: string) =>
    onChange({ ...bundle, objections: objections.filter((o) => o.objectionKey !== key) });
  const addObjection = (stageName: string) =>
    onChange({
      ...bundle,
      objections: [
        ...objections,
        { ...newCuratedObjection(playbook.playbookKey, objections.length, newKey), stageName },
      ],
    });
  const objectionsAt = (stageName: string) =>
    objections.filter((o) =>
      stageName === '' ? o.stageName.trim() === '' : stageKeyOf(o.stageName) === stageKeyOf(stageName),
    );
  const objectionList = (stageName: string) => (
    <CuratedObjectionsEditor
      objections={objectionsAt(stageName)}
      readOnly={readOnly}
      errors={objectionErrors}
      onChange={setObjection}
      onBlur={(key, field) => onBlur(`objections.${objections.findIndex((o) => o.objectionKey === key)}.${field}`)}
      onRemove={removeObjection}
      onAdd={() => addObjection(stageName)}
    />
  );

  return (
    <div className="playbook-editor">
      {readOnly ? (
        <h2>{playbook.name}</h2>
      ) : (
        <TextField
          label="Playbook name"
          value={playbook.name}
          required
          limit={playbookLimits.name}
          error={errors['playbook.name']}
          onBlur={() => onBlur('playbook.name')}
          onChange={(name) => onChange({ ...bundle, playbook: { ...playbook, name } })}
        />
      )}
      {stageNames.map((stageName) => {
        const index = stageIndexOf(stageName);
        const stage = stages[index];
        return (
          <section key={stageName} className="playbook-stage-section" aria-label={stageName}>
            <h3>{stageName}</h3>
            {stage ? (
              <StageEditor
                stage={stage}
                readOnly={readOnly}
                errors={errorsUnder(`stages.${index}`)}
                onChange={(next) => setStage(index, next)}
                onBlur={(field) => onBlur(`stages.${index}.${field}`)}
                onRemove={() => removeStage(index)}
              />
            ) : (
              <p className="muted">
                Nothing asked at this stage beyond earlier stages.{' '}
                {!readOnly && (
                  <button type="button" className="button" onClick={() => addStage(stageName)}>
                    Add requirements for {stageName}
                  </button>
                )}
              </p>
            )}
            <h4>Curated objections at {stageName}</h4>
            {objectionList(stageName)}
          </section>
        );
      })}
      {stages
        .map((stage, index) => ({ stage, index }))
        .filter(({ stage }) => orphanedStageKeys.includes(stage.stageKey))
        .map(({ stage, index }) => (
          <section key={stage.stageKey} className="playbook-stage-section playbook-orphan" aria-label={stage.stageName}>
            <h3>{stage.stageName}</h3>
            <p role="note">
              "{stage.stageName}" is no longer a stage in Salesforce (renamed or removed). Plans are not checked against
              it until it names a stage again.
            </p>
            {!readOnly && (
              <label>
                Move its requirements to{' '}
                <select
                  value=""
                  onChange={(event) =>
                    event.target.value && setStage(index, { ...stage, stageName: event.target.value })
                  }
                >
                  <option value="">Choose a stage…</option>
                  {stageNames
                    .filter((name) => stageIndexOf(name) < 0)
                    .map((name) => (
                      <option key={name} value={name}>
                        {name}
                      </option>
                    ))}
                </select>
              </label>
            )}
          </section>
        ))}
      <section className="playbook-stage-section" aria-label="Every stage">
        <h3>Curated objections at every stage</h3>
        {objectionList('')}
      </section>
    </div>
  );
}
