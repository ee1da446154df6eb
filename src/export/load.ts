// Loads a JSON export into a database (an empty one, or one without these keys): the way an
// auditor rebuilds the subgraph they took out, in one transaction.
import { bumpGraphVersion } from "../neo4j/graph-version.js";
import { statement } from "../neo4j/statements.js";
import type { Executor } from "../neo4j/executor.js";
import { BadUserInputError } from "../errors.js";
import type { Subgraph } from "../model/subgraph.js";
import { declareSameAs, sameAsRow } from "../ingest/same-as.js";

export async function loadJsonExport(
  db: Executor,
  text: string,
): Promise<{ nodes: number; edges: number; advisories: number; exemptions: number }> {
  let g: Subgraph;
  try {
    g = JSON.parse(text) as Subgraph;
  } catch (err) {
    throw new BadUserInputError(`not a JSON export: ${(err as Error).message}`);
  }
  if (!Array.isArray(g.nodes) || !Array.isArray(g.edges))
    throw new BadUserInputError("not a JSON export: expected {nodes: [...], edges: [...]}");
  return db.writeTransaction("load-export", async (tx) => {
    await bumpGraphVersion(tx);
    await tx.run(statement("load/nodes"), { rows: g.nodes.map((n) => ({ labels: n.labels, props: n.props })) });
    await tx.run(statement("load/edges"), { rows: g.edges });
    const advisories = (g.advisories ?? []).map((a) => {
      const { affects, ...props } = a as { affects?: string[] };
      return { props, affects: affects ?? [] };
    });
    await tx.run(statement("load/advisories"), { advisories, exemptions: g.exemptions ?? [] });
    if (g.sameAs?.length)
      await declareSameAs(
        tx,
        g.sameAs.map((x) => sameAsRow(x.a, x.b, x.by, x.source, x.note)),
      );
    return { nodes: g.nodes.length, edges: g.edges.length, advisories: advisories.length, exemptions: (g.exemptions ?? []).length };
  });
}
