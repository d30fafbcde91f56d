/** Storybook channel events between the preview (the story's engine) and the manager's "Auth" panel. */
export const AUTH_DEVTOOLS = {
  /** preview → manager: a `DevtoolsSnapshot`, or null when the story has no engine. */
  snapshot: 'cognito-react-kit/devtools/snapshot',
  /** manager → preview: send the current snapshot (the panel just mounted). */
  request: 'cognito-react-kit/devtools/request',
  /** manager → preview: the panel's buttons. */
  forceRefresh: 'cognito-react-kit/devtools/force-refresh',
  expireAccessToken: 'cognito-react-kit/devtools/expire-access-token',
} as const;

export const AUTH_PANEL_ID = 'cognito-react-kit/devtools/panel';
