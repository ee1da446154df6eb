// W3C PROV-O JSON-LD: entities and their derivations (what umr-graph's PROV export writes).
import type { Importer } from "../importer.js";
import { convertProv, looksLikeProv } from "../prov.js";

export const provImporter: Importer = {
  name: "prov",
  graphqlName: "PROV",
  description:
    "W3C PROV-O as JSON-LD with the prov: prefix (as umr-graph's PROV export writes it): prov:Entity records, prov:wasDerivedFrom (with prov:qualifiedDerivation's relation) as upstream.",
  files: /\.prov\.jsonld$/i,
  claims: (inputs) => inputs.length > 0 && inputs.every(looksLikeProv),
  parse(inputs) {
    const { records, problems, rejected } = convertProv(inputs);
    return { records, problems, rejected, summary: `PROV: ${records.length} entities imported` };
  },
};
