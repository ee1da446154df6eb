import { Arg, Ctx, Field, FieldResolver, Float, ID, Info, InputType, Int, Query, Resolver, Root } from "type-graphql";
import type { GraphQLResolveInfo } from "graphql";
import { recordVersionsNewestFirst, type AssetModel } from "../../model/asset.js";
import type { AppContext } from "../context.js";
import { loadAsset } from "../load-asset.js";
import { toAsset, toConnection, toVisibleEdge } from "../mappers.js";
import { Asset, AssetConnection, Edge, EdgeConnection } from "../types/asset.type.js";
import { AccessKind, AssetKind } from "../types/enums.js";

@InputType({ description: "Filters for `assets`; all given filters must hold." })
export class AssetFilter {
  @Field(() => AssetKind, { nullable: true, description: "Only assets of this kind." })
  kind?: AssetKind | null;

  @Field(() => String, { nullable: true, description: "Only assets of this publisher (exact match)." })
  publisher?: string | null;

  @Field(() => String, { nullable: true, description: "Words to find in id, name or description (each word, as a prefix)." })
  text?: string | null;

  @Field(() => Float, { nullable: true, description: "Registry filter: at least this much training compute, in FLOP (1e25)." })
  minTrainingFlop?: number | null;

  @Field(() => Float, { nullable: true, description: "Registry filter: at least this many parameters." })
  minParameterCount?: number | null;

  @Field(() => AccessKind, { nullable: true, description: "Registry filter: this kind of access." })
  access?: AccessKind | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Only assets built on this id or key ("laion-5b"): its lineage reaches it upstream, at any depth, through any relation but evaluated_on (and across sameAs links).',
  })
  trainedOn?: string | null;
}

@Resolver(() => Asset)
export class AssetResolver {
  @Query(() => Asset, {
    nullable: true,
    description: 'One asset by key ("plip@1.0.0") or bare id ("plip": its newest version, or its placeholder).',
  })
  async asset(@Arg("key", () => ID) key: string, @Ctx() ctx: AppContext): Promise<Asset | null> {
    // An exact key is one loader call; only a bare id needs resolving first.
    // A key the viewer may not see answers exactly as one that names nothing.
    const exact = await ctx.loaders.asset.load(key);
    if (exact) return ctx.visibility.sees(exact) ? toAsset(exact) : null;
    if (key.includes("@")) return null;
    const [resolved] = await ctx.services.assets.resolveKeys([key]);
    const m = resolved ? await ctx.loaders.asset.load(resolved) : null;
    return m && ctx.visibility.sees(m) ? toAsset(m) : null;
  }

  @Query(() => AssetConnection, { nullable: true, description: "Assets in key order, filtered and paged." })
  async assets(
    @Arg("filter", () => AssetFilter, { nullable: true }) filter: AssetFilter | null,
    @Arg("first", () => Int, { nullable: true }) first: number | null,
    @Arg("after", () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: AppContext,
  ): Promise<AssetConnection> {
    const page = await ctx.services.assets.list(filter ?? {}, first, after, ctx.viewer);
    // The listing read the assets (asset/list): the loader keeps them, for this page and any field that asks again.
    for (const [key, model] of page.assets ?? []) ctx.loaders.asset.prime(key, model);
    const models = await ctx.loaders.asset.loadMany(page.items.map((i) => i.node));
    const byKey = new Map<string, Asset>();
    for (const m of models) if (m && !(m instanceof Error)) byKey.set(m.key, toAsset(m));
    return toConnection(page, (k) => byKey.get(k)!);
  }

  @FieldResolver(() => [String], {
    description: "The keys of every version of this id the caller may see, newest first (the newest is what a bare id names).",
  })
  async versions(@Root() asset: Asset, @Ctx() ctx: AppContext): Promise<string[]> {
    if (asset.redacted) return [];
    const records = recordVersionsNewestFirst(await ctx.loaders.versions.load(asset.id));
    const models = await ctx.loaders.asset.loadMany(records.map((v) => v.key));
    return models.filter((m): m is AssetModel => m !== null && !(m instanceof Error) && ctx.visibility.sees(m)).map((m) => m.key);
  }

  @FieldResolver(() => [Edge], { description: "Direct dependencies: what this asset was built from." })
  async upstream(@Root() asset: Asset, @Ctx() ctx: AppContext): Promise<Edge[]> {
    if (asset.redacted) return [];
    return (await ctx.loaders.upstream.load(asset.key)).map((e) => toVisibleEdge(e, ctx.visibility));
  }

  @FieldResolver(() => EdgeConnection, { description: "Direct dependents: what was built from this asset, paged by dependent key." })
  async downstream(
    @Root() asset: Asset,
    @Arg("first", () => Int, { nullable: true }) first: number | null,
    @Arg("after", () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: AppContext,
  ): Promise<EdgeConnection> {
    if (asset.redacted) return { totalCount: 0, edges: [], pageInfo: { hasNextPage: false, endCursor: null } };
    return toConnection(await ctx.loaders.downstream.load({ key: asset.key, first, after }), (e) => toVisibleEdge(e, ctx.visibility));
  }
}

@Resolver(() => Edge)
export class EdgeResolver {
  @FieldResolver(() => Asset, { description: "The dependent: what was built." })
  async from(@Root() edge: Edge, @Ctx() ctx: AppContext, @Info() info: GraphQLResolveInfo): Promise<Asset> {
    return loadAsset(ctx, edge.fromKey, undefined, info);
  }

  @FieldResolver(() => Asset, { description: "What it was built from." })
  async to(@Root() edge: Edge, @Ctx() ctx: AppContext, @Info() info: GraphQLResolveInfo): Promise<Asset> {
    return loadAsset(ctx, edge.toKey, undefined, info);
  }
}
