import { browser } from 'wxt/browser';
import { PrecallError, request } from '../../lib/messaging/client';
import { isSignInFailureCode, signInAdvice } from '../../lib/salesforce/sign-in/sign-in-messages';

/**
 * Where Salesforce's OAuth redirect lands, in a normal tab: hands the code and state to the
 * worker (which holds the verifier) and says how it went. Never acts inside a frame.
 */
async function finish(result: HTMLElement): Promise<void> {
  const callbackUrl = location.href;
  // The code is single-use and means nothing once exchanged: keep it out of the history.
  history.replaceState(null, '', location.pathname);
  const heading = document.createElement('h1');
  const detail = document.createElement('p');
  try {
    const account = await request((message) => browser.runtime.sendMessage(message), 'oauth:complete', {
      callbackUrl,
    });
    heading.textContent = `Signed in as ${account.displayName}`;
    detail.textContent = `Precall now reaches ${account.apiOrigin} as ${account.userName} through OAuth. You can close this tab.`;
  } catch (error) {
    heading.textContent = 'Salesforce did not sign you in';
    const code = error instanceof PrecallError ? error.code : '';
    detail.textContent = isSignInFailureCode(code)
      ? `${(error as Error).message}. ${signInAdvice(code).steps.join(' ')}`
      : (error as Error).message;
  }
  heading.setAttribute('data-oauth-result', heading.textContent ?? '');
  result.replaceChildren(heading, detail);
}

const result = document.getElementById('result');
if (result && window.top === window) void finish(result);
