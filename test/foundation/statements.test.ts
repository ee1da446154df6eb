// The typed statement layer: every statement file of cypher/ has its parameters and row declared
// once (src/neo4j/statements.ts), and the declared parameter names are exactly the file's.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { cypherDir } from "../../src/neo4j/cypher.js";
import { PARAMETERS } from "../../src/neo4j/statements.js";

/** Statements read row by row with named columns (the traversals): typed where they are read. */
const COLUMN_READ = ["traverse/hop", "traverse/hop-as-of", "traverse/reach", "traverse/start", "traverse/start-as-of"];

const files = fs
  .readdirSync(cypherDir)
  .filter((d) => d !== "schema")
  .flatMap((d) => fs.readdirSync(path.join(cypherDir, d)).map((f) => `${d}/${f.replace(/\.cypher$/, "")}`))
  .concat(["schema/await-indexes"])
  .sort();

describe("the typed statement layer", () => {
  it("declares every statement of cypher/ (the traversals' columns are read by name)", () => {
    expect(Object.keys(PARAMETERS).sort()).toEqual(files.filter((f) => !COLUMN_READ.includes(f)));
  });

  it.each(Object.entries(PARAMETERS))("%s declares exactly the parameters its file uses", (name, declared) => {
    const text = fs
      .readFileSync(path.join(cypherDir, `${name}.cypher`), "utf8")
      .split("\n")
      .filter((l) => !l.trimStart().startsWith("//"))
      .join("\n");
    const used = [...new Set([...text.matchAll(/\$([A-Za-z]\w*)/g)].map((m) => m[1]!))].sort();
    expect([...declared].sort()).toEqual(used);
  });
});
