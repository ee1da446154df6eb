import type { AssetSummary } from "../../services/traversal.js";
import { GraphQLDateTime } from "graphql-scalars";
import { Field, ID, InputType, Int, ObjectType } from "type-graphql";
import { Asset, Edge } from "./asset.type.js";
import { RiskCategory, Severity, VexJustification, VexStatus } from "./enums.js";

export { RiskCategory, Severity };
import { PageInfo } from "./page.type.js";

@ObjectType({ description: "One asset reached by a traversal, with how it was reached." })
export class Reached {
  @Field(() => Asset, { description: "The asset." })
  asset!: Asset;

  @Field(() => Int, { description: "Hops from the start." })
  depth!: number;

  @Field(() => [Edge], { description: "A shortest chain of edges between the start and this asset, start side first." })
  path!: Edge[];

  @Field(() => Boolean, { description: "True for an asset the caller may not see: `asset` is a hidden node (an opaque id, its kind)." })
  redacted!: boolean;

  assetKey!: string;
  /** What the traversal read of the asset, when it comes from one (not a GraphQL field). */
  summary?: AssetSummary;
}

@ObjectType({ description: "A reached asset in a page." })
export class ReachedCursor {
  @Field(() => String, { description: "Opaque position in the list." })
  cursor!: string;

  @Field(() => Reached, { description: "The reached asset." })
  node!: Reached;
}

@ObjectType({ description: "The answer of a traversal: every asset reached once, by depth then key, paged." })
export class Traversal {
  @Field(() => Int, { description: "How many assets were reached." })
  totalCount!: number;

  @Field(() => Boolean, { description: "False when a ceiling, budget or visibility cut the answer; cutReason says which." })
  complete!: boolean;

  @Field(() => String, { nullable: true, description: "Why the answer is incomplete, and what to do." })
  cutReason!: string | null;

  @Field(() => Int, {
    description:
      "How many of the assets counted are hidden from the caller (another organisation's private records); visible + hidden = totalCount.",
  })
  hiddenCount!: number;

  @Field(() => [ReachedCursor], { description: "This page." })
  edges!: ReachedCursor[];

  @Field(() => PageInfo, { description: "Paging information." })
  pageInfo!: PageInfo;
}

@ObjectType({ description: "A flag on an asset: it carries a risk." })
export class Advisory {
  @Field(() => ID, { description: 'Its id: "UMR-<year>-<hex>" for published ones, "record:<key>:<flag>" for a record\'s own flags.' })
  id!: string;

  @Field(() => RiskCategory, { description: "The kind of risk." })
  category!: RiskCategory;

  @Field(() => Severity, { description: "How bad it is where it was found." })
  severity!: Severity;

  @Field(() => String, { description: "What was found." })
  summary!: string;

  @Field(() => String, { description: "The record id it flags." })
  affectsId!: string;

  @Field(() => String, { description: 'The semver range of versions it flags ("*": all, including versions ingested later).' })
  affectsRange!: string;

  @Field(() => [String], { description: "Links to the evidence." })
  references!: string[];

  @Field(() => String, { description: '"record" (a record\'s risk flags), "api" (published), or "what-if" (a hypothetical blast radius).' })
  source!: string;

  @Field(() => GraphQLDateTime, { description: "When it was published." })
  publishedAt!: Date;

  @Field(() => GraphQLDateTime, { nullable: true, description: "When it was withdrawn; withdrawn advisories reach nothing." })
  withdrawnAt!: Date | null;

  @Field(() => String, { nullable: true, description: "Why it was withdrawn." })
  withdrawReason!: string | null;
}

@ObjectType({ description: "An advisory in a page." })
export class AdvisoryCursor {
  @Field(() => String, { description: "Opaque position in the list." })
  cursor!: string;

  @Field(() => Advisory, { description: "The advisory." })
  node!: Advisory;
}

@ObjectType({ description: "A page of advisories, newest first." })
export class AdvisoryConnection {
  @Field(() => Int, { description: "How many advisories match." })
  totalCount!: number;

  @Field(() => [AdvisoryCursor], { description: "This page." })
  edges!: AdvisoryCursor[];

  @Field(() => PageInfo, { description: "Paging information." })
  pageInfo!: PageInfo;
}

@ObjectType({ description: "An asset that an advisory reaches, and why." })
export class Affected {
  @Field(() => Asset, { description: "The affected asset." })
  asset!: Asset;

  @Field(() => Advisory, { description: "The advisory that reaches it." })
  advisory!: Advisory;

  @Field(() => Int, { description: "Hops between the asset and the flagged source (0: the source itself)." })
  depth!: number;

  @Field(() => Severity, { description: "The severity after the policy's drop per hop." })
  effectiveSeverity!: Severity;

  @Field(() => [Edge], { description: "The explanation: a shortest chain of edges from the affected asset up to the flagged source." })
  path!: Edge[];

  @Field(() => Boolean, { description: "True for an asset the caller may not see: `asset` is a hidden node (an opaque id, its kind)." })
  redacted!: boolean;

  assetKey!: string;
  /** What the traversal read of the asset, when it comes from one (not a GraphQL field). */
  summary?: AssetSummary;
}

@ObjectType({ description: "An affected asset in a page." })
export class AffectedCursor {
  @Field(() => String, { description: "Opaque position in the list." })
  cursor!: string;

