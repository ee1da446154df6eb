// How the CLI prints problems and summaries.
import type { Problem } from "../records/record.js";

export function formatProblem(p: Problem): string {
  const where = p.line !== undefined ? `${p.source}:${p.line}` : p.source;
  return `${p.severity === "error" ? "error" : "warning"}: ${where} ${p.path}: ${p.message}`;
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}
