// lineage and paths: what an asset was built from, what was built from it, and why.
import { Arg, Ctx, ID, Int, Query, Resolver } from "type-graphql";
import { AsOfArg } from "../as-of.arg.js";
import type { AppContext } from "../context.js";
import { toConnection, toEdge } from "../mappers.js";
import { Edge } from "../types/asset.type.js";
import { Direction, EdgeType } from "../types/enums.js";
import { Reached, Traversal } from "../types/risk.type.js";

@Resolver()
export class LineageResolver {
  @Query(() => Traversal, {
    nullable: true,
    description:
      "Everything an asset was built from (UPSTREAM) or everything built from it (DOWNSTREAM): each asset once, with its hop distance and one shortest chain of edges; by depth then key, paged.",
  })
  async lineage(
    @Arg("key", () => ID, { description: "A key, or a bare id for its newest version." }) key: string,
    @Arg("direction", () => Direction) direction: Direction,
    @Arg("maxDepth", () => Int, { nullable: true, description: "Hops to go at most (default and ceiling: 100)." }) maxDepth: number | null,
    @Arg("edgeTypes", () => [EdgeType], { nullable: true, description: "Follow only these edge types." }) edgeTypes: EdgeType[] | null,
    @Arg("first", () => Int, { nullable: true }) first: number | null,
    @Arg("after", () => String, { nullable: true }) after: string | null,
    @AsOfArg()
    asOf: Date | null,
    @Ctx() ctx: AppContext,
  ): Promise<Traversal> {
    const page = await ctx.services.lineage.lineage({ key, direction, maxDepth, edgeTypes, first, after, asOf }, ctx.viewer);
    return {
      ...toConnection(page, (r) =>
        Object.assign(new Reached(), {
          assetKey: r.key,
          depth: r.depth,
          path: r.path.map(toEdge),
          summary: r.summary,
          redacted: Boolean(r.redacted),
        }),
      ),
      complete: page.complete,
      cutReason: page.cutReason,
      hiddenCount: page.hiddenCount,
    };
  }

  @Query(() => [[Edge]], {
    nullable: true,
    description:
      "Up to `limit` (default 5, at most 25) shortest distinct chains of edges from one asset up to another (along the arrows: `to` is upstream of `from`).",
  })
  async paths(
    @Arg("from", () => ID) from: string,
    @Arg("to", () => ID) to: string,
    @Arg("maxDepth", () => Int, { nullable: true }) maxDepth: number | null,
    @Arg("limit", () => Int, { nullable: true }) limit: number | null,
    @AsOfArg()
    asOf: Date | null,
    @Ctx() ctx: AppContext,
  ): Promise<Edge[][]> {
    return (await ctx.services.lineage.paths({ from, to, maxDepth, limit, asOf }, ctx.viewer)).map((p) => p.map(toEdge));
  }
}
