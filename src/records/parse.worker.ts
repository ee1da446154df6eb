// A worker thread that reads and parses one slice of a large batch of record files
// (src/records/parallel-load.ts runs it): the parsing, validating and hashing of a million-record
// load spread over the machine's cores.
import type { ParseOptions } from "./importer.js";
import { parseInputs, readInputs, type LoadedRecords } from "./load.js";

export default function parse(task: { files: string[]; base: string; format: string; opts: ParseOptions }): LoadedRecords {
  return parseInputs(readInputs(task.files, task.base), task.format, task.opts);
}
