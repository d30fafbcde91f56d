/**
 * HTML of the stand-in hosted UI: the sign-in page, the social-provider stand-in and the error page.
 * Everything echoed is HTML-escaped. Markup is minimal and labelled so Playwright can drive it by role.
 */
import type { AuthorizeRequest } from './authorizeRequest';

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

function page(title: string, body: string): string {
  return [
    '<!doctype html>',
    '<html lang="en">',
    `<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title></head>`,
    `<body><main>${body}<p><small>Test stand-in for the Amazon Cognito hosted UI.</small></p></main></body>`,
    '</html>',
  ].join('\n');
}

function errorBlock(error: string | undefined): string {
  return error === undefined ? '' : `<p role="alert" id="error" class="error">${escapeHtml(error)}</p>`;
}

function hiddenFields(request: AuthorizeRequest): string {
  return Object.entries(request.carried)
    .map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`)
    .join('\n');
}

function authorizeHref(request: AuthorizeRequest, provider: string): string {
  const params = new URLSearchParams({ ...request.carried, identity_provider: provider });
  params.delete('idp_identifier');
  return escapeHtml(`/oauth2/authorize?${params.toString()}`);
}

export function signInPage(request: AuthorizeRequest, providers: string[], error?: string): string {
  const links = providers.map((p) => `<li><a href="${authorizeHref(request, p)}">Continue with ${escapeHtml(p)}</a></li>`).join('\n');
  return page(
    'Sign in',
    `<h1>Sign in</h1>
${errorBlock(error)}
<form method="post" action="/login">
${hiddenFields(request)}
<p><label for="username">Username</label>
<input id="username" name="username" type="text" autocomplete="username" required value="${escapeHtml(request.loginHint ?? '')}"></p>
<p><label for="password">Password</label>
<input id="password" name="password" type="password" autocomplete="current-password" required></p>
<p><button type="submit">Sign in</button></p>
</form>
${links ? `<nav aria-label="Other sign-in options"><ul>\n${links}\n</ul></nav>` : ''}`,
  );
}

/** Stands in for Google/Facebook/…: whoever types an email is that provider's user. */
export function federatedPage(request: AuthorizeRequest, provider: string, error?: string): string {
  const name = escapeHtml(provider);
  return page(
    `Sign in with ${provider}`,
    `<h1>Sign in with ${name}</h1>
${errorBlock(error)}
<form method="post" action="/login">
${hiddenFields(request)}
<p><label for="email">${name} email</label>
<input id="email" name="email" type="email" autocomplete="email" required value="${escapeHtml(request.loginHint ?? '')}"></p>
<p><button type="submit">Continue as ${name} user</button></p>
</form>`,
  );
}

export function errorPage(error: string, description: string): string {
  return page('Error', `<h1>An error was encountered with the requested page.</h1>\n<p role="alert" id="error" class="error">${escapeHtml(`${error}: ${description}`)}</p>`);
}
