// Builds the executable schema from the resolvers, and prints it as schema.graphql.
import "reflect-metadata";
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from "graphql";
import { buildSchema } from "type-graphql";
import { createPubSub } from "@graphql-yoga/subscription";
import { WatchResolver } from "./resolvers/watch.resolver.js";
import { AssetResolver, EdgeResolver } from "./resolvers/asset.resolver.js";
import { ExportResolver } from "./resolvers/export.resolver.js";
import { IngestResolver } from "./resolvers/ingest.resolver.js";
import { AdvisoryResolver, AssetAdvisoriesResolver } from "./resolvers/advisory.resolver.js";
import { LineageResolver } from "./resolvers/lineage.resolver.js";
import { TrustResolver } from "./resolvers/trust.resolver.js";
import { ChangesResolver } from "./resolvers/changes.resolver.js";
import { AssetSameAsResolver, SameAsResolver } from "./resolvers/same-as.resolver.js";
import { AffectedResolver, ReachedResolver, RiskReportResolver, RiskResolver } from "./resolvers/risk.resolver.js";

export const resolvers = [
  ChangesResolver,
  AssetResolver,
  EdgeResolver,
  IngestResolver,
  LineageResolver,
  RiskResolver,
  ReachedResolver,
  AffectedResolver,
  RiskReportResolver,
  AdvisoryResolver,
  AssetAdvisoriesResolver,
  ExportResolver,
  TrustResolver,
  SameAsResolver,
  AssetSameAsResolver,
  WatchResolver,
] as const;

let built: Promise<GraphQLSchema> | undefined;

export function getSchema(): Promise<GraphQLSchema> {
  // Subscriptions make their own streams (src/services/notifier.ts); type-graphql asks for a pubSub all the same.
  built ??= buildSchema({ resolvers: [...resolvers], validate: false, pubSub: createPubSub() }).then((schema) => {
    // type-graphql has no decorator for the root types' own descriptions.
    schema.getQueryType()!.description = "What umr-graph answers: assets, lineage, blast radius, risk reports, audits and exports.";
    schema.getMutationType()!.description =
      "What publishers, security teams and admins change: records, advisories, exemptions, API keys, watches.";
    schema.getSubscriptionType()!.description =
      "What dashboards follow over WebSocket (graphql-ws, at /graphql): risk changes and new advisories.";
    return schema;
  });
  return built;
}

export async function printSchemaSDL(): Promise<string> {
  return printSchema(lexicographicSortSchema(await getSchema())).trimEnd() + "\n";
}
