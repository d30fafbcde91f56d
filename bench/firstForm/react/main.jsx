// Reference: a bare React app rendering a plain sign-in form, no auth library at all.
import { createRoot } from 'react-dom/client';
import { BareForm } from '../bareForm.jsx';

// Every import has been evaluated by now: the bench reads this mark to split load + evaluation from rendering.
performance.mark("app-start");
createRoot(document.getElementById('root')).render(<BareForm />);
