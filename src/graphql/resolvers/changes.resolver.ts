import { Arg, Ctx, ID, Int, Query, Resolver } from "type-graphql";
import { GraphQLDateTime } from "graphql-scalars";
import type { AppContext } from "../context.js";
import { ChangeConnection } from "../types/change.type.js";

@Resolver()
export class ChangesResolver {
  @Query(() => ChangeConnection, {
    nullable: true,
    description:
      "What changed answers, oldest first: new versions (and the dependents whose references moved), advisories published and withdrawn, exemptions. The feed a dashboard polls (`after` the last endCursor); records you may not see are left out.",
  })
  async changes(
    @Arg("since", () => GraphQLDateTime, { nullable: true, description: "At or after this time." }) since: Date | null,
    @Arg("until", () => GraphQLDateTime, { nullable: true, description: "Before this time." }) until: Date | null,
    @Arg("keys", () => [ID], { nullable: true, description: "Only changes that touched these keys, bare ids (any version) or advisories." })
    keys: string[] | null,
    @Arg("first", () => Int, { nullable: true }) first: number | null,
    @Arg("after", () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: AppContext,
  ): Promise<ChangeConnection> {
    const page = await ctx.services.changes.changes(
      { since: since?.toISOString() ?? null, until: until?.toISOString() ?? null, keys },
      first,
      after,
      ctx.viewer,
    );
    return { edges: page.items, pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.endCursor } };
  }
}
