import { AsOfArg } from "../as-of.arg.js";
import { Arg, Ctx, ID, Int, Query, Resolver } from "type-graphql";
import { exportSubgraph } from "../../export/export.js";
import type { AppContext } from "../context.js";
import { Direction } from "../types/enums.js";
import { Export, ExportFormat } from "../types/export.type.js";

@Resolver()
export class ExportResolver {
  @Query(() => Export, {
    nullable: true,
    description:
      "The subgraph of the roots and everything reached from them (UPSTREAM: what they were built from; DOWNSTREAM: what was built from them), in one format.",
  })
  async exportSubgraph(
    @Arg("roots", () => [ID], { description: "Keys, or bare ids for their newest versions." }) roots: string[],
    @Arg("direction", () => Direction) direction: Direction,
    @Arg("maxDepth", () => Int, { nullable: true }) maxDepth: number | null,
    @Arg("format", () => ExportFormat) format: ExportFormat,
    @AsOfArg("The subgraph as the graph stood then: records ingested by then, edges as resolved then, advisories in force then.")
    asOf: Date | null,
    @Ctx() ctx: AppContext,
  ): Promise<Export> {
    return exportSubgraph(ctx.services.exports, roots, direction, maxDepth, format, ctx.viewer, asOf);
  }
}
