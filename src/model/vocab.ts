// Every closed vocabulary of umr-graph, defined once. The GraphQL enums, the CLI's choices, the
// JSON Schema's enums, validation and the HTTP statuses are all derived from these lists.

/** What an asset is (stored lower case; GraphQL spells the names upper case). */
export const ASSET_KINDS = ["model", "dataset", "family", "application"] as const;
export type AssetKindName = (typeof ASSET_KINDS)[number];
export const ASSET_KIND_DESCRIPTIONS: Record<AssetKindName, string> = {
  model: "A trained model (weights), including fine-tunes, adapters, quantizations and merges.",
  dataset: "A dataset, or a subset or mixture of datasets.",
  family: "A family of models or datasets, or a data source such as a platform.",
  application: "A product or application built on models.",
};

/**
 * The relationship types. The two lineage types point upstream, from what was built to what it
 * was built from; SAME_AS joins two ids that name one thing (data-model.md §5): traversals cross
 * it in both directions as within one node, and never count it as a hop.
 */
export const EDGE_TYPES = ["DERIVED_FROM", "TRAINED_ON", "SAME_AS"] as const;
export type EdgeTypeName = (typeof EDGE_TYPES)[number];
export const EDGE_TYPE_DESCRIPTIONS: Record<EdgeTypeName, string> = {
  DERIVED_FROM: "Every link other than training on a dataset (fine-tune, merge, member of a family, ...).",
  TRAINED_ON: "A model trained on a dataset.",
  SAME_AS:
    "Not a hop: two ids (often from two sources) declared to name the same thing; lineage and risk cross it as within one node. Its relation is same_as.",
};
/** The relation a SAME_AS link carries in answers (it is not one a record can name). */
export const SAME_AS_RELATION = "same_as";

/** Which way a traversal goes. */
export const DIRECTIONS = ["UPSTREAM", "DOWNSTREAM"] as const;
export type DirectionName = (typeof DIRECTIONS)[number];
export const DIRECTION_DESCRIPTIONS: Record<DirectionName, string> = {
  UPSTREAM: "Towards what the asset was built from (lineage).",
  DOWNSTREAM: "Towards what was built from the asset (blast radius).",
};

/** The relation an upstream reference names (data-model.md §1). */
export const RELATIONS = [
  "finetune",
  "adapter",
  "quantized",
  "merge",
  "distill",
  "continued_pretraining",
  "trained_on",
  "evaluated_on",
  "subset",
  "member_of",
  "uses",
  "derived_from",
] as const;
export type Relation = (typeof RELATIONS)[number];

/** How a model is available (the registry field `access`). */
export const ACCESS_KINDS = ["OPEN_WEIGHTS", "API", "CLOSED"] as const;
export type AccessKind = (typeof ACCESS_KINDS)[number];
export const ACCESS_KIND_DESCRIPTIONS: Record<AccessKind, string> = {
  OPEN_WEIGHTS: "The weights can be downloaded (openly or after accepting terms).",
  API: "Usable through a hosted API; the weights are not published.",
  CLOSED: "Neither weights nor a public API.",
};

/** How bad a risk is, lowest first (the order is the rank). */
export const SEVERITIES = ["LOW", "MEDIUM", "HIGH", "CRITICAL"] as const;
export type SeverityName = (typeof SEVERITIES)[number];

/** What kind of risk an advisory names. */
export const CATEGORIES = ["CSAM", "NSFW", "VIOLENCE", "LEGAL", "PRIVACY", "LICENSE", "SECURITY", "BIAS", "RETRACTED", "OTHER"] as const;
export type Category = (typeof CATEGORIES)[number];

/** A record's own `risk:` flags (lower case, as records write them) and the severity each becomes. */
export const RECORD_FLAG_SEVERITY: Record<Lowercase<Category>, SeverityName> = {
  csam: "CRITICAL",
  nsfw: "MEDIUM",
  violence: "MEDIUM",
  legal: "HIGH",
  privacy: "HIGH",
  license: "MEDIUM",
  security: "HIGH",
  bias: "MEDIUM",
  retracted: "HIGH",
  other: "LOW",
};
export const RECORD_FLAGS = Object.keys(RECORD_FLAG_SEVERITY) as Lowercase<Category>[];

