import { type DragEvent, type KeyboardEvent, useState } from 'react';
import type { FieldErrors, Objection } from '../lib/model/call-plan';
import { fieldLimits } from '../lib/model/field-limits';
import { TextField } from './text-field';

/** An objection with its position among all of the plan's objections (error paths use it). */
export interface IndexedObjection {
  objection: Objection;
  index: number;
}

export interface ObjectionActions {
  onAdd(expected: boolean): void;
  onChange(objectionKey: string, patch: Partial<Objection>): void;
  onMove(objectionKey: string, delta: -1 | 1): void;
  /** A drag ended at `position` in this list. */
  onMoveTo?(objectionKey: string, position: number): void;
  onRemove(objectionKey: string): void;
  onBlur(): void;
}

export interface ObjectionListProps {
  /** The expected objections only, in order. */
  objections: readonly IndexedObjection[];
  errors: FieldErrors;
  actions: ObjectionActions;
}

const dragType = 'application/x-precall-objection';

/**
 * Compact rows: the objection and its planned response side by side, icon buttons named for
 * assistive technology, reordered by drag, by the arrow buttons or by Alt+Up / Alt+Down.
 */
export function ObjectionList({ objections, errors, actions }: ObjectionListProps) {
  const [dropAt, setDropAt] = useState<number | null>(null);
  const onKeyDown = (event: KeyboardEvent, objectionKey: string) => {
    if (!event.altKey || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown')) return;
    event.preventDefault();
    actions.onMove(objectionKey, event.key === 'ArrowUp' ? -1 : 1);
  };
  const onDrop = (event: DragEvent, position: number) => {
    const key = event.dataTransfer.getData(dragType);
    setDropAt(null);
    if (!key) return;
    event.preventDefault();
    actions.onMoveTo?.(key, position);
  };
  return (
    <div className="objection-list">
      {objections.length > 0 && (
        <ol>
          {objections.map(({ objection, index }, position) => {
            const name = objection.objection.trim() || `objection ${position + 1}`;
            return (
              <li
                key={objection.objectionKey}
                className={dropAt === position ? 'objection-row objection-row-drop' : 'objection-row'}
                data-objection-row=""
                onDragOver={(event) => {
                  if (!event.dataTransfer.types.includes(dragType)) return;
                  event.preventDefault();
                  setDropAt(position);
                }}
                onDragLeave={() => setDropAt(null)}
                onDrop={(event) => onDrop(event, position)}
                onKeyDown={(event) => onKeyDown(event, objection.objectionKey)}
              >
                <span
                  className="drag-handle"
                  draggable
                  title="Drag to reorder (or Alt+Up / Alt+Down)"
                  aria-hidden="true"
                  onDragStart={(event) => {
                    event.dataTransfer.setData(dragType, objection.objectionKey);
                    event.dataTransfer.effectAllowed = 'move';
                  }}
                >
                  ⋮⋮
                </span>
                <div className="objection-fields">
                  <TextField
                    label={`Objection ${position + 1}`}
                    required
                    value={objection.objection}
                    limit={fieldLimits.objection}
                    error={errors[`objections.${index}.objection`]}
                    onChange={(value) => actions.onChange(objection.objectionKey, { objection: value })}
                    onBlur={actions.onBlur}
                  />
                  <TextField
                    label="Planned response"
                    multiline
                    rows={1}
                    value={objection.response}
                    limit={fieldLimits.response}
                    error={errors[`objections.${index}.response`]}
                    onChange={(value) => actions.onChange(objection.objectionKey, { response: value })}
                    onBlur={actions.onBlur}
                  />
                </div>
                <div className="objection-actions">
                  <button
                    type="button"
                    className="button button-icon"
                    aria-label={`Move ${name} up`}
                    title="Move up (Alt+Up)"
                    disabled={position === 0}
                    onClick={() => actions.onMove(objection.objectionKey, -1)}
                  >
                    <span aria-hidden="true">↑</span>
                  </button>
                  <button
                    type="button"
                    className="button button-icon"
                    aria-label={`Move ${name} down`}
                    title="Move down (Alt+Down)"
                    disabled={position === objections.length - 1}
                    onClick={() => actions.onMove(objection.objectionKey, 1)}
                  >
                    <span aria-hidden="true">↓</span>
                  </button>
                  <button
                    type="button"
                    className="button button-icon button-destructive-text"
                    aria-label={`Remove ${name}`}
                    title="Remove"
                    onClick={() => actions.onRemove(objection.objectionKey)}
                  >
                    <span aria-hidden="true">✕</span>
                  </button>
                </div>
              </li>
            );
          })}
        </ol>
      )}
      <button type="button" className="button" onClick={() => actions.onAdd(true)}>
        Add expected objection
      </button>
    </div>
  );
}
