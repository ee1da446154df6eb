// The GraphQL IDE at /graphiql: GraphiQL bundled from npm (its editor workers too), the schema's
// docs from introspection, and the README's example operations preloaded as tabs. Nothing is
// fetched from another origin.
import "graphiql/setup-workers/vite";
import "graphiql/style.css";
import { createGraphiQLFetcher } from "@graphiql/toolkit";
import { GraphiQL } from "graphiql";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import readme from "../../README.md?raw";
import { apiKey } from "./api";
import { exampleOperations } from "./examples";

const fetcher = createGraphiQLFetcher({ url: "/graphql" });
const token = apiKey.get();
const headers = token ? JSON.stringify({ authorization: `Bearer ${token}` }, null, 2) : undefined;
const tabs = exampleOperations(readme).map((query) => ({ query, headers }));

createRoot(document.getElementById("graphiql")!).render(
  <StrictMode>
    <GraphiQL fetcher={fetcher} defaultTabs={tabs} initialHeaders={headers} />
  </StrictMode>,
);
