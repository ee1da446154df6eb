import { createRequire } from "node:module";
import { defineConfig } from "vitest/config";

const require = createRequire(import.meta.url);

export default defineConfig({
  resolve: {
    // One graphql instance: Node loads graphql's CommonJS build for type-graphql and Apollo,
    // so our own imports must not get the .mjs build that Vite would pick.
    alias: { graphql: require.resolve("graphql") },
  },
  test: {
    include: ["test/**/*.test.ts"],
    // One Neo4j per run, provided by the rule in src/neo4j/provider.ts.
    globalSetup: ["test/setup/global-neo4j.ts"],
    setupFiles: ["test/setup/reflect.ts"],
    // Neo4j Community has one database: test files that rebuild the whole graph take turns.
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 240_000,
    reporters: process.env.CI ? ["default", ["json", { outputFile: "test-results/vitest.json" }]] : ["default"],
  },
});
