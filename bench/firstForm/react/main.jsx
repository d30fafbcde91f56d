// Reference: a bare React app rendering a plain sign-in form, no auth library at all.
import { createRoot } from 'react-dom/client';

// Every import has been evaluated by now: the bench reads this mark to split load + evaluation from rendering.
performance.mark("app-start");
createRoot(document.getElementById('root')).render(
  <form>
    <label>
      Username <input name="username" autoComplete="username" />
    </label>
    <label>
      Password <input name="password" type="password" autoComplete="current-password" />
    </label>
    <button type="submit">Sign in</button>
  </form>,
);
