// API keys (admins) and the audit trail (auditors and admins).
import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from "type-graphql";
import type { AppContext } from "../context.js";
import { toConnection } from "../mappers.js";
import { ApiKey, ApiKeyInput, type AuditEvent, AuditEventConnection, EventFilter, NewApiKey } from "../types/trust.type.js";

@Resolver()
export class TrustResolver {
  @Mutation(() => NewApiKey, { description: "Makes an API key (admins). Its token is in this answer only." })
  async createApiKey(@Arg("input", () => ApiKeyInput) input: ApiKeyInput, @Ctx() ctx: AppContext): Promise<NewApiKey> {
    return await ctx.services.keys.create(ctx.viewer, input);
  }

  @Mutation(() => ApiKey, { description: "Revokes an API key (admins): its next request is refused." })
  async revokeApiKey(@Arg("id", () => ID) id: string, @Ctx() ctx: AppContext): Promise<ApiKey> {
    return await ctx.services.keys.revoke(ctx.viewer, id);
  }

  @Query(() => [ApiKey], { nullable: true, description: "Every API key, oldest first (admins)." })
  async apiKeys(@Ctx() ctx: AppContext): Promise<ApiKey[]> {
    return await ctx.services.keys.list(ctx.viewer);
  }

  @Query(() => AuditEventConnection, { nullable: true, description: "The audit trail, newest first (auditors and admins)." })
  async events(
    @Arg("filter", () => EventFilter, { nullable: true }) filter: EventFilter | null,
    @Arg("first", () => Int, { nullable: true }) first: number | null,
    @Arg("after", () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: AppContext,
  ): Promise<AuditEventConnection> {
    const f = filter ?? {};
    const page = await ctx.services.events.list(
      ctx.viewer,
      { ...f, since: f.since?.toISOString() ?? null, until: f.until?.toISOString() ?? null },
      first,
      after,
    );
    return toConnection(page, (e) => e as AuditEvent);
  }
}
