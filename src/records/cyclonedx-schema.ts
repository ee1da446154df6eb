// The official CycloneDX JSON schemas (1.4–1.7), as the CycloneDX project publishes them in its
// JavaScript library (@cyclonedx/cyclonedx-library, res/schema), compiled once per version on
// first use. Remote references are refused: the schemas it needs sit beside them.
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { Ajv, type ValidateFunction } from "ajv";
import addFormatsModule from "ajv-formats";

const require = createRequire(import.meta.url);
const addFormats = addFormatsModule as unknown as (ajv: Ajv) => void;
const schemaDir = path.join(path.dirname(require.resolve("@cyclonedx/cyclonedx-library/package.json")), "res", "schema");
const read = (file: string) => JSON.parse(fs.readFileSync(path.join(schemaDir, file), "utf8")) as Record<string, unknown>;

export const CYCLONEDX_VERSIONS = ["1.4", "1.5", "1.6", "1.7"] as const;
const compiled = new Map<string, ValidateFunction>();

/** The validator of a CycloneDX spec version (1.4–1.7). */
export function cycloneDxValidator(specVersion: (typeof CYCLONEDX_VERSIONS)[number]): ValidateFunction {
  let validate = compiled.get(specVersion);
  if (!validate) {
    const ajv = new Ajv({
      allErrors: true,
      strict: false,
      // The schemas name their neighbours by these ids.
      schemas: {
        "http://cyclonedx.org/schema/spdx.SNAPSHOT.schema.json": read("spdx.SNAPSHOT.schema.json"),
        "http://cyclonedx.org/schema/jsf-0.82.SNAPSHOT.schema.json": read("jsf-0.82.SNAPSHOT.schema.json"),
        "http://cyclonedx.org/schema/cryptography-defs.SNAPSHOT.schema.json": read("cryptography-defs.SNAPSHOT.schema.json"),
      },
      loadSchema: (uri) => Promise.reject(new Error(`remote schemas are not fetched: ${uri}`)),
    });
    addFormats(ajv);
    ajv.addFormat("idn-email", true);
    ajv.addFormat("iri-reference", true);
    validate = ajv.compile(read(`bom-${specVersion}.SNAPSHOT.schema.json`));
    compiled.set(specVersion, validate);
  }
  return validate;
}
