// The interactive lineage graph: the asset in the middle, what it was built from on the left,
// what was built from it on the right. It starts at depth 1 both ways; a node's side buttons
// expand it one hop further; a fan-out above FAN_OUT shows FAN_OUT nodes and a "+N more" node that
// pages; never more than MAX_NODES nodes are drawn. Laid out in layers by ELK; edges show their
// relation and type, filtered by both; flagged and hidden assets are marked; PNG and SVG downloads.
import {
  Background,
  Controls,
  Handle,
  MarkerType,
  Position,
  ReactFlow,
  ReactFlowProvider,
  getNodesBounds,
  getViewportForBounds,
  useReactFlow,
  type Edge,
  type Node,
  type NodeProps,
} from "@xyflow/react";
import "@xyflow/react/dist/style.css";
import ELK from "elkjs/lib/elk.bundled.js";
import { toPng, toSvg } from "html-to-image";
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState } from "react";
import { asApiError, request, saveBlob, type ApiError } from "../api";
import { Direction, EdgeType } from "../gql/graphql";
import { Neighbours } from "../operations";
import { navigate, paths } from "../router";
import { ErrorNote } from "./common";

/** Neighbours shown per expansion before a "+N more" node. */
export const FAN_OUT = 50;
/** The most nodes drawn at once. */
export const MAX_NODES = 500;
const NODE_W = 200;
const NODE_H = 64;

type Side = "center" | "up" | "down";
type GNode = {
  key: string;
  name: string;
  kind: string;
  flagged: boolean;
  redacted: boolean;
  placeholder: boolean;
  side: Side;
  expanded: { up: boolean; down: boolean };
};
interface GEdge {
  /** The upstream asset (what was used). */
  source: string;
  /** The dependent (what was built). */
  target: string;
  relation: string;
  type: EdgeType;
}
type More = {
  id: string;
  parent: string;
  direction: Direction;
  after: string;
  remaining: number;
};
interface GraphState {
  nodes: Map<string, GNode>;
  edges: Map<string, GEdge>;
  more: Map<string, More>;
}

interface Actions {
  expand: (key: string, direction: Direction) => void;
  more: (id: string) => void;
  busy: boolean;
}
const ActionsContext = createContext<Actions>({ expand: () => undefined, more: () => undefined, busy: false });

const elk = new ELK();

export interface CenterAsset {
  key: string;
  name: string;
  kind: string;
  flagged: boolean;
}

export function LineageGraph(props: { center: CenterAsset }) {
  return (
    <ReactFlowProvider>
      <Graph {...props} />
    </ReactFlowProvider>
  );
}

function emptyState(center: CenterAsset): GraphState {
  return {
    nodes: new Map([
      [center.key, { ...center, redacted: false, placeholder: false, side: "center", expanded: { up: false, down: false } }],
    ]),
    edges: new Map(),
    more: new Map(),
  };
}

