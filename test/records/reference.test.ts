import { describe, expect, it } from "vitest";
import { defaultRelation, edgeTypeOf, parseReference, resolveVersion } from "../../src/records/reference.js";

describe("parseReference", () => {
  it.each([
    ["clip", { id: "clip", constraint: null, range: "*", pinned: false }],
    ["laion-5b>=1.0.0", { id: "laion-5b", constraint: ">=1.0.0", range: ">=1.0.0", pinned: false }],
    ["bloomz==1.0.0", { id: "bloomz", constraint: "==1.0.0", range: "1.0.0", pinned: false }],
    ["mt5<=2.0.0", { id: "mt5", constraint: "<=2.0.0", range: "<=2.0.0", pinned: false }],
    ["llama^1.2", { id: "llama", constraint: "^1.2", range: ">=1.2.0 <2.0.0-0", pinned: false }],
    ["llama~1.2.3", { id: "llama", constraint: "~1.2.3", range: ">=1.2.3 <1.3.0-0", pinned: false }],
    ["x>=1.0.0,<2.0.0", { id: "x", constraint: ">=1.0.0,<2.0.0", range: ">=1.0.0 <2.0.0", pinned: false }],
    ["test@1.2.0", { id: "test", constraint: "==1.2.0", range: "1.2.0", pinned: true }],
    ["test-1.2.0", { id: "test", constraint: "==1.2.0", range: "1.2.0", pinned: true }],
    ["LLaVA-1.6-Vicuna-13B", { id: "LLaVA-1.6-Vicuna-13B", constraint: null, range: "*", pinned: false }],
    ["bloom-1b1", { id: "bloom-1b1", constraint: null, range: "*", pinned: false }],
  ])("%s", (text, expected) => {
    expect(parseReference(text)).toEqual(expected);
  });

  it.each([
    [
      "laion-5b>=1.x.q",
      'malformed version constraint ">=1.x.q" in "laion-5b>=1.x.q": expected id, id@1.2.0, id-1.2.0, or id followed by a constraint such as >=1.0.0, ==1.0.0, <=2.0.0, ^1.2 or ~1.2.3',
    ],
    [
      ">=1.0.0",
      'malformed reference ">=1.0.0": expected id, id@1.2.0, id-1.2.0, or id followed by a constraint such as >=1.0.0, ==1.0.0, <=2.0.0, ^1.2 or ~1.2.3',
    ],
    [
      "has space",
      'malformed reference "has space": expected id, id@1.2.0, id-1.2.0, or id followed by a constraint such as >=1.0.0, ==1.0.0, <=2.0.0, ^1.2 or ~1.2.3',
    ],
  ])("refuses %s", (text, error) => {
    expect(parseReference(text)).toEqual({ error });
  });
});

describe("resolveVersion", () => {
  const versions = ["1.0.0", "1.2.0", "2.0.0"];
  it("a bare id takes the newest of all", () =>
    expect(resolveVersion({ range: "*", pinned: false, constraint: null }, versions)).toBe("2.0.0"));
  it("a constraint takes the newest that satisfies it", () =>
    expect(resolveVersion({ range: "<2.0.0", pinned: false, constraint: "<2.0.0" }, versions)).toBe("1.2.0"));
  it("a pin takes exactly its version", () =>
    expect(resolveVersion({ range: "1.0.0", pinned: true, constraint: "==1.0.0" }, versions)).toBe("1.0.0"));
  it("nothing satisfies: null (a placeholder)", () =>
    expect(resolveVersion({ range: ">=3.0.0", pinned: false, constraint: ">=3.0.0" }, versions)).toBeNull());
});

describe("default relations and edge types", () => {
  it.each([
    ["model", "dataset", "trained_on", "TRAINED_ON"],
    ["dataset", "family", "member_of", "DERIVED_FROM"],
    ["model", "family", "member_of", "DERIVED_FROM"],
    ["application", "model", "uses", "DERIVED_FROM"],
    ["model", "model", "derived_from", "DERIVED_FROM"],
    ["dataset", "dataset", "derived_from", "DERIVED_FROM"],
    ["model", null, "derived_from", "DERIVED_FROM"],
  ])("%s → %s: %s", (from, to, relation, type) => {
    expect(defaultRelation(from, to)).toBe(relation);
    expect(edgeTypeOf(relation)).toBe(type);
  });
});
