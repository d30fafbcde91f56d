import { appendFileSync } from 'node:fs';

/** One figure of the flows bench, appended as a JSON line to $CRK_FLOWS_OUT for bench/flows.mjs to print. */
export function record(kind: 'requests' | 'renders', flow: string, value: number, target: string): void {
  const out = process.env['CRK_FLOWS_OUT'];
  if (out) appendFileSync(out, `${JSON.stringify({ kind, flow, value, target })}\n`);
}
