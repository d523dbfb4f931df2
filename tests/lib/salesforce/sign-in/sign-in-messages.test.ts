import { describe, expect, it } from 'vitest';
import type { SignInFailureCode } from '../../../../lib/messaging/protocol';
import { isSignInFailureCode, signInAdvice, signInTitles } from '../../../../lib/salesforce/sign-in/sign-in-messages';

const codes = Object.keys(signInTitles) as SignInFailureCode[];

describe('sign-in advice', () => {
  it('knows exactly the failure codes it has titles for', () => {
    for (const code of codes) expect(isSignInFailureCode(code)).toBe(true);
    for (const other of ['offline', 'expired', 'toString', '']) expect(isSignInFailureCode(other)).toBe(false);
  });

  it.each(codes)('for %s says who acts, what to do, and under the same title', (code) => {
    const advice = signInAdvice(code, 'chrome-extension://precall/oauth.html');
    expect(advice.title).toBe(signInTitles[code]);
    expect(advice.steps.length).toBeGreaterThan(1);
    for (const step of advice.steps) expect(step.length).toBeGreaterThan(20);
  });

  it('tells the admin the callback URL to register, or where to find it', () => {
    const told = signInAdvice('api-access-control', 'chrome-extension://precall/oauth.html');
    expect(told.steps[2]).toContain('callback URL chrome-extension://precall/oauth.html, PKCE required');
    expect(signInAdvice('api-access-control').steps[2]).toContain("callback URL shown in Precall's options, PKCE");
  });

  it('words every code’s advice as shown', () => {
    expect(codes.map((code) => signInAdvice(code, 'chrome-extension://precall/oauth.html'))).toMatchInlineSnapshot(`
      [
        {
          "action": "open-salesforce",
          "steps": [
            "Precall uses the Salesforce sign-in of this browser, and it has ended (or never started here).",
            "Sign in to Salesforce in a tab, then come back: nothing to delete, nothing to set up.",
          ],
          "title": "Open Salesforce in a tab to sign in",
          "who": "rep",
        },
        {
          "action": "oauth",
          "steps": [
            "API Access Control is on in your org, so Salesforce refuses the browser session to apps it has not approved.",
            "In Precall's options, enter your org's consumer key and sign in with Salesforce (OAuth).",
            "For your admin: in Setup, create an External Client App for Precall with OAuth scopes "api" and "refresh_token", callback URL chrome-extension://precall/oauth.html, PKCE required and "Require secret for Web Server Flow" off; approve it for Precall users (API Access Control) and send them its consumer key and login URL.",
          ],
          "title": "Your org lets only approved apps use the Salesforce API: sign in to Precall with OAuth",
          "who": "admin",
        },
        {
          "steps": [
            "Salesforce answered API_CURRENTLY_DISABLED: your user may not call the API.",
            "For your admin: grant "API Enabled" (System Permissions) through your profile or the Precall User permission set.",
          ],
          "title": "The Salesforce API is turned off for your user: ask your admin for the "API Enabled" permission",
          "who": "admin",
        },
        {
          "steps": [
            "Salesforce answered API_DISABLED_FOR_ORG: this edition has no API.",
            "For your admin: Precall needs Enterprise, Unlimited, Performance or Developer Edition, or Professional Edition with API access added.",
          ],
          "title": "Your org's Salesforce edition does not include API access, which Precall needs",
          "who": "admin",
        },
        {
          "steps": [
            "Salesforce does not show you the Call_Plan__c and Call_Plan_Objection__c objects: the Precall package is not deployed here, or you lack its permission set.",
            "For your admin: deploy the package in salesforce/ and assign "Precall User" to reps ("Precall Manager" to their managers).",
            "Plans you write stay in this browser until then.",
          ],
          "title": "Precall's objects are not visible to you in this org: ask your admin to assign you the "Precall User" permission set",
          "who": "admin",
        },
        {
          "action": "retry",
          "steps": [
            "This Salesforce session has not been confirmed by Salesforce yet, and Salesforce cannot be reached.",
            "Precall will not guess whose plans to open: reconnect, then retry. Everyone's plans stay on this device.",
          ],
          "title": "Precall can't confirm who you are offline",
          "who": "rep",
        },
      ]
    `);
  });
});
