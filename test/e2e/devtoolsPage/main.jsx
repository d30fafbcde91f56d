// An app on the BUILT package (dist/index.js and dist/devtools.js), bundled by Vite with default
// settings, with the devtools an app keeps in production too (AuthDevtoolsPanel; <AuthDevtools />'s
// production build is test/devtools/productionBuild.test.ts). The panel's code loads when it opens.
// The test calls window.startApp(config), then drives the engine through window.__engine.
import { useEffect } from 'react';
import { createRoot } from 'react-dom/client';
import { AuthProvider, useAuthEngine } from '../../../dist/index.js';
import { AuthDevtoolsPanel } from '../../../dist/devtools.js';

function ExposeEngine() {
  const engine = useAuthEngine();
  useEffect(() => {
    window.__engine = engine;
  }, [engine]);
  return null;
}

window.startApp = (config) => {
  createRoot(document.getElementById('root')).render(
    <AuthProvider config={config}>
      <ExposeEngine />
      <AuthDevtoolsPanel />
    </AuthProvider>,
  );
};
