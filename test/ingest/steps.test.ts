// The ingest's pure steps, each alone (no database): what passes, what is refused and why.
import { describe, expect, it } from "vitest";
import { collapseDuplicates, edgeChanges, recordFlagAdvisories, refuseBatchCycles } from "../../src/ingest/ingest.service.js";
import type { PlannedEdge } from "../../src/ingest/plan.js";
import { parseInputs } from "../../src/records/load.js";
import { umr } from "../helpers/ingest.js";

const records = (...inputs: Parameters<typeof umr>[]) =>
  parseInputs(
    inputs.map((i) => umr(...i)),
    "umr",
  ).records;

describe("collapseDuplicates", () => {
  it("collapses identical copies and refuses both versions of a key given twice with other contents", () => {
    const [a] = records(["a", "1.0.0", "model"]);
    const [b1, b2] = [...records(["b", "1.0.0", "model"]), ...records(["b", "1.0.0", "dataset"])];
    const out = collapseDuplicates([a!, a!, b1!, b2!]);
    expect([out.records.map((r) => r.key), out.rejected, out.problems.map((p) => p.code)]).toEqual([["a@1.0.0"], 1, ["CONFLICT"]]);
  });
});

describe("refuseBatchCycles", () => {
  const cyc = records(["p", "1.0.0", "model", ["q"]], ["q", "1.0.0", "model", ["p"]], ["r", "1.0.0", "model"]);
  it("warns about a cycle and lets it through", () => {
    const out = refuseBatchCycles(cyc, false);
    expect([out.records.length, out.rejected, out.problems.map((p) => [p.severity, p.message])]).toEqual([
      3,
      0,
      [["warning", "dependency cycle: p → q → p"]],
    ]);
  });
  it("in strict mode refuses the cycle's members, and only them", () => {
    const out = refuseBatchCycles(cyc, true);
    expect([out.records.map((r) => r.key), out.rejected]).toEqual([["r@1.0.0"], 2]);
  });
});

describe("edgeChanges", () => {
  const props = (refIndex: number, relation = "derived_from") => ({
    relation,
    constraint: null,
    targetId: "t",
    range: "*",
    pinned: false,
    declaredRelation: null,
    note: null,
    refIndex,
  });
  const planned = (from: string, to: string, refIndex: number): PlannedEdge => ({
    from,
    to,
    type: "DERIVED_FROM",
    props: props(refIndex),
    toPlaceholder: false,
  });
  it("creates the batch's own edges, moves another record's edge only when its target changes", () => {
    const existing = [
      { from: "x@1.0.0", to: "t@1.0.0", type: "DERIVED_FROM", props: props(0) },
      { from: "y@1.0.0", to: "t@1.0.0", type: "DERIVED_FROM", props: props(0) },
    ];
    const out = edgeChanges(
      [planned("x@1.0.0", "t@1.1.0", 0), planned("y@1.0.0", "t@1.0.0", 0), planned("new@1.0.0", "t@1.1.0", 0)],
      existing,
      new Set(["new@1.0.0"]),
    );
    expect(out.toDelete).toEqual([{ from: "x@1.0.0", to: "t@1.0.0", refIndex: 0 }]);
    expect(out.toCreate.map((e) => `${e.from}->${e.to}`)).toEqual(["x@1.0.0->t@1.1.0", "new@1.0.0->t@1.1.0"]);
  });
});

describe("recordFlagAdvisories", () => {
  it("turns a record's true risk flags into advisories of source record, at the default severities", () => {
    const [r] = records(["laion-5b", "1.0.0", "dataset", [], { risk: { csam: true, legal: false, nsfw: true } }]);
    expect(recordFlagAdvisories([r!]).map((a) => [a.id, a.category, a.severity, a.affectsRange])).toEqual([
      ["record:laion-5b@1.0.0:csam", "CSAM", "CRITICAL", "1.0.0"],
      ["record:laion-5b@1.0.0:nsfw", "NSFW", "MEDIUM", "1.0.0"],
    ]);
  });
});
