// Writes schema.graphql from the code (the resolvers are the source of truth).
import "reflect-metadata";
import fs from "node:fs";
import path from "node:path";
import { projectRoot } from "../src/config.js";
import { printSchemaSDL } from "../src/graphql/schema.js";

const file = path.join(projectRoot, "schema.graphql");
fs.writeFileSync(file, await printSchemaSDL());
console.log(`wrote ${path.relative(process.cwd(), file)}`);
