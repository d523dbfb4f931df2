import type { CallPlan } from '../lib/model/call-plan';
import { type QualificationLevel, qualificationDimensions, qualificationLevels } from '../lib/model/picklists';
import { SelectField } from './select-field';

type Qualification = Pick<CallPlan, 'need' | 'budget' | 'decisionProcess' | 'timing'>;

export interface QualificationFieldsProps {
  qualification: Qualification;
  onChange(patch: Partial<Qualification>): void;
  onBlur(): void;
}

export function QualificationFields({ qualification, onChange, onBlur }: QualificationFieldsProps) {
  return (
    <div className="qualification-grid">
      {qualificationDimensions.map(({ key, label }) => (
        <SelectField<QualificationLevel>
          key={key}
          label={label}
          value={qualification[key]}
          options={qualificationLevels}
          onBlur={onBlur}
          onChange={(value) => {
            if (value) onChange({ [key]: value });
          }}
        />
      ))}
    </div>
  );
}
