export interface PanelMessageProps {
  message: string;
  /** Offered when trying again can help (the background was busy, the network was down). */
  onRetry?(): void;
}

export function PanelMessage({ message, onRetry }: PanelMessageProps) {
  return (
    <div className="panel-message">
      <p>{message}</p>
      {onRetry && (
        <button type="button" className="button" onClick={onRetry}>
          Retry
        </button>
      )}
    </div>
  );
}
