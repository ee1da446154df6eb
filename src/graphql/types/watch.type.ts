import { Field, ID, InputType, Int, ObjectType } from "type-graphql";
import { GraphQLDateTime } from "graphql-scalars";
import { Edge } from "./asset.type.js";
import { ChangeKind, NotificationStatus, RiskCategory, RiskChangeType, Severity } from "./enums.js";

@InputType({ description: "What to watch, how bad it must be, and where to send what changes." })
export class WatchInput {
  @Field(() => String, { nullable: true, description: "A label (shown in notifications)." })
  name?: string | null;

  @Field(() => [String], {
    nullable: true,
    description: "Assets to watch: keys, bare ids (newest version) or id@range, as `audit` takes them (a deployment manifest's list).",
  })
  keys?: string[] | null;

  @Field(() => Int, {
    nullable: true,
    defaultValue: 0,
    description: "Also everything within this many hops downstream of the keys (0: the keys only).",
  })
  downstreamDepth?: number | null;

  @Field(() => Boolean, { nullable: true, defaultValue: false, description: "Also every record your organisation owns." })
  ownedByMyOrg?: boolean | null;

  @Field(() => Severity, {
    nullable: true,
    defaultValue: "LOW",
    description: "Only advisories reaching at this effective severity or above.",
  })
  minSeverity?: Severity | null;

  @Field(() => String, {
    nullable: true,
    description: "Where to POST each notification (signed with `secret`); none: kept for `Watch.notifications`.",
  })
  webhookUrl?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      "The webhook's signing secret (at least 16 characters): each delivery carries X-UMR-Signature, HMAC-SHA256 of it. Never shown again.",
  })
  secret?: string | null;
}

@ObjectType({ description: "A standing question: tell me when what reaches these assets changes." })
export class Watch {
  @Field(() => ID, { description: "Its id." })
  id!: string;

  @Field(() => String, { nullable: true, description: "Its label." })
  name!: string | null;

  @Field(() => String, { nullable: true, description: "The organisation it notifies for (it sees as that organisation)." })
  org!: string | null;

  @Field(() => String, { description: "Who made it." })
  createdBy!: string;

  @Field(() => GraphQLDateTime, { description: "When it was made: changes from then on are notified." })
  createdAt!: Date;

  @Field(() => [String], { description: "The keys, ids or ranges it watches." })
  keys!: string[];

  @Field(() => Int, { description: "How many hops downstream of the keys it also watches." })
  downstreamDepth!: number;

  @Field(() => Boolean, { description: "Whether it also watches every record its organisation owns." })
  ownedByMyOrg!: boolean;

  @Field(() => Severity, { description: "The least effective severity it is told of." })
  minSeverity!: Severity;

  @Field(() => String, { nullable: true, description: "Where its notifications are POSTed." })
  webhookUrl!: string | null;
}

@ObjectType({ description: "The advisory a risk change is about, as the watch saw it." })
export class RiskChangeAdvisory {
  @Field(() => ID, { description: "Its id." })
  id!: string;

  @Field(() => RiskCategory, { description: "The kind of risk." })
  category!: RiskCategory;

  @Field(() => Severity, { description: "Its severity where it was found." })
  severity!: Severity;

  @Field(() => String, { description: "What was found." })
  summary!: string;

  @Field(() => GraphQLDateTime, { nullable: true, description: "When it was withdrawn (a CLEARED change's usual cause)." })
  withdrawnAt!: Date | null;
}

@ObjectType({ description: "One change of a watched answer, explained." })
export class RiskChange {
  @Field(() => RiskChangeType, { description: "Reached, reached by another chain, or cleared." })
  type!: RiskChangeType;

  @Field(() => String, { description: "The watched asset whose answer changed." })
  key!: string;

  @Field(() => RiskChangeAdvisory, { description: "The advisory." })
  advisory!: RiskChangeAdvisory;

  @Field(() => Severity, { nullable: true, description: "Its severity at the asset (null when cleared)." })
  effectiveSeverity!: Severity | null;

  @Field(() => Int, { nullable: true, description: "Hops from the asset up to the flagged source (null when cleared)." })
  depth!: number | null;

  @Field(() => [Edge], { description: "The chain from the asset up to the flagged source (empty when cleared)." })
  path!: Edge[];

  @Field(() => [String], { description: "Whom to tell: the asset's owner and contacts." })
  notify!: string[];
}

@ObjectType({ description: "A write that caused a notification (an entry of the `changes` feed)." })
export class NotificationCause {
  @Field(() => ID, { description: "The trail event's id." })
  id!: string;

  @Field(() => GraphQLDateTime, { description: "When it was committed." })
  at!: Date;

  @Field(() => ChangeKind, { description: "What it was." })
  kind!: ChangeKind;

  @Field(() => [String], { description: "The keys it touched that you may see." })
  keys!: string[];

  @Field(() => Int, { description: "How many keys it touched that you may not see." })
  hiddenCount!: number;

  @Field(() => String, { nullable: true, description: "Its advisory, for advisory and exemption writes." })
  advisoryId!: string | null;
}

@ObjectType({ description: "One webhook delivery attempt." })
export class DeliveryAttempt {
  @Field(() => GraphQLDateTime, { description: "When it was made." })
  at!: Date;

  @Field(() => Int, { nullable: true, description: "The HTTP status answered; null when none came." })
  statusCode!: number | null;

  @Field(() => Int, { description: "How long it took." })
  latencyMs!: number;

  @Field(() => String, { nullable: true, description: "What went wrong." })
  error!: string | null;
}

@ObjectType({ description: "What a watch was told once: the changes of its answer, their causes, and its delivery." })
export class Notification {
  @Field(() => ID, { description: "Its id: the webhook's idempotency key (X-UMR-Delivery), the same on every attempt and redelivery." })
  id!: string;

  @Field(() => GraphQLDateTime, { description: "When it was made." })
  createdAt!: Date;

  @Field(() => [NotificationCause], { description: "The writes that changed the answer." })
  causes!: NotificationCause[];

  @Field(() => [RiskChange], { description: "What changed." })
  changes!: RiskChange[];

  @Field(() => NotificationStatus, { description: "Its delivery's state." })
  status!: NotificationStatus;

  @Field(() => [DeliveryAttempt], { description: "The delivery log, oldest first." })
  attempts!: DeliveryAttempt[];

  @Field(() => GraphQLDateTime, { nullable: true, description: "When the next attempt is due (PENDING only)." })
  nextAttemptAt!: Date | null;

  @Field(() => GraphQLDateTime, { nullable: true, description: "When its webhook took it." })
  deliveredAt!: Date | null;
}

@ObjectType({ description: "What a `riskChanged` subscriber is sent when the answer for its keys changes." })
export class RiskChangedEvent {
  @Field(() => GraphQLDateTime, { description: "When it was computed." })
  at!: Date;

  @Field(() => [NotificationCause], { description: "The writes that changed it." })
  causes!: NotificationCause[];

  @Field(() => [RiskChange], { description: "What changed." })
  changes!: RiskChange[];
}
