// How the non-GraphQL routes answer an error: domain errors with their code and an HTTP
// status; anything else logged and masked, as formatError does for GraphQL.
import type { Response } from "express";
import { DomainError } from "../errors.js";
import type { Logger } from "../log.js";

const STATUS: Record<string, number> = {
  BAD_USER_INPUT: 400,
  NOT_FOUND: 404,
  CONFLICT: 409,
  LIMIT_EXCEEDED: 413,
  SERVICE_UNAVAILABLE: 503,
};

export function sendError(res: Response, log: Logger, err: unknown, what: string): void {
  if (err instanceof DomainError) {
    res.status(STATUS[err.code] ?? 400).json({ error: err.message, code: err.code });
    return;
  }
  log.error({ err }, `${what} failed`);
  res.status(500).json({ error: "Internal server error: the error was logged on the server.", code: "INTERNAL_SERVER_ERROR" });
}
