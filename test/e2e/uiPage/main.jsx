// The drop-in Authenticator from the BUILT package (dist/index.js + dist/styles.css), bundled by Vite
// with default settings. Plain JSX, not type-checked, so the type-check does not depend on a build.
// The test calls window.startApp(config, props) once per page load, and window.setProps(extra) to
// re-render the same tree with more props (a language, say) without losing the screen's state.
import { createRoot } from 'react-dom/client';
import { AuthProvider, Authenticator } from '../../../dist/index.js';
import '../../../dist/styles.css';

let app;

function render() {
  app.root.render(
    <AuthProvider config={app.config}>
      <Authenticator {...app.props} />
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
