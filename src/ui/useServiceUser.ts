'use client';
import { useEffect, useState } from 'react';
import type { AuthUser } from '../core/index';
import type { RouteStore } from './routeStore';
import { useOverride, useService } from './servicesContext';

export interface ServiceUser {
  /** What the app's `getCurrentUser` gave for this sign-in; null without an override (the engine's user is it). */
  user: AuthUser | null;
  /** The override is still answering for this sign-in. */
  pending: boolean;
}

/**
 * Amplify UI asks `services.getCurrentUser()` for the user after each sign-in and token refresh:
 * with an override, so does the Authenticator, each time the engine's user changes (a sign-in, a
 * restored session, new attributes). A failing override leaves the engine's user. Shared with
 * `useAuthenticator` through `routes`.
 */
export function useServiceUser(engineUser: AuthUser | null, routes: RouteStore): ServiceUser {
  const overridden = useOverride('getCurrentUser') !== undefined;
  const getCurrentUser = useService('getCurrentUser');
  const [answer, setAnswer] = useState<{ of: AuthUser; user: AuthUser } | null>(null);
  useEffect(() => {
    if (!overridden || !engineUser) return undefined;
    let live = true;
    getCurrentUser().then(
      (user) => live && setAnswer({ of: engineUser, user }),
      () => live && setAnswer({ of: engineUser, user: engineUser }),
    );
    return () => {
      live = false;
    };
  }, [overridden, engineUser, getCurrentUser]);
  // A changed user (new attributes, same account) keeps the last answer until the new one comes: the app stays mounted.
  const user = overridden && engineUser && answer?.of.userId === engineUser.userId ? answer.user : null;
  useEffect(() => {
    if (routes.extras().user !== user) routes.patch({ user });
  }, [routes, user]);
  return { user, pending: overridden && engineUser !== null && user === null };
}
