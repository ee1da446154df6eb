// The one place that turns errors into GraphQL errors: domain errors keep their message and
// code; anything unknown is logged and masked as INTERNAL_SERVER_ERROR.
import { unwrapResolverError } from "@apollo/server/errors";
import { GraphQLError, type GraphQLFormattedError } from "graphql";
import { DomainError } from "../errors.js";
import { currentRequestId, type Logger } from "../log.js";

/** Codes our own checks (operation limits) raise as GraphQL errors before any resolver runs. */
const OWN_CODES = new Set([
  "BAD_USER_INPUT",
  "NOT_FOUND",
  "CONFLICT",
  "LIMIT_EXCEEDED",
  "UNAUTHENTICATED",
  "FORBIDDEN",
  "SERVICE_UNAVAILABLE",
]);

const PASS_THROUGH = new Set([
  "GRAPHQL_PARSE_FAILED",
  "GRAPHQL_VALIDATION_FAILED",
  "BAD_USER_INPUT",
  "BAD_REQUEST",
  "PERSISTED_QUERY_NOT_FOUND",
  "PERSISTED_QUERY_NOT_SUPPORTED",
  "OPERATION_RESOLUTION_FAILURE",
]);

/** Every error of an answer names the request (when there is one), so that a report leads to the log. */
export function makeFormatError(log: Logger) {
  const format = formatter(log);
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const out = format(formatted, error);
    const requestId = currentRequestId();
    return requestId ? { ...out, extensions: { ...out.extensions, requestId } } : out;
  };
}

function formatter(log: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    if (original instanceof DomainError) {
      if (original.internal) log.warn({ code: original.code, internal: original.internal, path: formatted.path }, original.message);
      return {
        ...formatted,
        message: original.message,
        extensions: { ...(original.details ?? {}), code: original.code },
      };
    }
    const code = formatted.extensions?.code;
    if (error instanceof GraphQLError && !error.originalError && typeof code === "string" && OWN_CODES.has(code)) return formatted;
    if (typeof code === "string" && PASS_THROUGH.has(code)) {
      // Apollo's own answers to malformed requests: already clear, already safe to show.
      return formatted;
    }
    log.error({ err: original, path: formatted.path }, "unexpected error while answering a GraphQL request");
    return {
      message: "Internal server error: the error was logged on the server.",
      ...(formatted.path ? { path: formatted.path } : {}),
      ...(formatted.locations ? { locations: formatted.locations } : {}),
      extensions: { code: "INTERNAL_SERVER_ERROR" },
    };
  };
}