  @Field(() => Affected, { description: "The affected asset." })
  node!: Affected;
}

@ObjectType({ description: "A count under a key." })
export class Count {
  @Field(() => String, { description: "What is counted (a kind, a publisher, a depth, a severity)." })
  key!: string;

  @Field(() => Int, { description: "How many." })
  count!: number;
}

@ObjectType({ description: "Everything affected downstream of a flag, with totals and whom to warn." })
export class BlastRadius {
  @Field(() => Advisory, { description: 'The advisory (a hypothetical one, source "what-if", when asked by key).' })
  advisory!: Advisory;

  @Field(() => Int, { description: "Distinct affected assets, the flagged ones included." })
  totalCount!: number;

  @Field(() => Boolean, { description: "False when a ceiling or budget cut the answer." })
  complete!: boolean;

  @Field(() => String, { nullable: true, description: "Why the answer is incomplete, and what to do." })
  cutReason!: string | null;

  @Field(() => Int, {
    description:
      "How many of the assets counted are hidden from the caller (another organisation's private records); visible + hidden = totalCount.",
  })
  hiddenCount!: number;

  @Field(() => [Count], { description: "Affected assets by kind." })
  byKind!: Count[];

  @Field(() => [Count], { description: "Affected assets by publisher (or owner)." })
  byPublisher!: Count[];

  @Field(() => [Count], { description: "Affected assets by depth." })
  byDepth!: Count[];

  @Field(() => [String], { description: "Owners and contacts to warn." })
  contacts!: string[];

  @Field(() => [AffectedCursor], { description: "This page of affected assets, by depth then key." })
  edges!: AffectedCursor[];

  @Field(() => PageInfo, { description: "Paging information." })
  pageInfo!: PageInfo;
}

@ObjectType({ description: "Every open advisory that reaches an asset from upstream." })
export class RiskReport {
  @Field(() => Asset, { description: "The asset." })
  asset!: Asset;

  @Field(() => Severity, { nullable: true, description: "The highest effective severity; null when nothing reaches it." })
  highestSeverity!: Severity | null;

  @Field(() => [Affected], { description: "Every open advisory reaching the asset, worst first, each with its explanation." })
  risks!: Affected[];

  assetKey!: string;
}

@ObjectType({ description: "One advisory found by an audit, with every audited asset it reaches." })
export class AuditFinding {
  @Field(() => Advisory, { description: "The advisory." })
  advisory!: Advisory;

  @Field(() => [Affected], { description: "Every audited asset it reaches, with its explanation." })
  reaches!: Affected[];
}

@ObjectType({ description: "npm audit, for models: the risks of everything a deployment uses." })
export class AuditReport {
  @Field(() => Severity, { nullable: true, description: "The highest effective severity found." })
  highestSeverity!: Severity | null;

  @Field(() => Boolean, { description: "True when a finding is at or above failAt." })
  failed!: boolean;

  @Field(() => [Count], { description: "Findings by their highest effective severity." })
  bySeverity!: Count[];

  @Field(() => [String], { description: "Keys or ids that match no record." })
  unknown!: string[];

  @Field(() => [String], { description: "The keys audited (what each input resolved to)." })
  audited!: string[];

  @Field(() => [AuditFinding], { description: "Each open advisory once, worst first." })
  findings!: AuditFinding[];
}

@InputType({ description: "A new advisory." })
export class AdvisoryInput {
  @Field(() => ID, {
    nullable: true,
    description:
      'The advisory\'s id when the publisher has one (a CVE or GHSA id, "ACME-2026-0001"): letters, digits and . _ : -, at most 100; otherwise one is made ("UMR-<year>-<8 hex digits>").',
  })
  id?: string | null;

  @Field(() => RiskCategory, { description: "The kind of risk." })
  category!: RiskCategory;

  @Field(() => Severity, { description: "How bad it is." })
  severity!: Severity;

  @Field(() => String, { description: "What was found." })
  summary!: string;

  @Field(() => String, { description: "The record id it flags (no version); it may have no record yet." })
  affectsId!: string;

  @Field(() => String, { nullable: true, defaultValue: "*", description: 'The semver range of versions it flags ("*": all).' })
  affectsRange?: string | null;

  @Field(() => [String], { nullable: true, description: "Links to the evidence." })
  references?: string[] | null;
}

@InputType({
  description: "A VEX statement about an asset and an advisory: NOT_AFFECTED (the default) or FIXED stops the advisory at this asset.",
})
export class ExemptionInput {
  @Field(() => ID, { description: "The advisory." })
  advisoryId!: string;

  @Field(() => ID, { description: "The asset (key, or bare id for its newest version)." })
  assetKey!: string;

  @Field(() => String, { description: "Why: the free-text justification." })
  justification!: string;

  @Field(() => VexStatus, {
    nullable: true,
    defaultValue: "NOT_AFFECTED",
    description: "The VEX status; NOT_AFFECTED and FIXED stop the advisory.",
  })
  status?: VexStatus | null;

  @Field(() => VexJustification, { nullable: true, description: "The standard justification code (OpenVEX), for NOT_AFFECTED." })
  justificationCode?: VexJustification | null;

  @Field(() => GraphQLDateTime, { nullable: true, description: "After this time the statement stops nothing." })
  expiresAt?: Date | null;
}
