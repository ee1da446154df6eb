// The Apollo server as every entry point builds it: schema, error formatting, operation limits.
import { ApolloServer, type ApolloServerPlugin } from "@apollo/server";
import { ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import type { AppContext } from "./context.js";
import type { Logger } from "../log.js";
import { makeFormatError } from "./format-error.js";
import { limitsPlugin } from "./limits.plugin.js";
import { getSchema } from "./schema.js";

export async function createApollo(
  log: Logger,
  plugins: ApolloServerPlugin<AppContext>[] = [],
  opts: { introspection?: boolean } = {},
): Promise<ApolloServer<AppContext>> {
  const schema = await getSchema();
  return new ApolloServer<AppContext>({
    schema,
    formatError: makeFormatError(log),
    introspection: opts.introspection ?? true,
    // The landing page loads Apollo Sandbox from a CDN; the bundled GraphiQL at /graphiql replaces it.
    plugins: [limitsPlugin(schema), ApolloServerPluginLandingPageDisabled(), ...plugins],
  });
}
