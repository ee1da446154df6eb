// SPDX 3.0.1 JSON-LD with the AI and Dataset profiles, valid against the SPDX 3.0.1 JSON Schema:
// models as ai_AIPackage, datasets as dataset_DatasetPackage, applications and families as
// software_Package; trained_on as trainedOn, evaluated_on as testedOn, every other link as
// descendantOf; licenses as license expressions; advisories as security_Vulnerability with VEX
// assessment relationships (affected, or not affected / fixed from exemptions). Each element
// carries an "umr:" external identifier (id, version, kind) and each relationship its relation
// and constraint in its comment, so that umr-graph reads it back as the same graph.
import { createHash } from "node:crypto";
import type { Subgraph, SubgraphNode } from "../../model/subgraph.js";
import type { Exporter } from "../exporter.js";

type Json = Record<string, unknown>;
const CONTEXT = "https://spdx.org/rdf/3.0.1/spdx-context.jsonld";
const BASE = "https://umr-graph.invalid/spdx/";
const iri = (kind: string, key: string) => `${BASE}${kind}/${encodeURIComponent(key)}`;
const TYPE: Record<string, [string, string]> = {
  model: ["ai_AIPackage", "model"],
  dataset: ["dataset_DatasetPackage", "data"],
  application: ["software_Package", "application"],
  family: ["software_Package", "other"],
};
const VEX_JUSTIFICATION: Record<string, string> = {
  component_not_present: "componentNotPresent",
  vulnerable_code_not_present: "vulnerableCodeNotPresent",
  vulnerable_code_not_in_execute_path: "vulnerableCodeNotInExecutePath",
  vulnerable_code_cannot_be_controlled_by_adversary: "vulnerableCodeCannotBeControlledByAdversary",
  inline_mitigations_already_exist: "inlineMitigationsAlreadyExist",
};

/** The umr: identifier of an element: what umr-graph reads back (src/records/spdx3.ts). */
export function umrIdentifier(p: Record<string, unknown>): string {
  return `umr:${new URLSearchParams({ id: String(p.id), ...(p.version ? { version: String(p.version) } : {}), kind: String(p.kind) }).toString()}`;
}

