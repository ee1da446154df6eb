// Bad input gets a precise error that names the file, the JSON path (and line), what was
// expected and what was found; every problem of a file is reported.
import { describe, expect, it } from "vitest";
import path from "node:path";
import { projectRoot } from "../../src/config.js";
import { collectFiles, parseInputs, readInputs } from "../../src/records/load.js";
import { canonicalJson } from "../../src/records/record.js";
import { parseUmr } from "../../src/records/umr.js";

const good = "mr:\n  type: model\n  metadata:\n    name: M\n";

describe("parseUmr: a good record", () => {
  it("takes id and version from the file name and keeps unknown blocks", () => {
    const r = parseUmr({
      source: "some/dir/llama2-70b-2.1.0.yaml",
      content:
        "mr:\n  type: model\n  metadata:\n    name: Llama 2 70B\n    publisher: Meta\n    version: '2'\n    model_type: LLM\n    license: llama2\n" +
        "  relations:\n    upstream:\n      - llama2>=1.0.0\n      - {ref: rlhf-data@1.0.0, relation: trained_on, note: preference data}\n" +
        "  risk: {legal: true, nsfw: false}\n  owner: Meta\n  contacts: [security@meta.example]\n  tags: [llm]\n  question_sets: [fmti2023]\n",
    });
    expect(r.problems).toEqual([]);
    const rec = r.record!;
    expect([rec.id, rec.version, rec.key, rec.kind, rec.name, rec.publisher, rec.license, rec.owner]).toEqual([
      "llama2-70b",
      "2.1.0",
      "llama2-70b@2.1.0",
      "model",
      "Llama 2 70B",
      "Meta",
      "llama2",
      "Meta",
    ]);
    expect(rec.contacts).toEqual(["security@meta.example"]);
    expect(rec.risks).toEqual(["legal"]);
    expect(rec.extra).toEqual({ tags: ["llm"], question_sets: ["fmti2023"], metadata: { version: "2", model_type: "LLM" } });
    expect(rec.upstream).toEqual([
      { id: "llama2", constraint: ">=1.0.0", range: ">=1.0.0", pinned: false, declaredRelation: null, note: null, index: 0 },
      {
        id: "rlhf-data",
        constraint: "==1.0.0",
        range: "1.0.0",
        pinned: true,
        declaredRelation: "trained_on",
        note: "preference data",
        index: 1,
      },
    ]);
    expect(rec.contentHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("gives the same content hash to the same record in YAML and in JSON", () => {
    const a = parseUmr({ source: "m-1.0.0.yaml", content: good }).record!;
    const b = parseUmr({ source: "m-1.0.0.json", content: JSON.stringify({ mr: { metadata: { name: "M" }, type: "model" } }) }).record!;
    expect(b.contentHash).toBe(a.contentHash);
  });
});

describe("parseUmr: bad input", () => {
  const cases: [string, string, string | Uint8Array, { path: string; message: string; line?: number }[]][] = [
    [
      "malformed YAML",
      "m-1.0.0.yaml",
      "mr:\n  type: model\n  metadata: {name: M\n",
      [{ path: "$", message: "malformed YAML: Flow map in block collection must be sufficiently indented and end with a }", line: 4 }],
    ],
    [
      "wrong field types",
      "m-1.0.0.yaml",
      "mr:\n  type: model\n  metadata:\n    name: [a]\n    refs: just-one\n  contacts: x\n",
      [
        { path: "$.mr.metadata.name", message: "expected a string, found a list", line: 4 },
        { path: "$.mr.metadata.refs", message: 'expected a list or null, found "just-one"', line: 5 },
        { path: "$.mr.contacts", message: 'expected a list or null, found "x"', line: 6 },
      ],
    ],
    [
      "an unknown type",
      "m-1.0.0.yaml",
      "mr:\n  type: modle\n  metadata: {name: M}\n",
      [{ path: "$.mr.type", message: 'expected one of "model", "dataset", "family", "application", found "modle"', line: 2 }],
    ],
    [
      "a file name without a semver",
      "m-1.0.yaml",
      good,
      [
        {
          path: "$",
          message: 'file name "m-1.0.yaml": expected <id>-<MAJOR.MINOR.PATCH>.yaml (or .yml, .json), such as laion-5b-1.0.0.yaml',
        },
      ],
    ],
    ["an empty file", "m-1.0.0.yaml", "  \n\n", [{ path: "$", message: "empty file: expected a record (a mapping with an `mr` block)" }]],
    [
      "a 50 MB file",
      "m-1.0.0.yaml",
      new Uint8Array(50 * 1024 * 1024).fill(0x61),
      [{ path: "$", message: "file is 50.0 MiB; a record may be at most 10 MiB" }],
    ],
    [
      "a self-reference",
      "m-1.0.0.yaml",
      "mr:\n  type: model\n  metadata: {name: M}\n  relations:\n    upstream:\n      - base\n      - m>=1.0.0\n",
      [{ path: "$.mr.relations.upstream[1]", message: 'self-reference: m cannot be built from itself ("m>=1.0.0")', line: 7 }],
    ],
    [
      "a malformed constraint",
      "m-1.0.0.yaml",
      "mr:\n  type: model\n  metadata: {name: M}\n  relations:\n    upstream: ['base>=one']\n",
      [
        {
          path: "$.mr.relations.upstream[0]",
          message:
            'expected a reference (id, id@1.2.0, id-1.2.0, or id followed by a constraint such as >=1.0.0, ==1.0.0, <=2.0.0, ^1.2 or ~1.2.3), found "base>=one"',
          line: 5,
        },
      ],
    ],
    [
      "binary garbage",
      "m-1.0.0.yaml",
      new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0xff, 0xfe, 0x00]),
      [{ path: "$", message: "not a text file: expected UTF-8 YAML or JSON, found bytes that are not UTF-8" }],
    ],
    [
      "NUL bytes in valid UTF-8",
      "m-1.0.0.yaml",
      "mr:\u0000\n",
      [{ path: "$", message: "not a text file: expected UTF-8 YAML or JSON, found a NUL byte at offset 3" }],
    ],
    [
      "valid YAML that is not an object",
      "m-1.0.0.yaml",
      "- just\n- a list\n",
      [{ path: "$", message: "expected a mapping with an `mr` block at the top level, found a list", line: 1 }],
    ],
    ["a missing mr block", "m-1.0.0.json", '{"model": {}}', [{ path: "$.mr", message: 'required field "mr" is missing', line: 1 }]],
    [
      "an unknown relation and an unknown risk flag",
      "m-1.0.0.yaml",
      "mr:\n  type: model\n  metadata: {name: M}\n  relations:\n    upstream: [{ref: base, relation: copied}]\n  risk: {malware: true}\n",
      [
        {
          path: "$.mr.relations.upstream[0].relation",
          message:
            'expected one of "finetune", "adapter", "quantized", "merge", "distill", "continued_pretraining", "trained_on", "evaluated_on", "subset", "member_of", "uses", "derived_from", found "copied"',
          line: 5,
        },
        {
          path: "$.mr.risk.malware",
          message:
            'unknown risk flag "malware": expected one of csam, nsfw, violence, legal, privacy, license, security, bias, retracted, other',
          line: 6,
        },
      ],
    ],
  ];

  it.each(cases)("%s", (_what, source, content, expected) => {
    const r = parseUmr({ source, content });
    expect(r.record).toBeUndefined();
    expect(r.problems).toEqual(expected.map((e) => ({ source, severity: "error", ...e })));
  });
});

describe("content hashes", () => {
  it("are the SHA-256 of the record's RFC 8785 canonical JSON, unchanged from earlier releases", () => {
    const loaded = parseInputs(
      readInputs(collectFiles(["examples/umr/plip", "examples/umr/laion-5b", "demo/pathldm"].map((d) => path.join(projectRoot, d)))),
      "umr",
    );
    expect(loaded.records.map((r) => [r.key, r.contentHash])).toEqual([
      ["plip@1.0.0", "3ef5e80b69d9374060754f0b7d85af1dbb5bac4d30fdc6595c5aa5572c6468f5"],
      ["laion-5b@1.0.0", "369165ba98ad4776eda209dab8dd50bb16ef86af11ed2b4c8cca4fa86b6928fb"],
      ["pathldm@1.0.0", "6d3cef3f7ef39195b3e7d57cf8e822b53fc1a979a0ac6294bcf852e04ed465db"],
    ]);
    expect(canonicalJson({ b: [1, { d: 2, c: "é\n" }], a: null, é: true })).toBe('{"a":null,"b":[1,{"c":"é\\n","d":2}],"é":true}');
  });
});
