/**
 * Test-only driver for the stand-in hosted UI without a browser: GET the authorize URL, fill the form,
 * POST /login without following the redirect, return where the hosted UI sends the user.
 */

export type HostedUiCredentials = { username: string; password: string } | { email: string };

const ENTITIES: Readonly<Record<string, string>> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };

function unescapeHtml(text: string): string {
  return text.replace(/&(?:amp|lt|gt|quot|#39);/g, (entity) => ENTITIES[entity] ?? entity);
}

function attribute(tag: string, name: string): string | undefined {
  const match = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return match?.[1] === undefined ? undefined : unescapeHtml(match[1]);
}

/** The error text a page shows (`role="alert"`), or its <h1>. */
function pageError(html: string): string {
  const alert = /<p role="alert"[^>]*>([\s\S]*?)<\/p>/.exec(html)?.[1] ?? /<h1>([\s\S]*?)<\/h1>/.exec(html)?.[1];
  return alert === undefined ? html.slice(0, 200) : unescapeHtml(alert);
}

/** An absolute Location as sent (custom schemes and exact callback strings kept); relative ones resolved. */
function absolute(location: string, base: string): string {
  return /^[a-z][a-z0-9+.-]*:/i.test(location) ? location : new URL(location, base).toString();
}

/**
 * Signs in through the hosted UI at `authorizeUrl` and returns the callback URL (with `?code=&state=`,
 * or `#access_token=…` for the implicit flow, or `?error=` when the request itself was refused). An
 * existing session (cookie) is never sent, so the form is always shown. Throws with the page's error text
 * when the page or the sign-in is refused.
 */
export async function completeHostedUi(authorizeUrl: string, credentials: HostedUiCredentials): Promise<string> {
  const pageResponse = await fetch(authorizeUrl, { redirect: 'manual' });
  const pageLocation = pageResponse.headers.get('location');
  if (pageResponse.status >= 300 && pageResponse.status < 400 && pageLocation) return absolute(pageLocation, authorizeUrl);
  const html = await pageResponse.text();
  if (pageResponse.status !== 200) throw new Error(`Hosted UI refused the authorize request (HTTP ${pageResponse.status}): ${pageError(html)}`);

  const formTag = /<form\b[^>]*>/.exec(html)?.[0];
  if (!formTag) throw new Error('Hosted UI page has no sign-in form');
  const body = new URLSearchParams();
  for (const [input] of html.matchAll(/<input\b[^>]*>/g)) {
    const name = attribute(input, 'name');
    if (attribute(input, 'type') === 'hidden' && name !== undefined) body.append(name, attribute(input, 'value') ?? '');
  }
  const federated = /\bname="email"/.test(html);
  if ('email' in credentials) {
    if (!federated) throw new Error('Hosted UI shows the username/password page; pass { username, password } (or set identity_provider)');
    body.set('email', credentials.email);
  } else {
    if (federated) throw new Error('Hosted UI shows a social-provider page; pass { email }');
    body.set('username', credentials.username);
    body.set('password', credentials.password);
  }

  const action = new URL(attribute(formTag, 'action') ?? '/login', authorizeUrl).toString();
  const response = await fetch(action, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: body.toString(),
    redirect: 'manual',
  });
  const location = response.headers.get('location');
  if (response.status >= 300 && response.status < 400 && location) return absolute(location, action);
  throw new Error(`Hosted UI sign-in failed (HTTP ${response.status}): ${pageError(await response.text())}`);
}