function Graph({ center }: { center: CenterAsset }) {
  const [types, setTypes] = useState<EdgeType[]>([EdgeType.DerivedFrom, EdgeType.TrainedOn]);
  const [hiddenRelations, setHiddenRelations] = useState<Set<string>>(new Set());
  const [state, setState] = useState<GraphState>(() => emptyState(center));
  const [error, setError] = useState<ApiError | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const stateRef = useRef(state);
  stateRef.current = state;

  const fetchHop = useCallback(
    async (key: string, direction: Direction, after: string | null) => {
      setBusy(true);
      setError(null);
      try {
        const data = await request(Neighbours, { key, direction, edgeTypes: types, first: FAN_OUT, after });
        const t = data.lineage;
        if (!t) return;
        setState((prev) => {
          const next: GraphState = { nodes: new Map(prev.nodes), edges: new Map(prev.edges), more: new Map(prev.more) };
          const side: Side = direction === Direction.Upstream ? "up" : "down";
          const parent = next.nodes.get(key);
          if (parent) next.nodes.set(key, { ...parent, expanded: { ...parent.expanded, [side]: true } });
          let shown = after ? (prev.more.get(moreId(key, direction))?.remaining ?? 0) : t.totalCount;
          next.more.delete(moreId(key, direction));
          let refused = 0;
          for (const { node } of t.edges) {
            shown--;
            const k = node.asset.key;
            if (!next.nodes.has(k)) {
              if (next.nodes.size >= MAX_NODES) {
                refused++;
                continue;
              }
              next.nodes.set(k, {
                key: k,
                name: node.redacted ? "(hidden)" : node.asset.name,
                kind: node.asset.kind,
                flagged: node.asset.advisories.length > 0,
                redacted: node.redacted,
                placeholder: node.asset.placeholder,
                side,
                expanded: { up: false, down: false },
              });
            }
            const step = node.path[0]!;
            const edge: GEdge =
              direction === Direction.Upstream
                ? { source: k, target: key, relation: step.relation, type: step.type }
                : { source: key, target: k, relation: step.relation, type: step.type };
            next.edges.set(`${edge.source}->${edge.target}:${edge.type}`, edge);
          }
          if (t.pageInfo.hasNextPage && t.pageInfo.endCursor)
            next.more.set(moreId(key, direction), {
              id: moreId(key, direction),
              parent: key,
              direction,
              after: t.pageInfo.endCursor,
              remaining: Math.max(0, shown),
            });
          setNotice(
            refused ? `${refused} more not drawn: the graph holds at most ${MAX_NODES} nodes. Open an asset to explore from there.` : null,
          );
          return next;
        });
      } catch (err) {
        setError(asApiError(err));
      } finally {
        setBusy(false);
      }
    },
    [types],
  );

  // Start (and start again when the edge types change): depth 1 both ways.
  useEffect(() => {
    setState(emptyState(center));
    void (async () => {
      await fetchHop(center.key, Direction.Upstream, null);
      await fetchHop(center.key, Direction.Downstream, null);
    })();
  }, [center, fetchHop]);

  const actions = useMemo<Actions>(
    () => ({
      busy,
      expand: (key, direction) => void fetchHop(key, direction, null),
      more: (id) => {
        const m = stateRef.current.more.get(id);
        if (m) void fetchHop(m.parent, m.direction, m.after);
      },
    }),
    [busy, fetchHop],
  );

  const relations = useMemo(() => [...new Set([...state.edges.values()].map((e) => e.relation))].sort(), [state.edges]);
  const visible = useMemo(() => visibleGraph(state, center.key, hiddenRelations), [state, center.key, hiddenRelations]);
  const counts = useMemo(() => {
    const up = [...visible.nodes].filter((k) => state.nodes.get(k)?.side === "up").length;
    const down = [...visible.nodes].filter((k) => state.nodes.get(k)?.side === "down").length;
    const more = [...state.more.values()].reduce((n, m) => n + m.remaining, 0);
    return { up, down, more };
  }, [visible, state]);

  return (
    <ActionsContext.Provider value={actions}>
      <div className="graph-tools" role="group" aria-label="Lineage graph filters">
        <fieldset>
          <legend>Edge types</legend>
          {[EdgeType.DerivedFrom, EdgeType.TrainedOn].map((t) => (
            <label key={t}>
              <input
                type="checkbox"
                checked={types.includes(t)}
                onChange={(e) => setTypes((ts) => (e.target.checked ? [...ts, t] : ts.filter((x) => x !== t)))}
              />{" "}
              {t.toLowerCase()}
            </label>
          ))}
        </fieldset>
        {relations.length ? (
          <fieldset>
            <legend>Relations</legend>
            {relations.map((r) => (
              <label key={r}>
                <input
                  type="checkbox"
                  checked={!hiddenRelations.has(r)}
                  onChange={(e) =>
                    setHiddenRelations((hs) => {
                      const n = new Set(hs);
                      if (e.target.checked) n.delete(r);
                      else n.add(r);
                      return n;
                    })
                  }
                />{" "}
                {r}
              </label>
            ))}
          </fieldset>
        ) : null}
        <p className="muted" aria-live="polite" data-testid="graph-counts">
          {visible.nodes.size} nodes drawn: {counts.up} upstream, {counts.down} downstream
          {counts.more ? `, ${counts.more.toLocaleString("en")} more not expanded` : ""}
          {busy ? " — loading…" : ""}
        </p>
      </div>
      <ErrorNote error={error} />
      {notice ? (
        <p className="notice" role="status">
          {notice}
        </p>
      ) : null}
      <Canvas state={state} visible={visible} centerKey={center.key} />
    </ActionsContext.Provider>
  );
}

