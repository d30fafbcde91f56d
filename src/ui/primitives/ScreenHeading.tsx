'use client';
import { createContext, useContext, useEffect, useRef, type HTMLAttributes } from 'react';
import { joinClasses } from './Field';

/**
 * Whether a newly shown screen should take focus. The Authenticator turns it on after the first
 * screen, so a step change moves keyboard and screen-reader users to the new screen's title, while
 * the page's first render never steals focus.
 */
export const FocusOnMountContext = /* @__PURE__ */ createContext(false);

/**
 * Whether the title is read but not shown: under the Sign In / Create Account tabs (the selected tab
 * already says it, as Amplify UI shows no title there) and when the app's own `Header` replaces it
 * (Amplify UI's per-screen `Header` does). Screen readers, focus and the modal's name still use it.
 */
export const HeadingHiddenContext = createContext(false);

/** The id the Authenticator gives the current screen's title, so its modal dialog is named by it. */
export const HeadingIdContext = /* @__PURE__ */ createContext<string | undefined>(undefined);

export interface ScreenHeadingProps extends HTMLAttributes<HTMLHeadingElement> {
  children: string;
}

/**
 * The screen's title (`h2`): focusable by script only, focused on mount after a step change so screen
 * readers announce the new screen. The stylesheet rings it only under `:focus-visible` (the step
 * change came from the keyboard), never after a click.
 */
export function ScreenHeading({ className, children, ...heading }: ScreenHeadingProps) {
  const focusOnMount = useContext(FocusOnMountContext);
  const headingId = useContext(HeadingIdContext);
  const hidden = useContext(HeadingHiddenContext);
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focusOnMount) ref.current?.focus();
  }, [focusOnMount]);
  return (
    <h2 id={headingId} {...heading} ref={ref} tabIndex={-1} className={joinClasses('crk-heading', hidden ? 'crk-visually-hidden' : undefined, className)}>
      {children}
    </h2>
  );
}
