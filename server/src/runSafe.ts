/**
 * Every request handler runs through `runSafe`: a bug in one feature logs its message and stack to
 * the client's output and answers a harmless default, so the editor never sees a failed request
 * and the server keeps serving. Cancellation is honoured before and after the work (the work is
 * synchronous, so a request cancelled while it waited in the queue costs nothing).
 */
import { LSPErrorCodes, ResponseError, type CancellationToken } from 'vscode-languageserver';

export interface Logger {
  error(message: string): void;
}

export function formatError(message: string, error: unknown): string {
  if (error instanceof Error) return `${message}: ${error.message}\n${error.stack ?? ''}`.trimEnd();
  return `${message}: ${String(error)}`;
}

function cancelled(): ResponseError<void> {
  return new ResponseError(LSPErrorCodes.RequestCancelled, 'Request cancelled');
}

/**
 * Run `work` on a later turn of the event loop (so that a `$/cancelRequest` that arrived meanwhile
 * is seen), answer `fallback` when it throws, and a RequestCancelled error when cancelled.
 */
export function runSafe<T>(
  logger: Logger,
  work: () => T,
  fallback: T,
  what: string,
  token?: CancellationToken,
): Promise<T | ResponseError<void>> {
  return new Promise((resolve) => {
    setImmediate(() => {
      if (token?.isCancellationRequested) return resolve(cancelled());
      try {
        const result = work();
        resolve(token?.isCancellationRequested ? cancelled() : result);
      } catch (error) {
        logger.error(formatError(what, error));
        resolve(fallback);
      }
    });
  });
}

/** For notifications and background work: run `work`, log what it throws, never rethrow. */
export function guard(logger: Logger, work: () => void, what: string): void {
  try {
    work();
  } catch (error) {
    logger.error(formatError(what, error));
  }
}
