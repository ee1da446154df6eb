// The Apollo server as every entry point builds it: schema, error formatting, operation limits.
import { ApolloServer, type ApolloServerPlugin } from "@apollo/server";
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
    plugins: [limitsPlugin(schema), ...plugins],
  });
}
