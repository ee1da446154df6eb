// Data flows one way (README "Layout"): model at the bottom, then records → ingest → services →
// export/publish → the surfaces (graphql, http, cli). A folder may import only what lies below it,
// and no module may sit in an import circle. `npm run lint:deps` checks it; .ci/run runs it.
const layer = (from, below) => ({
  name: `layer-${from}`,
  comment: `src/${from} may import only ${below.join(", ")} (data flows one way)`,
  severity: "error",
  from: { path: `^src/${from}/` },
  to: { path: "^src/", pathNot: [`^src/${from}/`, ...below.map((b) => `^src/${b}`)] },
});
const BASE = ["errors\\.ts$", "config\\.ts$", "log\\.ts$", "model/"];

module.exports = {
  forbidden: [
    { name: "no-circular", severity: "error", comment: "no module imports itself through others", from: {}, to: { circular: true } },
    {
      name: "base-imports-nothing-above",
      comment: "errors, config, log and model are the ground floor",
      severity: "error",
      from: { path: "^src/(errors|config|log)\\.ts$|^src/model/" },
      to: { path: "^src/", pathNot: ["^src/(errors|config|log)\\.ts$", "^src/model/"] },
    },
    layer("neo4j", [...BASE]),
    layer("records", [...BASE]),
    layer("ingest", [...BASE, "neo4j/", "records/"]),
    layer("services", [...BASE, "neo4j/", "records/", "ingest/"]),
    layer("export", [...BASE, "neo4j/", "records/", "ingest/", "services/"]),
    layer("publish", [...BASE, "neo4j/", "records/", "ingest/", "services/", "export/"]),
    layer("graphql", [...BASE, "neo4j/", "records/", "ingest/", "services/", "export/", "publish/"]),
    layer("http", [...BASE, "neo4j/", "records/", "ingest/", "services/", "export/", "publish/", "graphql/", "app\\.ts$"]),
    layer("cli", [...BASE, "neo4j/", "records/", "ingest/", "services/", "export/", "publish/", "app\\.ts$"]),
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default"],
      extensions: [".ts", ".js"],
    },
  },
};
