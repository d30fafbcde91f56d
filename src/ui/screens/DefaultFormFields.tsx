'use client';
import { createContext, useContext, useState, type ComponentType, type FormEvent, type ReactNode } from 'react';

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

/**
 * Values of the app's own inputs (in its `FormFields`), by name, as Amplify UI's form reads them: a
 * checkbox is its value when checked, else empty. `own` tells the screen's own fields, tracked by the screen.
 */
export function useAppInputs(own: (name: string) => boolean): [Record<string, string>, (event: FormEvent<HTMLFormElement>) => void] {
  const [values, setValues] = useState<Record<string, string>>({});
  const onChange = (event: FormEvent<HTMLFormElement>) => {
    const { name, type, checked, value } = event.target as HTMLInputElement;
    if (name && !own(name)) setValues((old) => ({ ...old, [name]: type === 'checkbox' && !checked ? '' : value }));
  };
  return [values, onChange];
}
