// Typed operations for the explorer, from the API's schema: `npm run codegen` writes src/gql/.
import type { CodegenConfig } from "@graphql-codegen/cli";

const config: CodegenConfig = {
  schema: "schema.graphql",
  documents: ["web/src/**/*.ts", "web/src/**/*.tsx", "!web/src/gql/**/*"],
  generates: {
    "web/src/gql/": {
      preset: "client",
      config: { documentMode: "string", enumType: "const", useTypeImports: true, scalars: { DateTime: "string", JSON: "unknown" } },
      presetConfig: { fragmentMasking: false },
    },
  },
  ignoreNoDocuments: false,
};
export default config;
