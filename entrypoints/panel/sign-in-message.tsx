import type { SignInFailureCode } from '../../lib/messaging/protocol';
import { signInAdvice } from '../../lib/salesforce/sign-in/sign-in-messages';

export interface SignInMessageProps {
  code: SignInFailureCode;
  /** The Salesforce page the panel is framed into: where "open Salesforce" leads. */
  origin: string;
  onRetry(): void;
  onOpenOptions(): void;
}

/** Why nobody is signed in, in words a rep can act on or forward to their admin. */
export function SignInMessage({ code, origin, onRetry, onOpenOptions }: SignInMessageProps) {
  const advice = signInAdvice(code);
  return (
    <div className="panel-message" role="alert" data-sign-in-outcome={code}>
      <p>
        <strong>{advice.title}</strong>
      </p>
      <ul className="field-hint">
        {advice.steps.map((step) => (
          <li key={step}>{step}</li>
        ))}
      </ul>
      {advice.action === 'open-salesforce' && (
        <a className="button" href={`${origin}/`} target="_blank" rel="noopener">
          Open Salesforce
        </a>
      )}
      {advice.action === 'oauth' && (
        <button type="button" className="button" onClick={onOpenOptions}>
          Sign in with OAuth
        </button>
      )}
      <button type="button" className="button" onClick={onRetry}>
        Retry
      </button>
    </div>
  );
}
