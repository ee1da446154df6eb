// Operation limits: selection depth and estimated complexity, checked before anything runs.
// Connection fields (those with a `first` argument) cost their children times the page size.
import type { ApolloServerPlugin } from "@apollo/server";
import {
  GraphQLError,
  Kind,
  visit,
  type ASTNode,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type SelectionSetNode,
} from "graphql";
import { createRequire } from "node:module";
import type * as QueryComplexity from "graphql-query-complexity";
import type { ComplexityEstimator } from "graphql-query-complexity";
import { DEFAULT_PAGE_SIZE } from "../services/paging.js";
import { MAX_QUERY_COMPLEXITY, MAX_QUERY_DEPTH } from "../services/limits.js";

// Its ES module build imports graphql's .mjs files, while graphql (no "exports" map) loads as
// CommonJS everywhere else: one process would hold two graphql realms. Its CommonJS build
// shares ours.
const { getComplexity, simpleEstimator } = createRequire(import.meta.url)("graphql-query-complexity") as typeof QueryComplexity;

/** The caller's fault, so HTTP 400, not 500. */
function limitError(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: "LIMIT_EXCEEDED", http: { status: 400 } } });
}

/** The deepest field nesting of an operation (fragments followed; introspection counted too). */
export function selectionDepth(doc: DocumentNode, operationName?: string | null): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of doc.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const depthOf = (set: SelectionSetNode | undefined, seen: Set<string>): number => {
    if (!set) return 0;
    let max = 0;
    for (const s of set.selections) {
      if (s.kind === Kind.FIELD) max = Math.max(max, s.selectionSet ? 1 + depthOf(s.selectionSet, seen) : 1);
      else if (s.kind === Kind.INLINE_FRAGMENT) max = Math.max(max, depthOf(s.selectionSet, seen));
      else if (!seen.has(s.name.value))
        max = Math.max(max, depthOf(fragments.get(s.name.value)?.selectionSet, new Set([...seen, s.name.value])));
    }
    return max;
  };
  const ops = doc.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION && (!operationName || d.name?.value === operationName));
  return Math.max(0, ...ops.map((o) => depthOf((o as { selectionSet: SelectionSetNode }).selectionSet, new Set())));
}

/**
 * What one call of a traversal field costs before its selection: the work it does in Neo4j, not
 * the size of its answer (README "Limits"). An audit costs per key it names.
 */
export const TRAVERSAL_COST: Record<string, number> = {
  lineage: 500,
  paths: 500,
  blastRadius: 1000,
  riskReport: 500,
  exportSubgraph: 5000,
};
export const AUDIT_COST_PER_KEY = 500;

const traversalEstimator: ComplexityEstimator = ({ type, field, args, childComplexity }) => {
  if (type.name !== "Query") return undefined;
  if (field.name === "audit") return AUDIT_COST_PER_KEY * Math.max(1, Array.isArray(args.keys) ? args.keys.length : 1) + childComplexity;
  const base = TRAVERSAL_COST[field.name];
  if (base === undefined) return undefined;
  const first = typeof args.first === "number" ? args.first : DEFAULT_PAGE_SIZE;
  return base + childComplexity * (field.args.some((a) => a.name === "first") ? Math.max(1, first) : 1);
};

const pagedEstimator: ComplexityEstimator = ({ field, args, childComplexity }) => {
  if (!field.args.some((a) => a.name === "first")) return undefined;
  const first = typeof args.first === "number" ? args.first : DEFAULT_PAGE_SIZE;
  return 1 + childComplexity * Math.max(1, first);
};

const COST_ARGUMENTS = new Set(["first", "keys"]);

/**
 * The variables an operation's estimated cost can depend on: those inside the arguments the
 * estimators read (`first`, `keys`) and inside directives (`@include`, `@skip` prune what is
 * counted). Any other variable (a key, a filter) leaves the estimate as it is.
 */
export function costVariables(doc: DocumentNode): string[] {
  const names = new Set<string>();
  const collect = (node: ASTNode) =>
    visit(node, {
      Variable(v) {
        names.add(v.name.value);
      },
    });
  visit(doc, {
    VariableDefinition: () => false,
    Directive(d) {
      collect(d);
      return false;
    },
    Argument(a) {
      if (COST_ARGUMENTS.has(a.name.value)) collect(a.value);
    },
  });
  return [...names].sort();
}

const ESTIMATORS = [traversalEstimator, pagedEstimator, simpleEstimator({ defaultComplexity: 1 })];

/** An operation's estimated cost; a bad variable value is the caller's error, answered as Apollo would. */
function estimateCost(schema: GraphQLSchema, query: DocumentNode, operationName: string | undefined, variables: Record<string, unknown>) {
  try {
    return getComplexity({ schema, query, ...(operationName ? { operationName } : {}), variables, estimators: ESTIMATORS });
  } catch (err) {
    // The estimate coerces the variables before Apollo does.
    if (err instanceof GraphQLError && !err.extensions.code) {
      throw new GraphQLError(err.message, { nodes: err.nodes, extensions: { code: "BAD_USER_INPUT", http: { status: 400 } } });
    }
    throw err;
  }
}

/** Entries kept per map, at most (a document asked with many page sizes starts again). */
const KEPT_PER_DOCUMENT = 64;

/** The value of a key, computed once and kept. */
function remember<V>(kept: Map<string, V>, key: string, compute: () => V): V {
  const known = kept.get(key);
  if (known !== undefined) return known;
  const value = compute();
  if (kept.size >= KEPT_PER_DOCUMENT) kept.clear();
  kept.set(key, value);
  return value;
}

/** Per parsed document (Apollo keeps and reuses them): depth by operation, cost by operation and cost variables. */
interface Estimates {
  costVariables: string[];
  depth: Map<string, number>;
  cost: Map<string, number>;
}

export function limitsPlugin(schema: GraphQLSchema): ApolloServerPlugin {
  const estimates = new WeakMap<DocumentNode, Estimates>();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document }) {
          let known = estimates.get(document);
          if (!known) estimates.set(document, (known = { costVariables: costVariables(document), depth: new Map(), cost: new Map() }));
          const operationName = request.operationName ?? undefined;
          const depth = remember(known.depth, operationName ?? "", () => selectionDepth(document, operationName));
          if (depth > MAX_QUERY_DEPTH) {
            throw limitError(
              `the operation nests ${depth} fields deep; at most ${MAX_QUERY_DEPTH} are allowed. Ask for less at once, or split it into several operations.`,
            );
          }
          // Asked again with the same cost variables, a document costs what it cost (its other
          // variables are coerced, and their errors answered, by Apollo as always).
          const variables = request.variables ?? {};
          const costKey = JSON.stringify([
            operationName ?? "",
            ...known.costVariables.map((v) => (v in variables ? [variables[v] as unknown] : [])),
          ]);
          const complexity = remember(known.cost, costKey, () => estimateCost(schema, document, operationName, variables));
          if (complexity > MAX_QUERY_COMPLEXITY) {
            throw limitError(
              `the operation's estimated cost is ${complexity}; at most ${MAX_QUERY_COMPLEXITY} is allowed (a connection costs its fields times its page size). Ask for smaller pages and page with \`after\`.`,
            );
          }
        },
      };
    },
  };
}
