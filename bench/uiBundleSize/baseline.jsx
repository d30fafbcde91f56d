// (a) Baseline: React + react-dom rendering one element; the cost every React app pays.
import { createRoot } from 'react-dom/client';

createRoot(document.getElementById('root')).render(<div>hello</div>);
