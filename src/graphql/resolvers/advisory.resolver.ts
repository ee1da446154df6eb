import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import type { AppContext } from "../context.js";
import { toAdvisory, toConnection } from "../mappers.js";
import { Asset } from "../types/asset.type.js";
import { Advisory, AdvisoryConnection, AdvisoryInput, ExemptionInput, RiskCategory } from "../types/risk.type.js";

@Resolver()
export class AdvisoryResolver {
  @Query(() => Advisory, { nullable: true, description: "One advisory by id." })
  async advisory(@Arg("id", () => ID) id: string, @Ctx() ctx: AppContext): Promise<Advisory | null> {
    const [a] = await ctx.services.advisories.byIds([id]);
    return a ? toAdvisory(a) : null;
  }

  @Query(() => AdvisoryConnection, { nullable: true, description: "Advisories, newest first, paged." })
  async advisories(
    @Arg("category", () => RiskCategory, { nullable: true }) category: RiskCategory | null,
    @Arg("openOnly", () => Boolean, { nullable: true, defaultValue: true, description: "Leave out withdrawn advisories." })
    openOnly: boolean | null,
    @Arg("first", () => Int, { nullable: true }) first: number | null,
    @Arg("after", () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: AppContext,
  ): Promise<AdvisoryConnection> {
    return toConnection(await ctx.services.advisories.list(category, openOnly ?? true, first, after), toAdvisory);
  }

  @Mutation(() => Advisory, {
    description:
      "Flags every version of an id that the range matches (and versions ingested later); with range * and no record yet, its placeholder.",
  })
  async publishAdvisory(@Arg("input", () => AdvisoryInput) input: AdvisoryInput, @Ctx() ctx: AppContext): Promise<Advisory> {
    return toAdvisory(await ctx.services.advisories.publish(input, ctx.viewer));
  }

  @Mutation(() => Advisory, { description: "Withdraws an advisory: it stays on record, and reaches nothing any more." })
  async withdrawAdvisory(
    @Arg("id", () => ID) id: string,
    @Arg("reason", () => String) reason: string,
    @Ctx() ctx: AppContext,
  ): Promise<Advisory> {
    return toAdvisory(await ctx.services.advisories.withdraw(id, reason, ctx.viewer));
  }

  @Mutation(() => Boolean, {
    description:
      "Records a VEX statement about an asset and an advisory (with a justification; the caller is its author). NOT_AFFECTED (the default) and FIXED stop the advisory at that asset until `expiresAt`. For assets the caller's organisation owns (or by an admin). True when new, false when one existed.",
  })
  async addExemption(@Arg("input", () => ExemptionInput) input: ExemptionInput, @Ctx() ctx: AppContext): Promise<boolean> {
    return ctx.services.advisories.exempt(input, ctx.viewer);
  }
}

@Resolver(() => Asset)
export class AssetAdvisoriesResolver {
  @FieldResolver(() => [Advisory], { description: "Advisories placed directly on this asset (open and withdrawn)." })
  async advisories(@Root() asset: Asset, @Ctx() ctx: AppContext): Promise<Advisory[]> {
    return (await ctx.loaders.advisories.load(asset.key)).map(toAdvisory);
  }
}
