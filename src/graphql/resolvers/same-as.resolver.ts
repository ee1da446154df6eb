import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from "type-graphql";
import type { AppContext } from "../context.js";
import type { SameAsModel } from "../../model/asset.js";
import { Asset } from "../types/asset.type.js";
import { SameAs } from "../types/same-as.type.js";

const toSameAs = (s: SameAsModel): SameAs => ({ ...s, at: new Date(s.at) });

@Resolver()
export class SameAsResolver {
  @Mutation(() => SameAs, {
    description:
      'Declares that two ids name one thing ("pathology-twitter" and "hf:org/twitter-pathology"): lineage and risk then cross between them as within one node. Either may have no record yet. Declaring it again returns the first statement. Role PUBLISHER or above.',
  })
  async declareSameAs(
    @Arg("a", () => String) a: string,
    @Arg("b", () => String) b: string,
    @Arg("note", () => String, { nullable: true }) note: string | null,
    @Ctx() ctx: AppContext,
  ): Promise<SameAs> {
    return toSameAs((await ctx.services.sameAs.declare(a, b, note, ctx.viewer)).statement);
  }

  @Mutation(() => SameAs, {
    description: "Withdraws a sameAs statement (its author's organisation or an admin): the two ids are apart again.",
  })
  async withdrawSameAs(@Arg("a", () => String) a: string, @Arg("b", () => String) b: string, @Ctx() ctx: AppContext): Promise<SameAs> {
    return toSameAs(await ctx.services.sameAs.withdraw(a, b, ctx.viewer));
  }
}

@Resolver(() => Asset)
export class AssetSameAsResolver {
  @FieldResolver(() => [SameAs], { description: "The statements that this asset's id names the same thing as another id." })
  async sameAs(@Root() asset: Asset, @Ctx() ctx: AppContext): Promise<SameAs[]> {
    if (asset.redacted) return [];
    return ((await ctx.loaders.sameAs.load(asset.id)) ?? []).map(toSameAs);
  }
}