function moreId(key: string, direction: Direction) {
  return `more:${direction}:${key}`;
}

/** What the relation filter leaves: edges of shown relations, and the nodes still joined to the center by them. */
function visibleGraph(state: GraphState, centerKey: string, hiddenRelations: Set<string>) {
  const edges = [...state.edges.entries()].filter(([, e]) => !hiddenRelations.has(e.relation));
  const adj = new Map<string, string[]>();
  for (const [, e] of edges) {
    adj.set(e.source, [...(adj.get(e.source) ?? []), e.target]);
    adj.set(e.target, [...(adj.get(e.target) ?? []), e.source]);
  }
  const nodes = new Set([centerKey]);
  const queue = [centerKey];
  while (queue.length)
    for (const n of adj.get(queue.shift()!) ?? [])
      if (!nodes.has(n)) {
        nodes.add(n);
        queue.push(n);
      }
  return { nodes, edges: edges.filter(([, e]) => nodes.has(e.source) && nodes.has(e.target)) };
}

function Canvas({ state, visible, centerKey }: { state: GraphState; visible: ReturnType<typeof visibleGraph>; centerKey: string }) {
  const [laid, setLaid] = useState<{ nodes: Node[]; edges: Edge[] }>({ nodes: [], edges: [] });
  const flow = useReactFlow();
  const wrapper = useRef<HTMLDivElement>(null);

  useEffect(() => {
    let live = true;
    const more = [...state.more.values()].filter((m) => visible.nodes.has(m.parent));
    const graphEdges = [
      ...visible.edges.map(([id, e]) => ({ id, sources: [e.source], targets: [e.target] })),
      ...more.map((m) =>
        m.direction === Direction.Upstream
          ? { id: `${m.id}-edge`, sources: [m.id], targets: [m.parent] }
          : { id: `${m.id}-edge`, sources: [m.parent], targets: [m.id] },
      ),
    ];
    const children = [
      ...[...visible.nodes].map((id) => ({ id, width: NODE_W, height: NODE_H })),
      ...more.map((m) => ({ id: m.id, width: NODE_W, height: 40 })),
    ];
    elk
      .layout({
        id: "root",
        layoutOptions: {
          "elk.algorithm": "layered",
          "elk.direction": "RIGHT",
          "elk.layered.spacing.nodeNodeBetweenLayers": "90",
          "elk.spacing.nodeNode": "24",
          "elk.layered.nodePlacement.strategy": "BRANDES_KOEPF",
        },
        children,
        edges: graphEdges,
      })
      .then((g) => {
        if (!live) return;
        const pos = new Map((g.children ?? []).map((c) => [c.id, { x: c.x ?? 0, y: c.y ?? 0 }]));
        const nodes: Node[] = [
          ...[...visible.nodes].map((k) => ({
            id: k,
            type: "asset",
            position: pos.get(k) ?? { x: 0, y: 0 },
            data: { ...state.nodes.get(k)!, center: k === centerKey },
            width: NODE_W,
            height: NODE_H,
          })),
          ...more.map((m) => ({
            id: m.id,
            type: "more",
            position: pos.get(m.id) ?? { x: 0, y: 0 },
            data: { ...m },
            width: NODE_W,
            height: 40,
          })),
        ];
        const edges: Edge[] = [
          ...visible.edges.map(([id, e]) => ({
            id,
            source: e.source,
            target: e.target,
            label: e.relation,
            className: `edge-${e.type.toLowerCase()}`,
            markerEnd: { type: MarkerType.ArrowClosed },
            data: { type: e.type },
          })),
          ...more.map((m) => ({
            id: `${m.id}-edge`,
            source: m.direction === Direction.Upstream ? m.id : m.parent,
            target: m.direction === Direction.Upstream ? m.parent : m.id,
            className: "edge-more",
          })),
        ];
        setLaid({ nodes, edges });
        requestAnimationFrame(() => void flow.fitView({ padding: 0.15, maxZoom: 1.2 }));
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [state, visible, centerKey, flow]);

  const image = async (format: "png" | "svg") => {
    const viewport = wrapper.current?.querySelector<HTMLElement>(".react-flow__viewport");
    if (!viewport) return;
    const bounds = getNodesBounds(flow.getNodes());
    const width = Math.min(4000, Math.max(800, bounds.width + 80));
    const height = Math.min(4000, Math.max(400, bounds.height + 80));
    const vp = getViewportForBounds(bounds, width, height, 0.2, 2, 0.05);
    const options = {
      backgroundColor: "#ffffff",
      width,
      height,
      style: { width: `${width}px`, height: `${height}px`, transform: `translate(${vp.x}px, ${vp.y}px) scale(${vp.zoom})` },
    };
    const dataUrl = format === "png" ? await toPng(viewport, options) : await toSvg(viewport, options);
    saveBlob(await (await fetch(dataUrl)).blob(), `lineage-${centerKey}.${format}`);
  };

  return (
    <>
      <div className="graph" ref={wrapper} data-testid="lineage-graph">
        <ReactFlow
          nodes={laid.nodes}
          edges={laid.edges}
          nodeTypes={NODE_TYPES}
          nodesDraggable={false}
          nodesConnectable={false}
          minZoom={0.05}
          proOptions={{ hideAttribution: true }}
          aria-label="Lineage graph"
        >
          <Background />
          <Controls showInteractive={false} />
        </ReactFlow>
      </div>
      <p className="graph-downloads">
        <button type="button" onClick={() => void image("png")}>
          Download PNG
        </button>{" "}
        <button type="button" onClick={() => void image("svg")}>
          Download SVG
        </button>
      </p>
    </>
  );
}

function AssetNode({ data }: NodeProps<Node<GNode & { center: boolean }>>) {
  const cls = ["node", data.center ? "node-center" : "", data.flagged ? "node-flagged" : "", data.redacted ? "node-hidden" : ""].join(" ");
  const canUp = data.side !== "down" && !data.expanded.up && !data.redacted;
  const canDown = data.side !== "up" && !data.expanded.down && !data.redacted;
  return (
    <div className={cls} data-key={data.key}>
      <Handle type="target" position={Position.Left} />
      {canUp ? <ExpandButton assetKey={data.key} direction={Direction.Upstream} /> : null}
      <div className="node-body">
        {data.redacted ? (
          <span className="node-name">(hidden asset)</span>
        ) : (
          <a
            className="node-name nodrag"
            href={paths.asset(data.key)}
            onClick={(e) => {
              e.preventDefault();
              navigate(paths.asset(data.key));
            }}
          >
            {data.name}
          </a>
        )}
        <span className="node-meta">
          {data.redacted ? "another organisation's private record" : data.key} · {data.kind.toLowerCase()}
          {data.flagged ? " · flagged" : ""}
        </span>
      </div>
      {canDown ? <ExpandButton assetKey={data.key} direction={Direction.Downstream} /> : null}
      <Handle type="source" position={Position.Right} />
    </div>
  );
}

/** The ‹ (upstream) or › (downstream) button on a node: one hop further that way. */
function ExpandButton({ assetKey, direction }: { assetKey: string; direction: Direction }) {
  const actions = useContext(ActionsContext);
  const up = direction === Direction.Upstream;
  return (
    <button
      type="button"
      className={`expand ${up ? "expand-up" : "expand-down"}`}
      disabled={actions.busy}
      aria-label={`Expand ${up ? "upstream" : "downstream"} of ${assetKey}`}
      onClick={() => actions.expand(assetKey, direction)}
    >
      {up ? "‹" : "›"}
    </button>
  );
}

function MoreNode({ data }: NodeProps<Node<More>>) {
  const actions = useContext(ActionsContext);
  return (
    <div className="node node-more">
      <Handle type="target" position={Position.Left} />
      <button
        type="button"
        disabled={actions.busy}
        onClick={() => actions.more(data.id)}
        aria-label={`Show ${FAN_OUT} more of ${data.remaining} not shown`}
      >
        +{data.remaining.toLocaleString("en")} more
      </button>
      <Handle type="source" position={Position.Right} />
    </div>
  );
}

const NODE_TYPES = { asset: AssetNode, more: MoreNode };