/** VEX statuses of an exemption (CycloneDX `analysis.state`, OpenVEX `status`); the first two stop an advisory. */
export const VEX_STATUSES = ["NOT_AFFECTED", "FIXED", "AFFECTED", "UNDER_INVESTIGATION"] as const;
export type VexStatus = (typeof VEX_STATUSES)[number];
export const VEX_STOPPING: readonly VexStatus[] = ["NOT_AFFECTED", "FIXED"];
export const VEX_STATUS_DESCRIPTIONS: Record<VexStatus, string> = {
  NOT_AFFECTED: "The asset is not affected (the default): the advisory stops here.",
  FIXED: "The asset was affected and is fixed: the advisory stops here.",
  AFFECTED: "The asset is affected: the statement records it, and the advisory goes on.",
  UNDER_INVESTIGATION: "Not known yet: the statement records it, and the advisory goes on.",
};
/** OpenVEX's justifications for NOT_AFFECTED. */
export const VEX_JUSTIFICATIONS = [
  "component_not_present",
  "vulnerable_code_not_present",
  "vulnerable_code_not_in_execute_path",
  "vulnerable_code_cannot_be_controlled_by_adversary",
  "inline_mitigations_already_exist",
] as const;

/** What changed an answer (the `changes` feed), and the trail operation each comes from. */
export const CHANGE_KINDS = [
  "RECORDS_INGESTED",
  "ADVISORY_PUBLISHED",
  "ADVISORY_WITHDRAWN",
  "EXEMPTION_WRITTEN",
  "SAME_AS_DECLARED",
  "SAME_AS_WITHDRAWN",
] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];
export const CHANGE_KIND_OPERATIONS: Record<ChangeKind, string> = {
  RECORDS_INGESTED: "ingest",
  ADVISORY_PUBLISHED: "advisory.publish",
  ADVISORY_WITHDRAWN: "advisory.withdraw",
  EXEMPTION_WRITTEN: "exemption.write",
  SAME_AS_DECLARED: "same-as.declare",
  SAME_AS_WITHDRAWN: "same-as.withdraw",
};
export const CHANGE_KIND_DESCRIPTIONS: Record<ChangeKind, string> = {
  RECORDS_INGESTED: "New record versions; its keys also name the dependents whose floating references moved to them.",
  ADVISORY_PUBLISHED: "An advisory was published; its keys are the assets it flags.",
  ADVISORY_WITHDRAWN: "An advisory was withdrawn: it reaches nothing any more.",
  EXEMPTION_WRITTEN: "A VEX statement (exemption) was written for an asset.",
  SAME_AS_DECLARED: "Two ids were declared to name one thing: lineage and risk now cross between them; its keys are both ids' nodes.",
  SAME_AS_WITHDRAWN: "A sameAs statement was withdrawn: its two ids are apart again.",
};

/** Who may do what (README "Security"): each role and what it adds. */
export const ROLES = ["READER", "PUBLISHER", "SECURITY", "AUDITOR", "ADMIN"] as const;
export type Role = (typeof ROLES)[number];
export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  READER: "Reads public data and its own organisation's private records.",
  PUBLISHER: "A reader that also ingests records (of ids its organisation owns, or new ones).",
  SECURITY: "A publisher that also publishes and withdraws advisories and writes exemptions (for assets its organisation owns).",
  AUDITOR: "Reads everything, every organisation's private records included (each such read is recorded), and the audit trail.",
  ADMIN: "Does everything: any organisation's ids, exemptions and records, API keys, the audit trail.",
};

/** What a request may ask for; the matrix below says which roles grant each. */
export const PERMISSIONS = [
  "read",
  "ingest",
  "advisory:write",
  "exemption:write",
  "private:read-all",
  "events:read",
  "keys:manage",
] as const;
export type Permission = (typeof PERMISSIONS)[number];
export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  READER: ["read"],
  PUBLISHER: ["read", "ingest"],
  SECURITY: ["read", "ingest", "advisory:write", "exemption:write"],
  AUDITOR: ["read", "private:read-all", "events:read"],
  ADMIN: PERMISSIONS,
};

/** Whether a value is one of a vocabulary's terms. */
export function isOneOf<const T extends readonly string[]>(list: T, value: unknown): value is T[number] {
  return typeof value === "string" && (list as readonly string[]).includes(value);
}
