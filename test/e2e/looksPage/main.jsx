// The built Authenticator and CSS (dist/) in a host page whose layout shrink-wraps it, like the demo's.
// window.startApp(config, props) renders it; window.addHostStyles(css) adds an unlayered host stylesheet.
import { createRoot } from 'react-dom/client';
import { AuthProvider, Authenticator } from '../../../dist/index.js';
import '../../../dist/styles.css';

window.startApp = (config, props = {}) => {
  createRoot(document.getElementById('root')).render(
    <AuthProvider config={config}>
      <Authenticator {...props} />
    </AuthProvider>,
  );
};

window.addHostStyles = (css) => {
  const style = document.createElement('style');
  style.textContent = css;
  document.head.append(style);
};
