// The Apollo server as every entry point builds it: schema, error formatting, operation limits.
import { ApolloServer, type ApolloServerPlugin } from "@apollo/server";
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import type { AppContext } from "./context.js";
import { requestScope, type Logger } from "../log.js";
import { BOOKMARK_HEADER, encodeBookmarks } from "../neo4j/bookmarks.js";
import { makeFormatError } from "./format-error.js";
import { limitsPlugin } from "./limits.plugin.js";
import { getSchema } from "./schema.js";

/**
 * Every answer marked uncacheable; a request that wrote answers with its bookmarks
 * (src/neo4j/bookmarks.ts), and the notifier told.
 */
const responseHeadersPlugin: ApolloServerPlugin<AppContext> = {
  async requestDidStart() {
    return {
      async willSendResponse({ response, contextValue }) {
        // Answers depend on who asks and on the graph's version: no cache may keep them.
        response.http.headers.set("cache-control", "no-store");
        const written = requestScope.getStore()?.bookmarks?.written;
        if (written?.length) {
          response.http.headers.set(BOOKMARK_HEADER, encodeBookmarks(written));
          // Watches learn of the write now, not at the notifier's next look.
          contextValue.services.notifier.poke();
        }
      },
    };
  },
};

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
    // Apollo adds the stack trace (with file paths) to errors wherever NODE_ENV is not production
    // or test; no answer of ours carries one (the log has the details, by request id).
    includeStacktraceInErrorResponses: false,
    // The landing page loads Apollo Sandbox from a CDN; the bundled GraphiQL at /graphiql replaces it.
    // No cache hints are set, and Apollo's cache-control plugin (on by default) would wrap every
    // field's resolver to look for them.
    plugins: [
      limitsPlugin(schema),
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginCacheControlDisabled(),
      responseHeadersPlugin,
      ...plugins,
    ],
    // The process's own shutdown (src/main.ts) stops Apollo, then the notifier and Neo4j, in order.
    // Apollo's own SIGINT/SIGTERM handler (on outside NODE_ENV=test) would stop it first and
    // leave ours waiting on its stop for ever: a Ctrl-C that never ended.
    stopOnTerminationSignals: false,
  });
}
