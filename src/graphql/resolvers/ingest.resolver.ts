import { Arg, Ctx, Mutation, Resolver } from "type-graphql";
import type { AppContext } from "../../context.js";
import { parseInputs } from "../../records/load.js";
import { IngestInput, IngestReport } from "../types/ingest.type.js";

@Resolver()
export class IngestResolver {
  @Mutation(() => IngestReport, {
    description: "Validates and writes records. All or nothing unless `partial`; identical re-ingests are unchanged; a version that exists with other contents is refused (CONFLICT).",
  })
  async ingestRecords(@Arg("input", () => IngestInput) input: IngestInput, @Ctx() ctx: AppContext): Promise<IngestReport> {
    const loaded = parseInputs(input.documents, input.format);
    const report = await ctx.services.ingest.ingest(loaded, { dryRun: input.dryRun, partial: input.partial, strict: input.strict });
    return {
      ...report,
      problems: report.problems.map((p) => ({ ...p, line: p.line ?? null, code: p.code ?? (p.severity === "error" ? "BAD_USER_INPUT" : null) })),
    };
  }
}
