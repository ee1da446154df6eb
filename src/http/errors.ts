// How the HTTP routes answer an error: domain errors with their code and HTTP status; anything
// else logged with the request id and masked. No answer carries a stack trace, a file path or an
// internal message.
import type { NextFunction, Request, Response } from "express";
import { DomainError, ERROR_CODES, type ErrorCode } from "../errors.js";
import type { Logger } from "../log.js";

export function sendError(req: Request, res: Response, log: Logger, err: unknown, what: string): void {
  if (err instanceof DomainError) {
    send(req, res, err.code, err.message);
    return;
  }
  log.error({ err, requestId: req.requestId, path: req.path }, `${what} failed`);
  send(req, res, "INTERNAL_SERVER_ERROR", "Internal server error: the error was logged on the server.");
}

/** An error answer: `{error, code, requestId}` with the code's HTTP status. */
export function send(req: Request, res: Response, code: ErrorCode, message: string): void {
  res.status(ERROR_CODES[code]).json({ error: message, code, requestId: req.requestId });
}

/**
 * The last handlers of the app: unknown routes answer 404, and errors that reach express (a body
 * that is not JSON, one too large) answer in JSON — GraphQL's shape on /graphql — never as a page.
 */
export function finalHandlers(log: Logger) {
  const notFound = (req: Request, res: Response) => send(req, res, "NOT_FOUND", `no route ${req.method} ${req.path}`);
  const onError = (err: unknown, req: Request, res: Response, _next: NextFunction) => {
    const e = err as { type?: string; status?: number; message?: string };
    let code: ErrorCode = "INTERNAL_SERVER_ERROR";
    let message = "Internal server error: the error was logged on the server.";
    if (e.type === "entity.parse.failed") {
      code = "BAD_REQUEST";
      message = "the request body is not valid JSON";
    } else if (e.type === "entity.too.large") {
      code = "PAYLOAD_TOO_LARGE";
      message = "the request body is larger than this server accepts";
    } else if (typeof e.status === "number" && e.status >= 400 && e.status < 500) {
      code = "BAD_REQUEST";
      message = "the request could not be read";
    } else log.error({ err, requestId: req.requestId, path: req.path }, "request failed");
    if (req.path.startsWith("/graphql")) {
      res.status(ERROR_CODES[code]).json({ errors: [{ message, extensions: { code, requestId: req.requestId } }] });
    } else send(req, res, code, message);
  };
  return [notFound, onError] as const;
}
