// The propagation policy: which relations carry which risk category, and how severity drops
// per hop. Read from config/propagation-policy.yaml (or UMR_POLICY_FILE).
import fs from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { limits, projectRoot } from "../config.js";

import { CATEGORIES, RELATIONS, SEVERITIES, type Category, type SeverityName } from "../model/vocab.js";

export { CATEGORIES, SEVERITIES, type Category, type SeverityName };

export interface CategoryPolicy {
  relations: string[];
  severityDropPerHop: number;
}

export interface Policy {
  default: CategoryPolicy;
  categories: Partial<Record<Category, CategoryPolicy>>;
}

export const defaultPolicyFile = path.join(projectRoot, "config", "propagation-policy.yaml");

function checkCategoryPolicy(file: string, at: string, raw: unknown, fallback?: CategoryPolicy): CategoryPolicy {
  const fail = (what: string) => {
    throw new Error(`${file}: ${at}: ${what}`);
  };
  if (!raw || typeof raw !== "object") fail(`expected a mapping {relations, severityDropPerHop}, found ${JSON.stringify(raw)}`);
  const r = raw as { relations?: unknown; severityDropPerHop?: unknown };
  const relations = r.relations ?? fallback?.relations;
  if (!Array.isArray(relations) || relations.some((x) => !(RELATIONS as readonly string[]).includes(x as string))) {
    fail(`relations: expected a list of ${RELATIONS.join(", ")}, found ${JSON.stringify(r.relations)}`);
  }
  const drop = r.severityDropPerHop ?? fallback?.severityDropPerHop ?? 0;
  if (typeof drop !== "number" || drop < 0 || drop > 3)
    fail(`severityDropPerHop: expected a number from 0 to 3, found ${JSON.stringify(drop)}`);
  return { relations: relations as string[], severityDropPerHop: drop as number };
}

export function loadPolicy(file = limits.policyFile ?? defaultPolicyFile): Policy {
  const raw = parse(fs.readFileSync(file, "utf8")) as { default?: unknown; categories?: Record<string, unknown> | null };
  const def = checkCategoryPolicy(file, "default", raw?.default);
  const categories: Policy["categories"] = {};
  for (const [name, value] of Object.entries(raw?.categories ?? {})) {
    if (!(CATEGORIES as readonly string[]).includes(name))
      throw new Error(`${file}: categories.${name}: expected one of ${CATEGORIES.join(", ")}`);
    categories[name as Category] = checkCategoryPolicy(file, `categories.${name}`, value, def);
  }
  return { default: def, categories };
}

export function policyFor(policy: Policy, category: string): CategoryPolicy {
  return policy.categories[category as Category] ?? policy.default;
}

/** The severity after `depth` hops under a drop per hop; never below LOW. */
export function effectiveSeverity(severity: string, depth: number, dropPerHop: number): SeverityName {
  const i = SEVERITIES.indexOf(severity as SeverityName);
  return SEVERITIES[Math.max(0, i - Math.floor(depth * dropPerHop + 1e-9))]!;
}

export function severityRank(s: string | null | undefined): number {
  return s ? SEVERITIES.indexOf(s as SeverityName) : -1;
}
