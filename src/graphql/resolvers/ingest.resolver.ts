import { Arg, Ctx, Mutation, Resolver } from "type-graphql";
import type { AppContext } from "../context.js";
import { parseInputs } from "../../records/load.js";
import { IngestInput, IngestReport, RecordFormat } from "../types/ingest.type.js";

@Resolver()
export class IngestResolver {
  @Mutation(() => IngestReport, {
    description:
      "Validates and writes records. All or nothing unless `partial`; identical re-ingests are unchanged; a version that exists with other contents is refused (CONFLICT).",
  })
  async ingestRecords(@Arg("input", () => IngestInput) input: IngestInput, @Ctx() ctx: AppContext): Promise<IngestReport> {
    const loaded = parseInputs(input.documents, input.format ?? RecordFormat.AUTO, { lenient: Boolean(input.lenient) });
    const report = await ctx.services.ingest.ingest(loaded, {
      dryRun: Boolean(input.dryRun),
      partial: Boolean(input.partial),
      strict: Boolean(input.strict),
      viewer: ctx.viewer,
    });
    return {
      ...report,
      problems: report.problems.map((p) => ({
        ...p,
        line: p.line ?? null,
        code: p.code ?? (p.severity === "error" ? "BAD_USER_INPUT" : null),
      })),
    };
  }
}
