// The explorer's build: web/ → dist/web (index.html for the app, graphiql.html for the IDE,
// everything else under /static with hashed names). No CDN: every byte is bundled from npm.
import react from "@vitejs/plugin-react";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

export default defineConfig({
  root: here("."),
  base: "/",
  plugins: [react()],
  // GraphiQL's editor workers (Monaco, monaco-graphql) split into chunks: ES module workers.
  worker: { format: "es" },
  // The app's own paths start with /assets/ (deep links to assets): built files live in /static.
  build: {
    outDir: here("../dist/web"),
    emptyOutDir: true,
    assetsDir: "static",
    chunkSizeWarningLimit: 6000,
    rollupOptions: { input: { index: here("index.html"), graphiql: here("graphiql.html") } },
  },
  server: {
    proxy: {
      "/graphql": "http://localhost:4000",
      "/records": "http://localhost:4000",
      "/export": "http://localhost:4000",
      "/blast-radius.csv": "http://localhost:4000",
    },
  },
});
