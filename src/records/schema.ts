// The JSON Schema of UMR records: schemas/umr-record.schema.json, with its enums taken from the
// vocabularies (src/model/vocab.ts). `npm run schema` writes the result back to the file, and a
// test checks that the committed file is what the code says.
import fs from "node:fs";
import path from "node:path";
import { projectRoot } from "../config.js";
import { ASSET_KINDS, RECORD_FLAGS, RELATIONS } from "../model/vocab.js";
import { REFERENCE_PATTERN } from "./reference.js";
import { ID_SOURCE } from "../model/ids.js";

export const recordSchemaPath = path.join(projectRoot, "schemas", "umr-record.schema.json");

interface SchemaNode {
  properties?: Record<string, SchemaNode>;
  $defs?: Record<string, SchemaNode>;
  oneOf?: SchemaNode[];
  propertyNames?: SchemaNode;
  enum?: unknown[];
  pattern?: string;
}

function at(root: SchemaNode, ...steps: (string | number)[]): SchemaNode {
  let node: unknown = root;
  for (const s of steps) node = (node as Record<string | number, unknown> | undefined)?.[s];
  if (!node || typeof node !== "object") throw new Error(`${recordSchemaPath}: no schema at /${steps.join("/")}`);
  return node;
}

/** The record schema as validation uses it. */
export function recordSchema(): object {
  const schema = JSON.parse(fs.readFileSync(recordSchemaPath, "utf8")) as SchemaNode;
  at(schema, "properties", "mr", "properties", "type").enum = [...ASSET_KINDS];
  at(schema, "properties", "mr", "properties", "risk", "propertyNames").enum = [...RECORD_FLAGS];
  at(schema, "$defs", "upstreamItem", "oneOf", 1, "properties", "relation").enum = [...RELATIONS];
  at(schema, "$defs", "reference").pattern = REFERENCE_PATTERN;
  at(schema, "$defs", "id").pattern = `^${ID_SOURCE}$`;
  return schema;
}
