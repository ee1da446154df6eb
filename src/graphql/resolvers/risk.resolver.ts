// blastRadius, riskReport and audit: who is affected by a risk, and which risks reach an asset.
import type { GraphQLResolveInfo } from "graphql";
import { Arg, Ctx, FieldResolver, ID, Info, Int, Query, Resolver, Root } from "type-graphql";
import { AsOfArg } from "../as-of.arg.js";
import type { AppContext } from "../context.js";
import { loadAsset } from "../load-asset.js";
import { toConnection, toAdvisory, toAffected } from "../mappers.js";
import { Asset } from "../types/asset.type.js";
import { Affected, AuditReport, BlastRadius, Reached, RiskReport, Severity } from "../types/risk.type.js";

@Resolver()
export class RiskResolver {
  @Query(() => BlastRadius, {
    nullable: true,
    description:
      "Every asset affected downstream of an advisory (advisoryId), or of an asset if it were flagged (key): depth, effective severity and explanation of each, totals, and whom to warn.",
  })
  async blastRadius(
    @Arg("advisoryId", () => ID, { nullable: true }) advisoryId: string | null,
    @Arg("key", () => ID, { nullable: true }) key: string | null,
    @Arg("maxDepth", () => Int, { nullable: true }) maxDepth: number | null,
    @Arg("first", () => Int, { nullable: true }) first: number | null,
    @Arg("after", () => String, { nullable: true }) after: string | null,
    @Arg("relations", () => [String], { nullable: true, description: "Narrow the policy: follow only these relations." })
    relations: string[] | null,
    @AsOfArg()
    asOf: Date | null,
    @Ctx() ctx: AppContext,
  ): Promise<BlastRadius> {
    const r = await ctx.services.risk.blastRadius({ advisoryId, key, maxDepth, first, after, relations, asOf }, ctx.viewer);
    return {
      ...toConnection(r, toAffected),
      advisory: toAdvisory(r.advisory),
      complete: r.complete,
      cutReason: r.cutReason,
      hiddenCount: r.hiddenCount,
      byKind: r.byKind,
      byPublisher: r.byPublisher,
      byDepth: r.byDepth,
      contacts: r.contacts,
    };
  }

  @Query(() => RiskReport, {
    nullable: true,
    description: "Every open advisory that reaches an asset from upstream, each with its depth, effective severity and explanation.",
  })
  async riskReport(
    @Arg("key", () => ID) key: string,
    @AsOfArg()
    asOf: Date | null,
    @Ctx() ctx: AppContext,
  ): Promise<RiskReport> {
    const r = await ctx.services.risk.riskReport(key, ctx.viewer, asOf);
    return Object.assign(new RiskReport(), {
      assetKey: r.key,
      highestSeverity: r.highestSeverity,
      risks: r.risks.map(toAffected),
    });
  }

  @Query(() => AuditReport, {
    nullable: true,
    description:
      "npm audit, for models: the risk reports of everything a deployment uses (keys, bare ids, or id@range), each advisory once; failed when a risk is at or above failAt.",
  })
  async audit(
    @Arg("keys", () => [ID]) keys: string[],
    @Arg("failAt", () => Severity, {
      nullable: true,
      defaultValue: Severity.HIGH,
      description: "Fail at or above this severity (default HIGH).",
    })
    failAt: Severity | null,
    @AsOfArg()
    asOf: Date | null,
    @Ctx() ctx: AppContext,
  ): Promise<AuditReport> {
    const r = await ctx.services.risk.audit(keys, failAt ?? Severity.HIGH, ctx.viewer, asOf);
    return {
      ...r,
      highestSeverity: r.highestSeverity,
      findings: r.findings.map((f) => ({ advisory: toAdvisory(f.advisory), reaches: f.reaches.map(toAffected) })),
    };
  }
}

@Resolver(() => Reached)
export class ReachedResolver {
  @FieldResolver(() => Asset, { description: "The asset." })
  asset(@Root() r: Reached, @Ctx() ctx: AppContext, @Info() info: GraphQLResolveInfo): Promise<Asset> {
    return loadAsset(ctx, r.assetKey, r.summary, info);
  }
}

@Resolver(() => Affected)
export class AffectedResolver {
  @FieldResolver(() => Asset, { description: "The affected asset." })
  asset(@Root() r: Affected, @Ctx() ctx: AppContext, @Info() info: GraphQLResolveInfo): Promise<Asset> {
    return loadAsset(ctx, r.assetKey, r.summary, info);
  }
}

@Resolver(() => RiskReport)
export class RiskReportResolver {
  @FieldResolver(() => Asset, { description: "The asset." })
  asset(@Root() r: RiskReport, @Ctx() ctx: AppContext): Promise<Asset> {
    return loadAsset(ctx, r.assetKey);
  }
}
