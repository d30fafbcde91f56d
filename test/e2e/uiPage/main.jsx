// The drop-in Authenticator from the BUILT package (dist/index.js + dist/styles.css), bundled by Vite
// with default settings. Plain JSX, not type-checked, so the type-check does not depend on a build.
// The test calls window.startApp(config, props) once per page load, and window.setProps(extra) to
// re-render the same tree with more props (a language, say) without losing the screen's state.
// Two props are the app's, not the Authenticator's: `accountPage: true` puts an account page (the
// kit's account settings) in the signed-in slot; `lightApp: true` makes the page light only and silent
// about themes (otherwise it follows the OS and tells the kit so with data-theme="system").
import { createRoot } from 'react-dom/client';
import { AccountSettings, AuthProvider, Authenticator, useTranslate } from '../../../dist/index.js';
import '../../../dist/styles.css';

let app;

/** What a signed-in app shows: the account settings, in the Authenticator's language and direction. */
function AccountPage() {
  const { language } = useTranslate();
  return (
    <div data-page="account" lang={language} dir={language === 'he' || language === 'ar' ? 'rtl' : 'ltr'}>
      <h2>Account settings</h2>
      <AccountSettings.ChangePassword />
      <AccountSettings.MfaSettings headingLevel={3} />
      <AccountSettings.PasskeySettings headingLevel={3} />
      <AccountSettings.DeviceSettings headingLevel={3} />
      <AccountSettings.DeleteUser />
    </div>
  );
}

function render() {
  const { accountPage, lightApp, ...props } = app.props;
  const page = document.documentElement;
  page.style.colorScheme = lightApp ? 'light' : '';
  if (lightApp) page.removeAttribute('data-theme');
  else page.setAttribute('data-theme', 'system');
  app.root.render(
    <AuthProvider config={app.config}>
      <Authenticator {...props}>{accountPage ? <AccountPage /> : undefined}</Authenticator>
    </AuthProvider>,
  );
}

window.startApp = (config, props = {}) => {
  app = { root: createRoot(document.getElementById('root')), config, props };
  render();
};

window.setProps = (extra) => {
  app.props = { ...app.props, ...extra };
  render();
};
