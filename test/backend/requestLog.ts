/**
 * The request log behind `count()` / `requests()`, and the gate every operation passes (API operations,
 * identity-pool operations and hosted-UI endpoints alike): record → remember secrets → intercept → run.
 */
import { uuid } from './bytes';
import { BackendError } from './errors';
import { CORS_HEADERS, errorResponse } from './http';
import { isRecord } from './jwt';
import type { HttpResponse, Intercept, RecordedRequest } from './types';

/** Runs `run` as `operation` with `input`, unless `intercept` answers first. */
export type Gate = (
  operation: string,
  input: Record<string, unknown>,
  run: () => Promise<HttpResponse>,
  contentType: string,
) => Promise<HttpResponse>;

/** Request fields whose values are secrets wherever they appear (API passwords, hosted-UI form fields). */
const SECRET_FIELDS = new Set([
  'Password', 'PreviousPassword', 'ProposedPassword', 'PASSWORD', 'NEW_PASSWORD',
  'password', 'code', 'code_verifier', 'refresh_token', 'token',
]);

export class RequestLog {
  #recorded: RecordedRequest[] = [];

  constructor(private readonly secret: (value: string) => void) {}

  record(operation: string, input: Record<string, unknown>): void {
    this.#recorded.push({ operation, input });
    this.#collect(input);
  }

  count(operation?: string): number {
    return operation === undefined ? this.#recorded.length : this.#recorded.filter((r) => r.operation === operation).length;
  }

  all(): RecordedRequest[] {
    return [...this.#recorded];
  }

  reset(): void {
    this.#recorded = [];
  }

  #collect(value: unknown): void {
    if (!isRecord(value)) return;
    for (const [key, v] of Object.entries(value)) {
      if (typeof v === 'string' && SECRET_FIELDS.has(key)) this.secret(v);
      else this.#collect(v);
    }
  }
}

export function createGate(log: RequestLog, intercept: Intercept | undefined): Gate {
  return async (operation, input, run, contentType) => {
    log.record(operation, input);
    try {
      const intercepted = await intercept?.(operation, input);
      if (intercepted) {
        return {
          status: intercepted.status,
          headers: { ...CORS_HEADERS, 'content-type': contentType, 'x-amzn-requestid': uuid(), ...intercepted.headers },
          body: intercepted.body,
        };
      }
      return await run();
    } catch (error) {
      if (error instanceof BackendError) return errorResponse(error);
      // A bug in the double: report it as Cognito would, but keep the cause visible to the test.
      const message = error instanceof Error ? error.message : String(error);
      return errorResponse(new BackendError('InternalErrorException', `Test backend failure: ${message}`, 500));
    }
  };
}
