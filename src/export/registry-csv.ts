// The registry report as CSV.
import { csvField } from "./formats/csv.js";
import { REGISTRY_COLUMNS, type RegistryRow } from "../services/registry-report.js";

/** The rows as CSV (RFC 4180, cells neutralised against formula injection); evaluations as JSON text. */
export function registryCsv(rows: readonly RegistryRow[]): string {
  const line = (cells: unknown[]) => cells.map((c) => csvField(c)).join(",") + "\r\n";
  return (
    line([...REGISTRY_COLUMNS]) +
    rows
      .map((r) =>
        line(REGISTRY_COLUMNS.map((c) => (c === "evaluations" ? (r.evaluations.length ? JSON.stringify(r.evaluations) : "") : r[c]))),
      )
      .join("")
  );
}