export function toSpdx3(g: Subgraph): Json {
  const ci = "_:creationinfo";
  const tool = `${BASE}agent/umr-graph`;
  const created =
    g.nodes
      .map((n) => String(n.props.ingestedAt ?? ""))
      .filter(Boolean)
      .sort()
      .at(-1) ?? "1970-01-01T00:00:00Z";
  const graph: Json[] = [
    {
      type: "CreationInfo",
      "@id": ci,
      specVersion: "3.0.1",
      created: new Date(created).toISOString().replace(/\.\d{3}Z$/, "Z"),
      createdBy: [tool],
    },
    { type: "Organization", spdxId: tool, creationInfo: ci, name: "umr-graph" },
  ];
  const publishers = new Map<string, string>();
  const element = (n: SubgraphNode): Json => {
    const p = n.props;
    const [type, purpose] = TYPE[String(p.kind)] ?? TYPE.application!;
    const e: Json = {
      type,
      spdxId: iri("asset", n.key),
      creationInfo: ci,
      name: String(p.name ?? n.key),
      software_primaryPurpose: purpose,
      externalIdentifier: [
        { type: "ExternalIdentifier", externalIdentifierType: "other", identifier: umrIdentifier(p), issuingAuthority: "umr-graph" },
      ],
    };
    if (p.version) e.software_packageVersion = String(p.version);
    if (p.description) e.description = String(p.description);
    if (p.releaseDate && /^\d{4}-\d{2}-\d{2}$/.test(String(p.releaseDate))) e.releaseTime = `${String(p.releaseDate)}T00:00:00Z`;
    if (p.kind === "dataset") e.dataset_datasetType = ["other"];
    if (p.kind === "model" && p.architecture) e.ai_typeOfModel = [String(p.architecture)];
    if (p.publisher) {
      let agent = publishers.get(String(p.publisher));
      if (!agent) {
        agent = iri("agent", String(p.publisher));
        publishers.set(String(p.publisher), agent);
        graph.push({ type: "Organization", spdxId: agent, creationInfo: ci, name: String(p.publisher) });
      }
      e.suppliedBy = agent;
    }
    return e;
  };
  const elements = g.nodes.map(element);
  graph.push(...elements);
  g.nodes.forEach((n) => {
    if (!n.props.license) return;
    const lic = iri("license", n.key);
    graph.push({
      type: "simplelicensing_LicenseExpression",
      spdxId: lic,
      creationInfo: ci,
      simplelicensing_licenseExpression: String(n.props.license),
    });
    graph.push({
      type: "Relationship",
      spdxId: iri("rel", `${n.key} license`),
      creationInfo: ci,
      from: iri("asset", n.key),
      relationshipType: "hasDeclaredLicense",
      to: [lic],
    });
  });
  g.edges.forEach((e, i) => {
    const relation = String(e.props.relation ?? "");
    const type = relation === "trained_on" ? "trainedOn" : relation === "evaluated_on" ? "testedOn" : "descendantOf";
    graph.push({
      type: "Relationship",
      spdxId: iri("rel", `${i} ${e.from} ${e.to}`),
      creationInfo: ci,
      from: iri("asset", e.from),
      relationshipType: type,
      to: [iri("asset", e.to)],
      comment: `umr:${new URLSearchParams({ relation, ...(e.props.constraint ? { constraint: String(e.props.constraint) } : {}) }).toString()}`,
    });
  });
  const inGraph = new Set(g.nodes.map((n) => n.key));
  for (const a of g.advisories) {
    const vuln = iri("vulnerability", String(a.id));
    graph.push({
      type: "security_Vulnerability",
      spdxId: vuln,
      creationInfo: ci,
      name: String(a.sourceId ?? a.id),
      summary: String(a.summary ?? ""),
    });
    const exempt = new Map(g.exemptions.filter((x) => x.advisoryId === a.id).map((x) => [String(x.assetKey), (x.props ?? {}) as Json]));
    for (const key of ((a.affects as string[] | undefined) ?? []).filter((k) => inGraph.has(k) && !exempt.has(k)))
      graph.push({
        type: "security_VexAffectedVulnAssessmentRelationship",
        spdxId: iri("vex", `${String(a.id)} ${key}`),
        creationInfo: ci,
        from: vuln,
        relationshipType: "affects",
        to: [iri("asset", key)],
        security_actionStatement: "Review the advisory and its explanation chain in umr-graph.",
      });
    for (const [key, x] of exempt) {
      if (!inGraph.has(key)) continue;
      const fixed = x.status === "FIXED";
      graph.push({
        type: fixed ? "security_VexFixedVulnAssessmentRelationship" : "security_VexNotAffectedVulnAssessmentRelationship",
        spdxId: iri("vex", `${String(a.id)} ${key}`),
        creationInfo: ci,
        from: vuln,
        relationshipType: fixed ? "fixedIn" : "doesNotAffect",
        to: [iri("asset", key)],
        ...(fixed ? {} : { security_impactStatement: String(x.justification ?? "not affected") }),
        ...(!fixed && VEX_JUSTIFICATION[String(x.justificationCode)]
          ? { security_justificationType: VEX_JUSTIFICATION[String(x.justificationCode)] }
          : {}),
      });
    }
  }
  const digest = createHash("sha256").update(JSON.stringify(graph)).digest("hex").slice(0, 16);
  graph.push({
    type: "SpdxDocument",
    spdxId: `${BASE}document/${digest}`,
    creationInfo: ci,
    name: "umr-graph subgraph",
    profileConformance: ["core", "software", "ai", "dataset", ...(g.advisories.length ? ["security"] : [])],
    element: elements.map((e) => e.spdxId),
    rootElement: elements.map((e) => e.spdxId),
  });
  return { "@context": CONTEXT, "@graph": graph };
}

export const spdx3Exporter: Exporter = {
  name: "SPDX3",
  description:
    "SPDX 3.0.1 JSON-LD with the AI and Dataset profiles: AI, dataset and software packages, trainedOn / testedOn / descendantOf relationships, license expressions, vulnerabilities with VEX assessments; umr-graph reads it back as the same graph.",
  extension: "spdx3.json",
  contentType: "application/spdx+json",
  render: (g: Subgraph) => JSON.stringify(toSpdx3(g), null, 2) + "\n",
};
