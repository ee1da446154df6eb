import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root, Subscription } from "type-graphql";
import type { AppContext } from "../context.js";
import type { AdvisoryModel } from "../../model/advisory.js";
import type { CauseModel, NotificationModel, RiskChangeModel, WatchModel } from "../../model/watch.js";
import type { RiskChangedEvent as RiskChangedModel } from "../../services/notifier.js";
import { toAdvisory, toEdge } from "../mappers.js";
import { Advisory } from "../types/risk.type.js";
import { Severity } from "../types/enums.js";
import { Notification, type NotificationCause, type RiskChange, RiskChangedEvent, Watch, WatchInput } from "../types/watch.type.js";
import type { SeverityName } from "../../model/vocab.js";
import { MAX_AUDIT_KEYS } from "../../services/limits.js";
import { BadUserInputError } from "../../errors.js";

const toWatch = (w: WatchModel): Watch => ({ ...w, createdBy: w.subject, createdAt: new Date(w.createdAt) });
const toCause = (c: CauseModel): NotificationCause => ({ ...c, at: new Date(c.at) }) as NotificationCause;
const toChange = (c: RiskChangeModel): RiskChange =>
  ({
    ...c,
    advisory: { ...c.advisory, withdrawnAt: c.advisory.withdrawnAt ? new Date(c.advisory.withdrawnAt) : null },
    path: c.path.map(toEdge),
  }) as RiskChange;
const toNotification = (n: NotificationModel): Notification => ({
  id: n.id,
  createdAt: new Date(n.createdAt),
  causes: n.payload.causes.map(toCause),
  changes: n.payload.changes.map(toChange),
  status: n.status,
  attempts: n.attempts.map((a) => ({ ...a, at: new Date(a.at) })),
  nextAttemptAt: n.nextAttemptAt ? new Date(n.nextAttemptAt) : null,
  deliveredAt: n.deliveredAt ? new Date(n.deliveredAt) : null,
});

@Resolver(() => Watch)
export class WatchResolver {
  @Query(() => [Watch], { description: "Your organisation's watches, oldest first (an admin's: every watch). Needs an API key." })
  async watches(@Ctx() ctx: AppContext): Promise<Watch[]> {
    return (await ctx.services.watches.list(ctx.viewer)).map(toWatch);
  }

  @Query(() => Watch, { description: "One of your organisation's watches." })
  async watch(@Arg("id", () => ID) id: string, @Ctx() ctx: AppContext): Promise<Watch> {
    return toWatch(await ctx.services.watches.get(id, ctx.viewer));
  }

  @Mutation(() => Watch, {
    description:
      "Watches assets: from now on, each time a committed write changes which advisories reach them (at minSeverity or above) — a new advisory, a new path through a new version, an exemption or withdrawal that removes one — the watch gets one notification, POSTed signed to its webhook. Any API key; it sees as your organisation.",
  })
  async createWatch(@Arg("input", () => WatchInput) input: WatchInput, @Ctx() ctx: AppContext): Promise<Watch> {
    return toWatch(await ctx.services.watches.create(input, ctx.viewer));
  }

  @Mutation(() => Boolean, { description: "Deletes one of your organisation's watches, and its notifications (queued ones are not sent)." })
  async deleteWatch(@Arg("id", () => ID) id: string, @Ctx() ctx: AppContext): Promise<boolean> {
    return ctx.services.watches.delete(id, ctx.viewer);
  }

  @Mutation(() => Notification, {
    description: "Sends a notification again (same id, so a receiver that has it may skip it); due at once.",
  })
  async redeliverNotification(@Arg("id", () => ID) id: string, @Ctx() ctx: AppContext): Promise<Notification> {
    const n = await ctx.services.watches.redeliver(id, ctx.viewer);
    ctx.services.notifier.poke();
    return toNotification(n);
  }

  @FieldResolver(() => [Notification], { description: "What it was told, newest first, with each delivery's log." })
  async notifications(
    @Root() watch: Watch,
    @Arg("first", () => Int, { defaultValue: 20, description: "How many (at most 100)." }) first: number,
    @Ctx() ctx: AppContext,
  ): Promise<Notification[]> {
    return (await ctx.services.watches.notifications(watch.id, ctx.viewer, first)).map(toNotification);
  }

  @Subscription(() => RiskChangedEvent, {
    description:
      "The changes of what reaches these assets (keys, bare ids or id@range), from the moment of subscribing: over WebSocket (graphql-ws) at /graphql.",
    subscribe: ({ args, context }) => {
      const ctx = context as AppContext;
      const a = args as { keys: string[]; downstreamDepth: number; minSeverity: SeverityName };
      if (!a.keys.length || a.keys.length > MAX_AUDIT_KEYS)
        throw new BadUserInputError(`keys: expected 1 to ${MAX_AUDIT_KEYS} keys, given ${a.keys.length}`);
      return ctx.services.notifier.riskChanges(
        { keys: a.keys, downstreamDepth: a.downstreamDepth, ownedByMyOrg: false, org: ctx.viewer.org, minSeverity: a.minSeverity },
        ctx.viewer,
      );
    },
  })
  riskChanged(
    @Root() event: RiskChangedModel,
    @Arg("keys", () => [String], { description: "Keys, bare ids (newest version) or id@range." }) _keys: string[],
    @Arg("downstreamDepth", () => Int, { defaultValue: 0, description: "Also everything within this many hops downstream." })
    _downstreamDepth: number,
    @Arg("minSeverity", () => Severity, {
      defaultValue: "LOW",
      description: "Only advisories reaching at this effective severity or above.",
    })
    _minSeverity: Severity,
  ): RiskChangedEvent {
    return { at: new Date(event.at), causes: event.causes.map(toCause), changes: event.changes.map(toChange) };
  }

  @Subscription(() => Advisory, {
    description: "Advisories as they are published, at minSeverity or above, that flag something you may see.",
    subscribe: ({ args, context }) => {
      const ctx = context as AppContext;
      return ctx.services.notifier.advisoriesPublished((args as { minSeverity: SeverityName }).minSeverity, ctx.viewer);
    },
  })
  advisoryPublished(
    @Root() advisory: AdvisoryModel,
    @Arg("minSeverity", () => Severity, { defaultValue: "LOW" }) _minSeverity: Severity,
  ): Advisory {
    return toAdvisory(advisory);
  }
}
