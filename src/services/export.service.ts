// Gathers a subgraph (the roots and everything reached from them) for export.
import { statement } from "../neo4j/statements.js";
import { limits } from "../config.js";
import { LimitExceededError } from "../errors.js";
import { asItStood } from "../model/advisory.js";
import type { Subgraph, SubgraphEdge, SubgraphNode } from "../model/subgraph.js";
import type { Executor } from "../neo4j/executor.js";
import type { AssetService } from "./asset.service.js";
import { checkAsOf, checkDepth } from "./limits.js";
import { explain, redact, traverse, type DirectionName } from "./traversal.js";
import { ANONYMOUS, type Viewer } from "../model/viewer.js";
import type { EventService } from "./events.service.js";
import { assertStartsVisible, Visibility } from "./visibility.js";

/** How each exported asset was reached from the roots: the explanation an auditor keeps. */
export interface ExportPath {
  key: string;
  depth: number;
  path: { type: string; relation: string; constraint: string | null; from: string; to: string }[];
}

/** The largest subgraph one export holds; larger ones answer LIMIT_EXCEEDED with advice. */
export const MAX_EXPORT_NODES = limits.maxExportNodes;

/** A node the viewer may not see, as an export carries it: its opaque id, its kind, nothing else. */
function hiddenNode(id: string, n: SubgraphNode): SubgraphNode {
  return {
    key: id,
    labels: n.labels.filter((l) => l !== "Asset").length ? n.labels : ["Asset"],
    props: { key: id, kind: n.props.kind, placeholder: false, redacted: true },
  };
}

export class ExportService {
  constructor(
    private readonly db: Executor,
    private readonly assets: AssetService,
    private readonly events: EventService,
    private readonly maxNodes = MAX_EXPORT_NODES,
  ) {}

  async subgraph(
    roots: string[],
    direction: DirectionName,
    maxDepth?: number | null,
    viewer: Viewer = ANONYMOUS,
    asOfInput: Date | string | null = null,
  ): Promise<Subgraph & { paths: ExportPath[]; roots: string[]; hiddenCount: number }> {
    const depth = checkDepth(maxDepth);
    // As the graph stood then: the nodes reached then, the edges as resolved then, the
    // advisories and exemptions in force then.
    const asOf = checkAsOf(asOfInput);
    const keys: string[] = [];
    for (const r of roots) keys.push(await this.assets.resolveKey(r, "roots", asOf));
    const vis = new Visibility(viewer);
    const raw = await traverse(this.db, keys, { direction, maxDepth: depth, maxReached: this.maxNodes + 1, asOf });
    assertStartsVisible(raw, vis, roots.join(", "), "roots");
    const walk = redact(raw, vis);
    if (walk.nodes.size > this.maxNodes) {
      throw new LimitExceededError(
        `the subgraph holds more than ${this.maxNodes} assets; export it in parts (a smaller maxDepth, or several roots at a time)`,
      );
    }
    const hidden = walk.hidden;
    const shown = (k: string) => hidden.get(k) ?? k;
    const nodeKeys = [...raw.nodes.values()].map((n) => n.key).sort();
    const read = (await this.db.read(statement("export/nodes"), { keys: nodeKeys })) as unknown as SubgraphNode[];
    // A visible record that names a hidden one (its upstream reference) names it by its opaque id.
    const hiddenIds = [...new Set([...raw.nodes.values()].filter((n) => hidden.has(n.key)).map((n) => String(n.key.split("@")[0])))];
    const scrub = (text: string) => hiddenIds.reduce((t, id) => t.split(id).join(vis.opaque(id)), text);
    const nodes = read.map((n) =>
      hidden.has(n.key)
        ? hiddenNode(hidden.get(n.key)!, n)
        : hiddenIds.length && typeof n.props.document === "string"
          ? { ...n, props: { ...n.props, document: scrub(n.props.document) } }
          : n,
    );
    const edgeRows = asOf
      ? (await this.db.read(statement("export/edges-as-of"), { keys: nodeKeys, asOf })).map(
          ({ props: { since: _s, until: _u, ...props }, ...e }) => ({
            ...e,
            props,
          }),
        )
      : await this.db.read(statement("export/edges"), { keys: nodeKeys });
    const edges = (edgeRows as unknown as SubgraphEdge[]).map((e) =>
      hidden.has(e.from) || hidden.has(e.to)
        ? { from: shown(e.from), to: shown(e.to), type: e.type, props: { relation: e.props.relation, redacted: true } }
        : e,
    );
    const [extra] = asOf
      ? (await this.db.read(statement("export/advisories-as-of"), { keys: nodeKeys, asOf })).map((r) => ({
          ...r,
          advisories: r.advisories.map((a) => asItStood(a, asOf)),
        }))
      : await this.db.read(statement("export/advisories"), { keys: nodeKeys });
    // The sameAs statements between ids the export shows (both ends visible).
    // One pass over the nodes read (a find per node would be quadratic on a 100k-asset export).
    const shownIds = new Set(read.filter((r) => !hidden.has(r.key)).map((r) => r.props.id as string));
    const sameAs = shownIds.size
      ? (await this.db.read(statement("same-as/of-ids"), { ids: [...shownIds].filter(Boolean) }))
          .map((r) => r.statement)
          .filter((st) => shownIds.has(st.a) && shownIds.has(st.b))
          .map(({ a, b, by, source, note }) => ({ a, b, by, source, note }))
      : [];
    nodes.sort((a, b) => (a.key < b.key ? -1 : 1));
    await this.events.recordPrivateRead(viewer, [...vis.privateReads], "export");
    const paths = [...walk.nodes.values()]
      .map((n) => ({ key: n.key, depth: n.depth, path: explain(walk, n.node) }))
      .sort((a, b) => a.depth - b.depth || (a.key < b.key ? -1 : 1));
    return {
      roots: keys,
      paths,
      nodes: nodes.map((n) => ({ ...n, labels: n.labels.slice().sort() })),
      edges,
      advisories: ((extra?.advisories as Record<string, unknown>[]) ?? []).map((a) => {
        const affects = ((a.affects as string[] | undefined) ?? []).map(shown);
        const flagsHidden = ((a.affects as string[] | undefined) ?? []).some((k) => hidden.has(k));
        return flagsHidden
          ? {
              ...a,
              affects,
              affectsId: vis.opaque(String(a.affectsId)),
              summary: "(withheld: the advisory flags an asset you may not see)",
              references: [],
            }
          : { ...a, affects };
      }),
      exemptions: ((extra?.exemptions as { assetKey: string; props?: Record<string, unknown> }[]) ?? []).map(({ props, ...x }) =>
        hidden.has(x.assetKey) ? { ...x, assetKey: shown(x.assetKey), redacted: true } : { ...x, ...(props ?? {}) },
      ),
      ...(sameAs.length ? { sameAs } : {}),
      hiddenCount: hidden.size,
    };
  }
}
