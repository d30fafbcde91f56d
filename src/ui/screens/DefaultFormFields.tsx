'use client';
import { createContext, useContext, type ComponentType, type ReactNode } from 'react';

/** The app's `components.<Screen>.FormFields`, which replaces the screen's field list. */
export const CustomFormFieldsContext = createContext<ComponentType | undefined>(undefined);

/** The screen's default fields, for `<Authenticator.SignUp.FormFields />` inside the app's own. */
const DefaultFieldsContext = createContext<ReactNode>(null);

/** The fields a screen renders: the app's `FormFields` component when given (with the defaults a context away), else the defaults. */
export function ScreenFields({ children }: { children: ReactNode }) {
  const Custom = useContext(CustomFormFieldsContext);
  if (!Custom) return <>{children}</>;
  return (
    <DefaultFieldsContext.Provider value={children}>
      <Custom />
    </DefaultFieldsContext.Provider>
  );
}

/**
 * `<Authenticator.SignUp.FormFields />` / `<Authenticator.ForceNewPassword.FormFields />`: the screen's
 * default fields, rendered by an app's `components.SignUp.FormFields` next to its own (a terms checkbox, …).
 */
export function DefaultFormFields() {
  return <>{useContext(DefaultFieldsContext)}</>;
}
