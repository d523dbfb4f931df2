import type { SignInFailureCode } from '../../messaging/protocol';

/**
 * The words for each sign-in outcome, shared by the panel and the options page: a title a rep
 * can act on, and the steps to take or to forward to their Salesforce admin. Pure, no zod, so
 * any page can import it.
 */
export interface SignInAdvice {
  title: string;
  steps: string[];
  /** Who can fix it: the rep themselves, or their Salesforce admin. */
  who: 'rep' | 'admin';
  /** What the page can offer beside the words. */
  action?: 'open-salesforce' | 'oauth' | 'retry';
}

export const signInTitles: Record<SignInFailureCode, string> = {
  'not-signed-in': 'Open Salesforce in a tab to sign in',
  'api-access-control': 'Your org lets only approved apps use the Salesforce API: sign in to Precall with OAuth',
  'api-disabled-for-user':
    'The Salesforce API is turned off for your user: ask your admin for the "API Enabled" permission',
  'api-disabled-for-org': "Your org's Salesforce edition does not include API access, which Precall needs",
  'objects-not-visible':
    'Precall\'s objects are not visible to you in this org: ask your admin to assign you the "Precall User" permission set',
  'identity-unconfirmed': "Precall can't confirm who you are offline",
};

/** Zod-free, so pages that only send messages can tell a sign-in failure from other errors. */
export function isSignInFailureCode(code: string): code is SignInFailureCode {
  return Object.hasOwn(signInTitles, code);
}

export function signInAdvice(code: SignInFailureCode, callbackUrl?: string): SignInAdvice {
  const title = signInTitles[code];
  switch (code) {
    case 'not-signed-in':
      return {
        title,
        who: 'rep',
        action: 'open-salesforce',
        steps: [
          'Precall uses the Salesforce sign-in of this browser, and it has ended (or never started here).',
          'Sign in to Salesforce in a tab, then come back: nothing to delete, nothing to set up.',
        ],
      };
    case 'api-access-control':
      return {
        title,
        who: 'admin',
        action: 'oauth',
        steps: [
          'API Access Control is on in your org, so Salesforce refuses the browser session to apps it has not approved.',
          "In Precall's options, enter your org's consumer key and sign in with Salesforce (OAuth).",
          'For your admin: in Setup, create an External Client App for Precall with OAuth scopes "api" and "refresh_token",' +
            ` callback URL ${callbackUrl ?? "shown in Precall's options"}, PKCE required and "Require secret for Web Server Flow" off;` +
            ' approve it for Precall users (API Access Control) and send them its consumer key and login URL.',
        ],
      };
    case 'api-disabled-for-user':
      return {
        title,
        who: 'admin',
        steps: [
          'Salesforce answered API_CURRENTLY_DISABLED: your user may not call the API.',
          'For your admin: grant "API Enabled" (System Permissions) through your profile or the Precall User permission set.',
        ],
      };
    case 'api-disabled-for-org':
      return {
        title,
        who: 'admin',
        steps: [
          'Salesforce answered API_DISABLED_FOR_ORG: this edition has no API.',
          'For your admin: Precall needs Enterprise, Unlimited, Performance or Developer Edition, or Professional Edition with API access added.',
        ],
      };
    case 'objects-not-visible':
      return {
        title,
        who: 'admin',
        steps: [
          'Salesforce does not show you the Call_Plan__c and Call_Plan_Objection__c objects: the Precall package is not deployed here, or you lack its permission set.',
          'For your admin: deploy the package in salesforce/ and assign "Precall User" to reps ("Precall Manager" to their managers).',
          'Plans you write stay in this browser until then.',
        ],
      };
    case 'identity-unconfirmed':
      return {
        title,
        who: 'rep',
        action: 'retry',
        steps: [
          'This Salesforce session has not been confirmed by Salesforce yet, and Salesforce cannot be reached.',
          "Precall will not guess whose plans to open: reconnect, then retry. Everyone's plans stay on this device.",
        ],
      };
  }
}
