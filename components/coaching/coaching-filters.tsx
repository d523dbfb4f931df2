import { useId } from 'react';

export interface CoachingFilterValue {
  /** null: the whole team. */
  repId: string | null;
  preset: string;
  from: string;
  to: string;
}

export interface CoachingFiltersProps {
  value: CoachingFilterValue;
  /** Empty for a rep, who sees only their own numbers. */
  team: { id: string; name: string }[];
  presets: { id: string; label: string }[];
  /** Why the dates cannot be used, shown beside them. */
  periodError: string | null;
  onChange(value: CoachingFilterValue): void;
}

/** Rep or team, and the period: a preset or chosen dates. */
export function CoachingFilters({ value, team, presets, periodError, onChange }: CoachingFiltersProps) {
  const id = useId();
  return (
    <form className="coaching-filters" aria-label="Filters" onSubmit={(event) => event.preventDefault()}>
      {team.length > 1 ? (
        <div className="field">
          <label htmlFor={`${id}-rep`}>Rep</label>
          <select
            id={`${id}-rep`}
            value={value.repId ?? ''}
            onChange={(event) => onChange({ ...value, repId: event.target.value || null })}
          >
            <option value="">Whole team</option>
            {team.map((rep) => (
              <option key={rep.id} value={rep.id}>
                {rep.name}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <div className="field">
        <label htmlFor={`${id}-period`}>Period</label>
        <select
          id={`${id}-period`}
          value={value.preset}
          onChange={(event) => onChange({ ...value, preset: event.target.value })}
        >
          {presets.map((preset) => (
            <option key={preset.id} value={preset.id}>
              {preset.label}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-from`}>From</label>
        <input
          id={`${id}-from`}
          type="date"
          value={value.from}
          aria-invalid={periodError !== null}
          aria-describedby={periodError ? `${id}-error` : undefined}
          onChange={(event) => onChange({ ...value, preset: 'custom', from: event.target.value })}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-to`}>To</label>
        <input
          id={`${id}-to`}
          type="date"
          value={value.to}
          aria-invalid={periodError !== null}
          aria-describedby={periodError ? `${id}-error` : undefined}
          onChange={(event) => onChange({ ...value, preset: 'custom', to: event.target.value })}
        />
      </div>
      {periodError ? (
        <p id={`${id}-error`} className="field-error" role="alert">
          {periodError}
        </p>
      ) : null}
    </form>
  );
}
