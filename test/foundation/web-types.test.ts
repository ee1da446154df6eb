// The explorer's typed operations (web/src/gql/) are generated from schema.graphql and the
// operations in web/src; they are committed, so a schema or operation change without
// `npm run codegen` fails here (and the explorer's type check would not see the change).
import fs from "node:fs";
import path from "node:path";
import { generate } from "@graphql-codegen/cli";
import { describe, expect, it } from "vitest";
import { projectRoot } from "../../src/config.js";
import config from "../../web/codegen.js";

describe("the explorer's generated operation types", () => {
  it("web/src/gql/ is what npm run codegen writes from the current schema and operations", async () => {
    const cwd = process.cwd();
    process.chdir(projectRoot);
    try {
      const files = (await generate({ ...config, silent: true }, false)) as { filename: string; content: string }[];
      expect(files.length).toBeGreaterThan(0);
      for (const f of files) {
        const committed = fs.readFileSync(path.join(projectRoot, f.filename), "utf8");
        expect([f.filename, committed === f.content]).toEqual([f.filename, true]);
      }
    } finally {
      process.chdir(cwd);
    }
  });
});
