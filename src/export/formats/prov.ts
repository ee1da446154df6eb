// W3C PROV-O as JSON-LD: every asset a prov:Entity (and a umr:Model, umr:Dataset, ...), every link
// a prov:wasDerivedFrom with a prov:qualifiedDerivation that says its relation and constraint,
// publishers prov:Agents the entities are prov:wasAttributedTo. umr-graph reads it back as the
// same graph (src/records/prov.ts).
import type { Subgraph } from "../../model/subgraph.js";
import type { Exporter } from "../exporter.js";

export const PROV_CONTEXT = {
  prov: "http://www.w3.org/ns/prov#",
  rdfs: "http://www.w3.org/2000/01/rdf-schema#",
  umr: "https://umr-graph.invalid/ns#",
};
export const entityIri = (key: string) => `urn:umr:asset:${encodeURIComponent(key)}`;
const KIND_CLASS: Record<string, string> = {
  model: "umr:Model",
  dataset: "umr:Dataset",
  family: "umr:Family",
  application: "umr:Application",
};

export function toProv(g: Subgraph): Record<string, unknown> {
  const agents = new Map<string, string>();
  const graph: Record<string, unknown>[] = g.nodes.map((n) => {
    const p = n.props;
    const out = g.edges.filter((e) => e.from === n.key);
    const entity: Record<string, unknown> = {
      "@id": entityIri(n.key),
      "@type": ["prov:Entity", KIND_CLASS[String(p.kind)] ?? "umr:Model"],
      "rdfs:label": String(p.name ?? n.key),
      "umr:id": String(p.id),
      ...(p.version ? { "umr:version": String(p.version) } : {}),
      "umr:kind": String(p.kind),
      ...(p.placeholder ? { "umr:placeholder": true } : {}),
      ...(p.license ? { "umr:license": String(p.license) } : {}),
    };
    if (out.length) {
      entity["prov:wasDerivedFrom"] = out.map((e) => ({ "@id": entityIri(e.to) }));
      entity["prov:qualifiedDerivation"] = out.map((e) => ({
        "@type": "prov:Derivation",
        "prov:entity": { "@id": entityIri(e.to) },
        "umr:relation": String(e.props.relation),
        ...(e.props.constraint ? { "umr:constraint": String(e.props.constraint) } : {}),
      }));
    }
    if (p.publisher) {
      const agent = `urn:umr:agent:${encodeURIComponent(String(p.publisher))}`;
      agents.set(agent, String(p.publisher));
      entity["prov:wasAttributedTo"] = { "@id": agent };
    }
    return entity;
  });
  for (const [id, name] of agents) graph.push({ "@id": id, "@type": "prov:Agent", "rdfs:label": name });
  return { "@context": PROV_CONTEXT, "@graph": graph };
}

export const provExporter: Exporter = {
  name: "PROV",
  description:
    "W3C PROV-O as JSON-LD: assets as prov:Entity, links as prov:wasDerivedFrom with a qualified prov:Derivation carrying the relation, publishers as prov:Agent; umr-graph reads it back as the same graph.",
  extension: "prov.jsonld",
  contentType: "application/ld+json",
  render: (g: Subgraph) => JSON.stringify(toProv(g), null, 2) + "\n",
};
