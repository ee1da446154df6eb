// The public enums, each derived from its vocabulary in src/model/vocab.ts (or a registry):
// internal values are what the graph stores, names are what GraphQL spells.
import { registerEnumType } from "type-graphql";
import {
  ACCESS_KINDS,
  ACCESS_KIND_DESCRIPTIONS,
  ASSET_KINDS,
  ASSET_KIND_DESCRIPTIONS,
  CHANGE_KINDS,
  CHANGE_KIND_DESCRIPTIONS,
  CATEGORIES,
  DIRECTIONS,
  DIRECTION_DESCRIPTIONS,
  EDGE_TYPES,
  EDGE_TYPE_DESCRIPTIONS,
  ROLES,
  ROLE_DESCRIPTIONS,
  SEVERITIES,
  VEX_JUSTIFICATIONS,
  VEX_STATUSES,
  VEX_STATUS_DESCRIPTIONS,
  type AccessKind as AccessKindName,
  type AssetKindName,
  type Category,
  type DirectionName,
  type EdgeTypeName,
  type Role as RoleName,
  type SeverityName,
} from "../../model/vocab.js";
import { NOTIFICATION_STATUSES, NOTIFICATION_STATUS_DESCRIPTIONS, RISK_CHANGE_DESCRIPTIONS, RISK_CHANGE_TYPES } from "../../model/watch.js";
import { EXPORT_FORMAT_DESCRIPTIONS, EXPORT_FORMAT_ENUM } from "../../export/registry.js";
import { RECORD_FORMAT_DESCRIPTIONS, RECORD_FORMAT_ENUM } from "../../records/registry.js";

type EnumOf<V extends string> = { readonly [K in Uppercase<V>]: Extract<V, K | Lowercase<K>> };

/** An enum object {NAME: value} for type-graphql: names are the values upper-cased. */
function enumOf<const V extends string>(values: readonly V[]): EnumOf<V> {
  return Object.fromEntries(values.map((v) => [v.toUpperCase(), v])) as EnumOf<V>;
}

function describe<V extends string>(descriptions: Record<V, string>) {
  return Object.fromEntries(Object.entries<string>(descriptions).map(([v, description]) => [v.toUpperCase(), { description }]));
}

export const AssetKind = enumOf(ASSET_KINDS);
export type AssetKind = AssetKindName;
registerEnumType(AssetKind, { name: "AssetKind", description: "What an asset is.", valuesConfig: describe(ASSET_KIND_DESCRIPTIONS) });

export const EdgeType = enumOf(EDGE_TYPES);
export type EdgeType = EdgeTypeName;
registerEnumType(EdgeType, {
  name: "EdgeType",
  description:
    "The relationship types of the graph: the two lineage types point upstream, from what was built to what it was built from; SAME_AS (in answers only) joins two ids of one thing.",
  valuesConfig: describe(EDGE_TYPE_DESCRIPTIONS),
});

export const Direction = enumOf(DIRECTIONS);
export type Direction = DirectionName;
registerEnumType(Direction, {
  name: "Direction",
  description: "Which way a traversal goes.",
  valuesConfig: describe(DIRECTION_DESCRIPTIONS),
});

export const Severity = enumOf(SEVERITIES);
export type Severity = SeverityName;
registerEnumType(Severity, { name: "Severity", description: "How bad a risk is, from LOW to CRITICAL." });

export const RiskCategory = enumOf(CATEGORIES);
export type RiskCategory = Category;
registerEnumType(RiskCategory, {
  name: "RiskCategory",
  description: "What kind of risk an advisory names; the propagation policy is set per category.",
});

/** Every registered export format (src/export/registry.ts). */
export const ExportFormat = EXPORT_FORMAT_ENUM;
export type ExportFormat = string;
registerEnumType(ExportFormat, {
  name: "ExportFormat",
  description: "Formats a subgraph can be exported in.",
  // Filled by registerExporter: every format registered before a schema is built is described.
  valuesConfig: EXPORT_FORMAT_DESCRIPTIONS,
});

/** Every registered record format (src/records/registry.ts), and AUTO. */
export const RecordFormat = RECORD_FORMAT_ENUM;
export type RecordFormat = string;
registerEnumType(RecordFormat, {
  name: "RecordFormat",
  description: "The format of the documents given to ingestRecords.",
  valuesConfig: RECORD_FORMAT_DESCRIPTIONS,
});

export const Role = enumOf(ROLES);
export type Role = RoleName;
registerEnumType(Role, {
  name: "Role",
  description: 'What a credential may do (README "Security").',
  valuesConfig: describe(ROLE_DESCRIPTIONS),
});

export const VexStatus = enumOf(VEX_STATUSES);
export type VexStatus = (typeof VEX_STATUSES)[number];
registerEnumType(VexStatus, {
  name: "VexStatus",
  description: "The status of a VEX statement.",
  valuesConfig: describe(VEX_STATUS_DESCRIPTIONS),
});

export const VexJustification = enumOf(VEX_JUSTIFICATIONS);
export type VexJustification = (typeof VEX_JUSTIFICATIONS)[number];
registerEnumType(VexJustification, {
  name: "VexJustification",
  description: "OpenVEX's justifications for a NOT_AFFECTED statement.",
  valuesConfig: Object.fromEntries(VEX_JUSTIFICATIONS.map((j) => [j.toUpperCase(), { description: `OpenVEX \`${j}\`.` }])),
});

export const ChangeKind = enumOf(CHANGE_KINDS);
export type ChangeKind = (typeof CHANGE_KINDS)[number];
registerEnumType(ChangeKind, {
  name: "ChangeKind",
  description: "What changed answers (the `changes` feed).",
  valuesConfig: describe(CHANGE_KIND_DESCRIPTIONS),
});

export const AccessKind = enumOf(ACCESS_KINDS);
export type AccessKind = AccessKindName;
registerEnumType(AccessKind, {
  name: "AccessKind",
  description: "How a model is available.",
  valuesConfig: describe(ACCESS_KIND_DESCRIPTIONS),
});

export const RiskChangeType = enumOf(RISK_CHANGE_TYPES);
export type RiskChangeType = (typeof RISK_CHANGE_TYPES)[number];
registerEnumType(RiskChangeType, {
  name: "RiskChangeType",
  description: "How a watched answer changed.",
  valuesConfig: describe(RISK_CHANGE_DESCRIPTIONS),
});

export const NotificationStatus = enumOf(NOTIFICATION_STATUSES);
export type NotificationStatus = (typeof NOTIFICATION_STATUSES)[number];
registerEnumType(NotificationStatus, {
  name: "NotificationStatus",
  description: "Where a notification's webhook delivery stands.",
  valuesConfig: describe(NOTIFICATION_STATUS_DESCRIPTIONS),
});
