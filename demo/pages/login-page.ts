import type { DemoUser } from '../org/types';
import { escapeHtml } from './escape-html';

/**
 * The sign-in page. Like Salesforce's it posts `username` to `/login`; the demo needs no
 * password, so each demo user is one button.
 */
export function loginPage(users: DemoUser[], returnUrl: string, error?: string): string {
  const buttons = users
    .map(
      (
        u,
      ) => `<li><button class="login-user slds-button" type="submit" name="username" value="${escapeHtml(u.Username)}">
          <span class="login-user__name">${escapeHtml(u.Name)}</span>
          <span class="login-user__title">${escapeHtml(u.Title)} · ${escapeHtml(roleLabel(u))}</span>
        </button></li>`,
    )
    .join('\n');
  const message = error ? `<div id="error" class="loginError" role="alert">${escapeHtml(error)}</div>` : '';
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Login | Salesforce</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="/demo-ui/static/login.css">
</head>
<body class="loginPage">
<div id="wrapper">
  <div id="logo_wrapper"><span class="login-logo">Precall demo org</span></div>
  <div id="content" class="login-card">
    <h1>Log in as</h1>
    ${message}
    <form id="login_form" name="login" method="post" action="/login">
      <input type="hidden" name="retURL" value="${escapeHtml(returnUrl)}">
      <ul class="login-users">
${buttons}
      </ul>
    </form>
    <p class="login-note">A local stand-in for Salesforce: no password is needed.</p>
  </div>
</div>
</body>
</html>
`;
}

function roleLabel(user: DemoUser): string {
  return { rep: 'Sales rep', manager: 'Sales manager', admin: 'Administrator' }[user.role];
}
