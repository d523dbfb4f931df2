export interface PanelMessageProps {
  message: string;
  /** What the background said, when it adds something (an expired session, say). */
  detail?: string;
  /** Offered when trying again can help (the background was busy, the network was down). */
  onRetry?(): void;
}

export function PanelMessage({ message, detail, onRetry }: PanelMessageProps) {
  return (
    <div className="panel-message">
      <p>{message}</p>
      {detail && <p className="field-hint">{detail}</p>}
      {onRetry && (
        <button type="button" className="button" onClick={onRetry}>
          Retry
        </button>
      )}
    </div>
  );
}
