// schema.graphql is emitted from the code and committed: it must not drift.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { projectRoot } from "../../src/config.js";
import { printSchemaSDL } from "../../src/graphql/schema.js";

describe("schema.graphql", () => {
  it("equals the schema the code builds (run `npm run schema` after changing the API)", async () => {
    const committed = fs.readFileSync(path.join(projectRoot, "schema.graphql"), "utf8");
    expect(await printSchemaSDL()).toBe(committed);
  });
});
