'use client';
import { useId, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslate } from './i18n/TranslationProvider';
import { HeadingHiddenContext } from './primitives/ScreenHeading';

type Tab = 'signIn' | 'signUp';
const TABS: readonly Tab[] = ['signIn', 'signUp'];

export interface SignInTabsProps {
  selected: Tab;
  onSelect: (tab: Tab) => void;
  children: ReactNode;
}

/**
 * "Sign In" / "Create Account" tabs (WAI-ARIA tabs: roving tabindex, arrow keys, Home/End). The
 * selected tab names the panel, so the screen's own title inside is read but not shown.
 */
export function SignInTabs({ selected, onSelect, children }: SignInTabsProps) {
  const { t } = useTranslate();
  const base = useId();
  const refs = useRef<Partial<Record<Tab, HTMLButtonElement | null>>>({});
  const tabId = (tab: Tab) => `${base}-tab-${tab}`;
  const panelId = `${base}-panel`;

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const index = TABS.indexOf(selected);
    const target =
      event.key === 'ArrowRight' ? TABS[(index + 1) % TABS.length]
      : event.key === 'ArrowLeft' ? TABS[(index + TABS.length - 1) % TABS.length]
      : event.key === 'Home' ? TABS[0]
      : event.key === 'End' ? TABS[TABS.length - 1]
      : undefined;
    if (!target) return;
    event.preventDefault();
    onSelect(target);
    refs.current[target]?.focus();
  };

  return (
    <div className="crk-tabs">
      <div className="crk-tabs__list" role="tablist" aria-label={t('tabs.label')} onKeyDown={onKeyDown}>
        {TABS.map((tab) => (
          <button
            key={tab}
            ref={(element) => {
              refs.current[tab] = element;
            }}
            type="button"
            role="tab"
            id={tabId(tab)}
            className="crk-tabs__tab"
            aria-selected={tab === selected}
            aria-controls={panelId}
            tabIndex={tab === selected ? 0 : -1}
            data-selected={tab === selected || undefined}
            onClick={() => onSelect(tab)}
          >
            {t(tab === 'signIn' ? 'tabs.signIn' : 'tabs.signUp')}
          </button>
        ))}
      </div>
      <div className="crk-tabs__panel" role="tabpanel" id={panelId} aria-labelledby={tabId(selected)}>
        <HeadingHiddenContext.Provider value={true}>{children}</HeadingHiddenContext.Provider>
      </div>
    </div>
  );
}
