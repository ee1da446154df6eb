// CycloneDX BOMs (JSON, 1.4–1.7): ML models, datasets and applications, their lineage, and VEX.
import { convertCycloneDx, looksLikeCycloneDx } from "../cyclonedx.js";
import type { Importer } from "../importer.js";

export const cycloneDxImporter: Importer = {
  name: "cyclonedx",
  graphqlName: "CYCLONEDX",
  description:
    "CycloneDX BOMs (JSON, spec 1.4–1.7, validated against the official schema): machine-learning-model, data and application components, modelCard datasets, pedigree and dependencies as lineage, vulnerabilities and their VEX analysis as advisories and exemptions.",
  files: /\.cdx\.json$|(?:^|[\\/])bom\.json$/i,
  claims: (inputs) => inputs.length > 0 && inputs.every(looksLikeCycloneDx),
  parse(inputs, opts) {
    const { records, advisories, exemptions, problems, rejected, stats: s } = convertCycloneDx(inputs, opts);
    return {
      records,
      advisories,
      exemptions,
      problems,
      rejected,
      summary: `CycloneDX: ${s.documents} BOMs, ${s.components} components imported (${s.skipped} of other types left out), ${s.vulnerabilities} advisories, ${s.exemptions} VEX statements`,
      stats: { ...s },
    };
  },
};
