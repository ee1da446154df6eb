// Writes schema.graphql from the code (the resolvers are the source of truth) and the record
// schema's enums from the vocabularies.
import "reflect-metadata";
import fs from "node:fs";
import path from "node:path";
import * as prettier from "prettier";
import { projectRoot } from "../src/config.js";
import { printSchemaSDL } from "../src/graphql/schema.js";
import { recordSchema, recordSchemaPath } from "../src/records/schema.js";

const file = path.join(projectRoot, "schema.graphql");
fs.writeFileSync(file, await printSchemaSDL());
console.log(`wrote ${path.relative(process.cwd(), file)}`);
// Formatted as the format check (Prettier) wants it, so that the file only changes when its content does.
const options = (await prettier.resolveConfig(recordSchemaPath)) ?? {};
fs.writeFileSync(recordSchemaPath, await prettier.format(JSON.stringify(recordSchema()), { ...options, parser: "json" }));
console.log(`wrote ${path.relative(process.cwd(), recordSchemaPath)}`);
