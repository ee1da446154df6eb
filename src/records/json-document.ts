// A JSON document of an interchange format (CycloneDX, SPDX, OpenLineage), parsed strictly:
// a syntax error names its line and column (and a trailing comma says so), and every later
// problem can name the line of a JSON path.
import { LineCounter, parseDocument } from "yaml";
import type { Problem } from "./record.js";
import { lineOf } from "./validate.js";

export interface JsonDocument {
  data: unknown;
  /** The line of the value at a path (1-based), where the text has one. */
  lineAt: (segments: readonly (string | number)[]) => number | undefined;
}

export function textOf(content: string | Uint8Array): string {
  return typeof content === "string" ? content : Buffer.from(content).toString("utf8");
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      start = i + 1;
    }
  }
  return { line, column: offset - start + 1 };
}

/** Parses JSON strictly; a syntax error is one problem with the line and column. */
export function parseJsonDocument(source: string, content: string | Uint8Array): JsonDocument | { problem: Problem } {
  const text = textOf(content).replace(/^\uFEFF/, "");
  try {
    const data: unknown = JSON.parse(text);
    let lines: ((segments: readonly (string | number)[]) => number | undefined) | undefined;
    return {
      data,
      // Line numbers cost a second parse: made only when a problem asks for one.
      lineAt: (segments) => {
        if (!lines) {
          const counter = new LineCounter();
          const doc = parseDocument(text, { lineCounter: counter });
          lines = (s) => lineOf(doc, counter, s);
        }
        return lines(segments);
      },
    };
  } catch (err) {
    const m = /at position (\d+)/.exec((err as Error).message);
    const offset = m ? Number(m[1]) : text.length;
    const at = lineAndColumn(text, offset);
    const before = text.slice(0, offset).trimEnd();
    const trailingComma = before.endsWith(",") && /^[\s]*[}\]]/.test(text.slice(offset));
    const comma = trailingComma ? lineAndColumn(text, before.length - 1) : null;
    const message = comma
      ? `malformed JSON: a trailing comma at line ${comma.line}, column ${comma.column} (before the closing ${text.slice(offset).trim()[0]} at line ${at.line}, column ${at.column}); JSON allows none: remove it`
      : `malformed JSON at line ${at.line}, column ${at.column}: ${(err as Error).message.replace(/ in JSON at position \d+.*$/, "")}`;
    return { problem: { source, path: "$", message, severity: "error", line: comma?.line ?? at.line } };
  }
}
