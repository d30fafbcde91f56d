/** @jsxRuntime classic */
// Classic JSX on purpose: Storybook's manager bundles this view for its "Auth" panel with
// React.createElement and its own React, which has no jsx-runtime to import.
import * as React from 'react';
import type { CSSProperties, HTMLAttributes } from 'react';
import type { DevtoolsActions, DevtoolsSnapshot, TokenClaims } from './snapshot';

export interface AuthDevtoolsViewProps extends HTMLAttributes<HTMLElement> {
  /** What to show (from `DevtoolsCollector`, or Storybook's channel). */
  snapshot: DevtoolsSnapshot;
  /** What the buttons do; without it the buttons are left out. Default: none. */
  actions?: DevtoolsActions | undefined;
  /** Closes the panel; without it there is no close button. Default: none. */
  onClose?: (() => void) | undefined;
  /** The clock the expiry countdowns tick on (ms). Default: `Date.now`. */
  now?: () => number;
}

const CAUSES: Readonly<Record<string, string>> = /* @__PURE__ */ Object.freeze({
  timer: 'timer (due soon)',
  visible: 'tab shown again',
  read: 'due on read',
  forced: 'forced',
  restore: 'restored stale',
  retry: 'token refused by Cognito',
  expired: 'expired by devtools',
  otherTab: 'other tab',
});

/**
 * The devtools panel itself: a pure view of a snapshot (engine state and `nextStep`, decoded claims
 * with live expiry countdowns, refreshes with cause and outcome, Hub events, the cross-tab lock) and
 * two buttons. No token is ever in a snapshot: claims only, secrets masked.
 */
export function AuthDevtoolsView({ snapshot, actions, onClose, now = Date.now, style, ...rest }: AuthDevtoolsViewProps) {
  const time = useTicking(now);
  const { status, username, nextStep, error, tokens, refreshes, events, lock } = snapshot;
  return (
    <section aria-label="Auth devtools" data-crk-devtools="" style={{ ...PANEL, ...style }} {...rest}>
      <header style={ROW}>
        <h2 style={H2}>Auth devtools</h2>
        {actions && (
          <>
            <button type="button" onClick={actions.forceRefresh} disabled={status !== 'signedIn'}>
              Force refresh
            </button>
            <button type="button" onClick={actions.expireAccessToken} disabled={status !== 'signedIn'}>
              Expire access token
            </button>
          </>
        )}
        {onClose && (
          <button type="button" onClick={onClose} aria-label="Close auth devtools">
            ×
          </button>
        )}
      </header>
      <section aria-label="State">
        <h3 style={H3}>State</h3>
        <p>
          Status: <strong>{status}</strong>
          {username && <> · user {username}</>}
          {error && <> · error {error.name}: {error.message}</>}
        </p>
        <figure aria-label="Next step" style={{ margin: 0 }}>
          <pre style={PRE}>{nextStep ?? 'no next step'}</pre>
        </figure>
      </section>
      <section aria-label="Tokens">
        <h3 style={H3}>Tokens</h3>
        {tokens.length === 0 ? <p>No session.</p> : tokens.map((token) => <Claims key={token.token} token={token} time={time} />)}
      </section>
      <section aria-label="Refreshes">
        <h3 style={H3}>Refreshes</h3>
        {refreshes.length === 0 ? (
          <p>None yet.</p>
        ) : (
          <ol style={LIST}>
            {refreshes.map((refresh) => (
              <li key={refresh.id}>
                {clock(refresh.startedAt)} · {CAUSES[refresh.cause] ?? refresh.cause} · <strong>{refresh.outcome}</strong>
                {refresh.endedAt !== null && ` (${refresh.endedAt - refresh.startedAt} ms)`}
              </li>
            ))}
          </ol>
        )}
      </section>
      <section aria-label="Cross-tab lock">
        <h3 style={H3}>Cross-tab lock</h3>
        <p>{lock ? `${lockText(lock.holder)}${lock.waiting ? `, ${lock.waiting} waiting` : ''} (${lock.via})` : 'not known yet'}</p>
      </section>
      <section aria-label="Events">
        <h3 style={H3}>Events</h3>
        {events.length === 0 ? (
          <p>None yet.</p>
        ) : (
          <ol style={LIST}>
            {events.map((event) => (
              <li key={event.id}>
                {clock(event.at)} · <strong>{event.event}</strong> · {event.message}
                {event.detail && event.detail !== event.message && ` (${event.detail})`}
              </li>
            ))}
          </ol>
        )}
      </section>
    </section>
  );
}

function Claims({ token, time }: { token: TokenClaims; time: number }) {
  return (
    <details open aria-label={`${token.token} token claims`}>
      <summary>
        {token.token === 'id' ? 'ID token' : 'Access token'} · {token.expiresAt === null ? 'no expiry' : countdown(token.expiresAt - time)}
      </summary>
      <dl style={CLAIMS}>
        {token.claims.map(([name, value]) => (
          <div key={name} style={ROW}>
            <dt style={{ fontWeight: 600 }}>{name}</dt>
            <dd style={{ margin: 0, overflowWrap: 'anywhere' }}>{value}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}

/** `now()`, re-read every second (the countdowns). */
function useTicking(now: () => number): number {
  const [time, setTime] = React.useState(now);
  React.useEffect(() => {
    const timer = setInterval(() => setTime(now()), 1000);
    return () => clearInterval(timer);
  }, [now]);
  return time;
}

/** `expires in 59:58`, or `expired 0:03 ago`. */
export function countdown(ms: number): string {
  const seconds = Math.round(Math.abs(ms) / 1000);
  const text = `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
  return ms >= 0 ? `expires in ${text}` : `expired ${text} ago`;
}

function clock(ms: number): string {
  return new Date(ms).toISOString().slice(11, 23);
}

function lockText(holder: string): string {
  if (holder === 'none') return 'free';
  if (holder === 'thisTab') return 'held by this tab';
  if (holder === 'otherTab') return 'held by another tab';
  return 'held by a tab';
}

const PANEL: CSSProperties = { font: '12px/1.4 system-ui, sans-serif', background: '#fff', color: '#1f2328', padding: '0.5rem 0.75rem', overflow: 'auto' };
const ROW: CSSProperties = { display: 'flex', gap: '0.5rem', alignItems: 'baseline', flexWrap: 'wrap' };
const H2: CSSProperties = { fontSize: '14px', margin: '0 auto 0 0' };
const H3: CSSProperties = { fontSize: '13px', margin: '0.75rem 0 0.25rem' };
const PRE: CSSProperties = { margin: 0, whiteSpace: 'pre-wrap', fontSize: '11px' };
const LIST: CSSProperties = { margin: 0, paddingLeft: '1.25rem' };
const CLAIMS: CSSProperties = { margin: '0.25rem 0 0.5rem', display: 'grid', gap: '0.125rem' };
