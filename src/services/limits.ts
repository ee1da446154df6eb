// Every hard limit of the API, in one place (those an operator may move come from config.ts);
// the README's "Limits" table lists them.
import { limits } from "../config.js";
import { BadUserInputError, LimitExceededError } from "../errors.js";

/** Hops a traversal may go. Also the literal upper bound in cypher/traverse/shortest-paths.cypher. */
export const MAX_DEPTH = 100;
/** Paths `paths` returns at most. Also the literal k of SHORTEST in cypher/traverse/shortest-paths.cypher. */
export const MAX_PATHS = 25;
/** Assets one traversal may reach before it stops and says so (complete: false). */
export const MAX_REACHED = limits.maxReached;
/** Time one traversal may take before it stops and says so (complete: false). */
export const TRAVERSAL_BUDGET_MS = limits.traversalBudgetMs;
/** GraphQL selection depth and estimated complexity allowed per operation. */
export const MAX_QUERY_DEPTH = 15;
export const MAX_QUERY_COMPLEXITY = 100_000;
/** Keys one audit may name. */
export const MAX_AUDIT_KEYS = 1000;

export function checkDepth(maxDepth: number | null | undefined, argument = "maxDepth"): number {
  if (maxDepth === null || maxDepth === undefined) return MAX_DEPTH;
  if (!Number.isInteger(maxDepth) || maxDepth < 1)
    throw new BadUserInputError(`${argument}: expected a whole number >= 1, found ${maxDepth}`);
  if (maxDepth > MAX_DEPTH) {
    throw new LimitExceededError(
      `${argument}: at most ${MAX_DEPTH} hops, asked for ${maxDepth}; leave it out to traverse up to the ceiling`,
    );
  }
  return maxDepth;
}

/** An `asOf` argument as an ISO time: a time, not in the future (null: now). */
export function checkAsOf(asOf: Date | string | null | undefined): string | null {
  if (asOf === null || asOf === undefined) return null;
  const t = asOf instanceof Date ? asOf.getTime() : Date.parse(asOf);
  if (Number.isNaN(t))
    throw new BadUserInputError(`asOf: expected an ISO-8601 time such as 2026-06-01T00:00:00Z, found ${JSON.stringify(asOf)}`);
  if (t > Date.now() + 1000) throw new BadUserInputError(`asOf: expected a time that has passed, found ${new Date(t).toISOString()}`);
  return new Date(t).toISOString();
}
