// SPDX 3.0.1 JSON-LD (AI and Dataset profiles): AI, dataset and software packages and their relationships.
import type { Importer } from "../importer.js";
import { convertSpdx3, looksLikeSpdx3 } from "../spdx3.js";

export const spdx3Importer: Importer = {
  name: "spdx3",
  graphqlName: "SPDX3",
  description:
    "SPDX 3.0.1 JSON-LD documents (validated against the SPDX 3.0.1 JSON Schema): ai_AIPackage, dataset_DatasetPackage and software_Package elements, trainedOn, testedOn, dependsOn, ancestorOf, descendantOf, variantOf and generates relationships (files lifted to their packages), VEX assessments as exemptions.",
  files: /\.spdx3?\.json$|\.jsonld$/i,
  claims: (inputs) => inputs.length > 0 && inputs.every(looksLikeSpdx3),
  parse(inputs) {
    const { records, advisories, exemptions, problems, rejected, stats: s } = convertSpdx3(inputs);
    return {
      records,
      advisories,
      exemptions,
      problems,
      rejected,
      summary: `SPDX 3: ${s.documents} documents, ${s.packages} packages imported (${s.skipped} of other purposes left out), ${s.relationships} lineage relationships`,
      stats: { ...s },
    };
  },
};
