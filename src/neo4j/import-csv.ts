// The CSV that Neo4j's offline importer reads (`neo4j-admin database import full`): one file per
// shape of row (the same columns with the same types), so that every cell holds a value and every
// value keeps the type a transactional write gives it (a whole number a long, any other a
// double, lists of strings string[]). Rows with a line break inside a cell go to files of their
// own, the only ones the importer is told may hold multi-line fields (a file that may hold them
// is read much more slowly: it cannot be split between the importer's threads). Written in one
// streaming pass, buffered.
import fs from "node:fs";
import path from "node:path";

export type CsvType = "string" | "string[]" | "long" | "double" | "boolean" | "datetime";

/** Field separator, quote and list separator of every file (the importer is told the same). */
export const CSV_DIALECT = { delimiter: ",", quote: '"', arrayDelimiter: "\u001f" } as const;

/** The importer type of a value as a transactional write stores it; null when CSV cannot carry it. */
export function csvTypeOf(value: unknown): CsvType | null {
  switch (typeof value) {
    case "string":
      return "string";
    case "boolean":
      return "boolean";
    case "number":
      return Number.isSafeInteger(value) ? "long" : Number.isFinite(value) ? "double" : null;
    default:
      // A list of strings, none holding the list separator, and not empty (an empty cell is no value).
      return Array.isArray(value) &&
        value.length > 0 &&
        value.every((x) => typeof x === "string" && !x.includes(CSV_DIALECT.arrayDelimiter))
        ? "string[]"
        : null;
  }
}

const LINE_BREAK = /[\r\n]/;

const quoted = (s: string) => `"${s.replace(/"/g, '""')}"`;

function cell(value: unknown, type: CsvType): string {
  switch (type) {
    case "string":
    case "datetime":
      return quoted(value as string);
    case "string[]":
      return quoted((value as string[]).join(CSV_DIALECT.arrayDelimiter));
    default:
      // Numbers in their shortest round-trip form (Java's Double.parseDouble reads back the same double).
      return String(value);
  }
}

interface Group {
  file: string;
  /** A cell of a row holds a line break. */
  multiline: boolean;
  fd: number;
  buffer: string[];
  bytes: number;
}

/**
 * Rows of one kind (nodes or relationships) split by their shape. `fixed` columns (":ID",
 * ":LABEL"; ":START_ID", ":END_ID", ":TYPE") come first in every file, then the properties.
 */
export class CsvFiles {
  private readonly groups = new Map<string, Group>();

  constructor(
    private readonly dir: string,
    private readonly prefix: string,
    private readonly fixed: readonly string[],
  ) {}

  /**
   * Adds a row: `fixedValues` for the fixed columns (a list, such as labels, joined by the list
   * separator), then its properties. Returns the properties
   * a CSV cell cannot carry as they are (written afterwards in a transaction), or null.
   */
  add(
    fixedValues: readonly (string | readonly string[])[],
    props: Readonly<Record<string, unknown>>,
    typed: Readonly<Record<string, CsvType>> = {},
  ): Record<string, unknown> | null {
    const names: string[] = [];
    const types: CsvType[] = [];
    let left: Record<string, unknown> | null = null;
    for (const name of Object.keys(props).sort()) {
      const value = props[name];
      if (value === null || value === undefined) continue;
      const type = typed[name] ?? csvTypeOf(value);
      if (type === null) (left ??= {})[name] = value;
      else {
        names.push(name);
        types.push(type);
      }
    }
    const cells = fixedValues.map((v) => quoted(typeof v === "string" ? v : v.join(CSV_DIALECT.arrayDelimiter)));
    for (let i = 0; i < names.length; i++) cells.push(cell(props[names[i]!], types[i]!));
    const row = cells.join(CSV_DIALECT.delimiter);
    const multiline = LINE_BREAK.test(row);
    const line = row + "\n";
    const shape = names.map((n, i) => `${n}:${types[i]}`).join(",") + (multiline ? "\n" : "");
    let group = this.groups.get(shape);
    if (!group) {
      const file = path.join(this.dir, `${this.prefix}-${this.groups.size}.csv`);
      group = { file, multiline, fd: fs.openSync(file, "w"), buffer: [], bytes: 0 };
      const header = [...this.fixed, ...names.map((n, i) => `${n}:${types[i]}`)].join(CSV_DIALECT.delimiter);
      group.buffer.push(header + "\n");
      this.groups.set(shape, group);
    }
    group.buffer.push(line);
    group.bytes += line.length;
    if (group.bytes > 1 << 20) this.flush(group);
    return left;
  }

  private flush(group: Group): void {
    if (group.buffer.length) fs.writeSync(group.fd, group.buffer.join(""));
    group.buffer = [];
    group.bytes = 0;
  }

  /** Writes what is buffered and closes the files; returns their paths, and whether a cell of theirs holds a line break. */
  close(): { file: string; multiline: boolean }[] {
    return [...this.groups.values()].map((g) => {
      this.flush(g);
      fs.closeSync(g.fd);
      return { file: g.file, multiline: g.multiline };
    });
  }
}
