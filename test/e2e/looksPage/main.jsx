// The built Authenticator and CSS (dist/) in a host page whose layout shrink-wraps it, like the demo's.
// window.startApp(config, props) renders it; window.addHostStyles(css) adds an unlayered host stylesheet.
import { createRoot } from 'react-dom/client';
import { AuthProvider, Authenticator } from '../../../dist/index.js';
import '../../../dist/styles.css';

/** The app's own Header and Footer around the card (`slots: true`), as Amplify UI apps pass them. */
const SLOTS = {
  Header: () => <p data-slot="header">Acme</p>,
  Footer: () => <p data-slot="footer">© Acme</p>,
};

window.startApp = (config, { slots = false, ...props } = {}) => {
  createRoot(document.getElementById('root')).render(
    <AuthProvider config={config}>
      <Authenticator {...props} {...(slots ? { components: SLOTS } : {})} />
    </AuthProvider>,
  );
};

window.addHostStyles = (css) => {
  const style = document.createElement('style');
  style.textContent = css;
  document.head.append(style);
};
