// GraphQL subscriptions over WebSocket (the graphql-ws protocol) at /graphql, beside Apollo's
// HTTP: a dashboard connects with its API key in the connection parameters
// ({"authorization": "Bearer <token>"}) or the upgrade request's Authorization header.
import type http from "node:http";
import { useServer } from "graphql-ws/use/ws";
import { WebSocketServer } from "ws";
import { createContext } from "../graphql/context.js";
import { makeFormatError } from "../graphql/format-error.js";
import { getSchema } from "../graphql/schema.js";
import type { Logger } from "../log.js";
import type { Viewer } from "../model/viewer.js";
import type { Executor } from "../neo4j/executor.js";
import type { IdentityService } from "../services/identity.service.js";
import type { Services } from "../services/services.js";
import { randomUUID } from "node:crypto";
import { GraphQLError } from "graphql";

export async function startSubscriptions(opts: {
  httpServer: http.Server;
  db: Executor;
  log: Logger;
  services: Services;
  identity: IdentityService;
}): Promise<{ close(): Promise<void> }> {
  const { db, log, services } = opts;
  const schema = await getSchema();
  const formatError = makeFormatError(log);
  const wss = new WebSocketServer({ server: opts.httpServer, path: "/graphql" });
  const viewers = new WeakMap<object, Viewer>();
  const server = useServer(
    {
      schema,
      onConnect: async (ctx) => {
        const params = ctx.connectionParams ?? {};
        const header = typeof params.authorization === "string" ? params.authorization : ctx.extra.request.headers.authorization;
        try {
          viewers.set(ctx.extra, await opts.identity.identify(header));
          return true;
        } catch (err) {
          log.info({ err }, "subscription refused: its credential was not accepted");
          return false;
        }
      },
      context: (ctx) => {
        const viewer = viewers.get(ctx.extra);
        return createContext({ db, log, services, requestId: randomUUID(), ...(viewer ? { viewer } : {}) });
      },
      // Errors as every answer carries them: a code and a request id, never a stack or a path.
      onError: (_ctx, _id, _payload, errors) => errors.map((e) => formatError(e.toJSON(), e)),
      onNext: (_ctx, _id, _payload, _args, result) =>
        result.errors
          ? { ...result, errors: result.errors.map((e) => formatError(e instanceof GraphQLError ? e.toJSON() : e, e)) }
          : result,
    },
    wss,
  );
  return {
    close: async () => {
      await server.dispose();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}
