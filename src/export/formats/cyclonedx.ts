// CycloneDX 1.6 ML-BOM (JSON), valid against the official schema. Models are
// machine-learning-model components whose modelCard.modelParameters.datasets name what they were
// trained on; every other lineage link is a pedigree ancestor; dependencies repeat the graph for
// tools that read only those; advisories are vulnerabilities, and exemptions their VEX analysis.
// Each component also carries umr:* properties (id, version, kind, and one umr:upstream per
// edge: relation, target id, constraint) so that umr-graph reads its own BOMs back as the same
// graph; placeholders are components marked umr:placeholder, which the import leaves to the
// references that name them.
import { createHash } from "node:crypto";
import type { Subgraph, SubgraphNode } from "../../model/subgraph.js";
import type { Exporter } from "../exporter.js";

type Json = Record<string, unknown>;
const TYPE: Record<string, string> = { model: "machine-learning-model", dataset: "data", application: "application", family: "platform" };
const SEVERITY: Record<string, string> = { CRITICAL: "critical", HIGH: "high", MEDIUM: "medium", LOW: "low" };
const JUSTIFICATION: Record<string, string> = {
  component_not_present: "requires_dependency",
  vulnerable_code_not_present: "code_not_present",
  vulnerable_code_not_in_execute_path: "code_not_reachable",
  vulnerable_code_cannot_be_controlled_by_adversary: "requires_environment",
  inline_mitigations_already_exist: "protected_by_mitigating_control",
};

