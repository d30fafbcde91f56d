'use client';
import type { SocialProvider } from '../../core/index';

/** Each provider's logo (24×24 paths; no fill: currentColor), in its own chunk: the buttons' text shows without it. */
const LOGOS: Record<SocialProvider, readonly (readonly [d: string, fill?: string])[]> = {
  google: [
    ['M22.56 12.25c0-.78-.07-1.53-.2-2.25H12v4.26h5.92a5.06 5.06 0 0 1-2.21 3.31v2.77h3.57c2.08-1.92 3.28-4.74 3.28-8.09z', '#4285F4'],
    ['M12 23c2.97 0 5.46-.98 7.28-2.66l-3.57-2.77c-.98.66-2.23 1.06-3.71 1.06-2.86 0-5.29-1.93-6.16-4.53H2.18v2.84A11 11 0 0 0 12 23z', '#34A853'],
    ['M5.84 14.09a6.6 6.6 0 0 1 0-4.18V7.07H2.18a11 11 0 0 0 0 9.86z', '#FBBC05'],
    ['M12 5.38c1.62 0 3.06.56 4.21 1.64l3.15-3.15A11 11 0 0 0 2.18 7.07l3.66 2.84c.87-2.6 3.3-4.53 6.16-4.53z', '#EA4335'],
  ],
  facebook: [['M24 12.07a12 12 0 1 0-13.87 11.93v-8.44H7.08v-3.49h3.05V9.41c0-3.02 1.79-4.7 4.53-4.7 1.31 0 2.69.24 2.69.24v2.97h-1.52c-1.49 0-1.96.93-1.96 1.89v2.26h3.33l-.53 3.49h-2.8V24A12 12 0 0 0 24 12.07z', '#1877F2']],
  amazon: [['M2 15.6c5.6 3.6 13.7 4.1 20 .2-.8 1.5-3 3.4-6 4.1-4.3 1-9.6.1-14-4.3zm17.3-.6 2.9-.3-.4 3-.8-1.4z', '#FF9900']],
  apple: [
    ['M16.37 12.78c-.02-2.3 1.88-3.4 1.96-3.46-1.07-1.56-2.73-1.77-3.32-1.8-1.41-.14-2.76.83-3.47.83-.72 0-1.82-.81-2.99-.79a4.4 4.4 0 0 0-3.75 2.27c-1.6 2.78-.41 6.9 1.15 9.15.76 1.1 1.67 2.34 2.86 2.3 1.15-.05 1.58-.74 2.97-.74 1.38 0 1.77.74 2.98.72 1.23-.02 2.01-1.12 2.77-2.23a9.3 9.3 0 0 0 1.25-2.58c-.03-.01-2.4-.92-2.41-3.67zM14.1 6.03c.63-.77 1.06-1.83.94-2.9-.91.04-2.02.61-2.67 1.37-.58.67-1.1 1.76-.96 2.8 1.02.08 2.06-.52 2.69-1.27z'],
  ],
};

/** A provider's logo, decorative (`aria-hidden`): the button's text names the provider. */
export function SocialLogo({ provider }: { provider: SocialProvider }) {
  return (
    <svg className="crk-social__logo" aria-hidden="true" focusable="false" viewBox="0 0 24 24" fill="currentColor">
      {LOGOS[provider].map(([d, fill]) => (
        <path key={d} d={d} {...(fill ? { fill } : {})} />
      ))}
    </svg>
  );
}