/** A UUID (version 4 layout) from the content, so that the same subgraph gives the same BOM. */
function stableUuid(text: string): string {
  const h = createHash("sha256").update(text).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

const s = (v: unknown) => (typeof v === "string" && v !== "" ? v : undefined);
const prop = (name: string, value: unknown) => ({ name, value: String(value) });

function component(n: SubgraphNode, g: Subgraph): Json {
  const p = n.props;
  const out = g.edges.filter((e) => e.from === n.key);
  const trainedOn = out.filter((e) => e.type === "TRAINED_ON");
  const derived = out.filter((e) => e.type !== "TRAINED_ON");
  const nodeOf = new Map(g.nodes.map((x) => [x.key, x]));
  const properties = [
    prop("umr:id", p.id),
    ...(p.version ? [prop("umr:version", p.version)] : []),
    prop("umr:kind", p.kind),
    ...(p.placeholder ? [prop("umr:placeholder", "true")] : []),
    ...out.map((e) =>
      prop("umr:upstream", [e.props.relation, nodeOf.get(e.to)?.props.id ?? e.to, e.props.constraint].filter(Boolean).join(" ")),
    ),
    ...(p.trainingFlop !== undefined && p.trainingFlop !== null ? [prop("trainingFlop", p.trainingFlop)] : []),
    ...(p.parameterCount !== undefined && p.parameterCount !== null ? [prop("parameterCount", p.parameterCount)] : []),
    ...(p.access ? [prop("umr:access", p.access)] : []),
  ];
  const c: Json = {
    type: TYPE[String(p.kind)] ?? "data",
    "bom-ref": n.key,
    name: s(p.name) ?? n.key,
    ...(p.version ? { version: p.version } : {}),
    ...(s(p.publisher) ? { publisher: p.publisher } : {}),
    ...(s(p.description) ? { description: p.description } : {}),
    ...(s(p.license) ? { licenses: [{ license: { name: p.license } }] } : {}),
    ...(Array.isArray(p.refs) && p.refs.length
      ? { externalReferences: (p.refs as string[]).filter((u) => /^[a-z][a-z0-9+.-]*:/i.test(u)).map((url) => ({ type: "website", url })) }
      : {}),
  };
  if (p.kind === "model") {
    const evaluations = typeof p.evaluations === "string" ? (JSON.parse(p.evaluations) as Json[]) : [];
    c.modelCard = {
      modelParameters: {
        ...(s(p.architecture) ? { modelArchitecture: p.architecture } : {}),
        ...(trainedOn.length ? { datasets: trainedOn.map((e) => ({ ref: e.to })) } : {}),
      },
      ...(evaluations.length
        ? {
            quantitativeAnalysis: {
              performanceMetrics: evaluations.map((e) => ({
                type: String(e.metric ?? "value"),
                value: String(e.value ?? ""),
                slice: String(e.name),
              })),
            },
          }
        : {}),
    };
  }
  // Every link other than training: the component it was built from, as a pedigree ancestor.
  const ancestors = (p.kind === "model" ? derived : out).map((e) => {
    const t = nodeOf.get(e.to);
    return {
      type: TYPE[String(t?.props.kind)] ?? "data",
      "bom-ref": `${n.key} ancestor ${e.to}`,
      name: s(t?.props.name) ?? e.to,
      properties: [prop("umr:key", e.to)],
    };
  });
  if (ancestors.length) c.pedigree = { ancestors };
  c.properties = properties;
  if ((c.externalReferences as unknown[] | undefined)?.length === 0) delete c.externalReferences;
  return c;
}

export function toCycloneDx(g: Subgraph): Json {
  const components = g.nodes.map((n) => component(n, g));
  const dependencies = g.nodes.map((n) => ({
    ref: n.key,
    dependsOn: [...new Set(g.edges.filter((e) => e.from === n.key).map((e) => e.to))].sort(),
  }));
  const inGraph = new Set(g.nodes.map((n) => n.key));
  const vulnerabilities: Json[] = [];
  for (const a of g.advisories) {
    const affects = ((a.affects as string[] | undefined) ?? []).filter((k) => inGraph.has(k));
    const base = {
      id: String(a.sourceId ?? a.id),
      source: { name: String(a.source ?? "umr-graph") },
      ratings: [{ severity: SEVERITY[String(a.severity)] ?? "unknown" }],
      description: String(a.summary ?? ""),
      ...(Array.isArray(a.references) && a.references.length ? { advisories: (a.references as string[]).map((url) => ({ url })) } : {}),
      properties: [prop("umr:advisory", a.id), prop("umr:category", a.category)],
    };
    const exempt = g.exemptions.filter((x) => x.advisoryId === a.id && inGraph.has(String(x.assetKey)));
    const open = affects.filter((k) => !exempt.some((x) => x.assetKey === k));
    if (open.length) vulnerabilities.push({ ...base, "bom-ref": `${String(a.id)} affects`, affects: open.map((ref) => ({ ref })) });
    for (const x of exempt) {
      const props = (x.props ?? {}) as Json;
      vulnerabilities.push({
        ...base,
        "bom-ref": `${String(a.id)} vex ${String(x.assetKey)}`,
        analysis: {
          state:
            props.status === "FIXED"
              ? "resolved"
              : props.status === "NOT_AFFECTED" || props.status === undefined
                ? "not_affected"
                : "in_triage",
          ...(JUSTIFICATION[String(props.justificationCode)] ? { justification: JUSTIFICATION[String(props.justificationCode)] } : {}),
          ...(s(props.justification) ? { detail: props.justification } : {}),
        },
        affects: [{ ref: x.assetKey }],
      });
    }
  }
  const body = { components, dependencies, ...(vulnerabilities.length ? { vulnerabilities } : {}) };
  return {
    $schema: "http://cyclonedx.org/schema/bom-1.6.schema.json",
    bomFormat: "CycloneDX",
    specVersion: "1.6",
    serialNumber: `urn:uuid:${stableUuid(JSON.stringify(body))}`,
    version: 1,
    metadata: { tools: { components: [{ type: "application", name: "umr-graph" }] } },
    ...body,
  };
}

export const cycloneDxExporter: Exporter = {
  name: "CYCLONEDX",
  description:
    "CycloneDX 1.6 ML-BOM (JSON): models with modelCard datasets for trained_on, pedigree ancestors for other links, dependencies, advisories as vulnerabilities with VEX analysis from exemptions; umr-graph reads it back as the same graph.",
  extension: "cdx.json",
  contentType: "application/vnd.cyclonedx+json",
  render: (g: Subgraph) => JSON.stringify(toCycloneDx(g), null, 2) + "\n",
};
