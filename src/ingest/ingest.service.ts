// Writing records into the graph (data-model.md §2): one transaction per ingest, so that a
// request or a CLI run writes all of its valid records or nothing, and a crash or a lost
// connection never leaves half a record. Writes are batched (UNWIND, bounded rows a statement).
import { bumpGraphVersion } from "../neo4j/graph-version.js";
import { statement } from "../neo4j/statements.js";
import { declareSameAs, linkSameAs, sameAsRow } from "./same-as.js";
import semver from "semver";
import { authorize, can, mayWriteFor } from "../model/authz.js";
import { SYSTEM_VIEWER, type Viewer } from "../model/viewer.js";
import { RECORD_FLAG_SEVERITY } from "../model/vocab.js";
import type { Statement } from "../neo4j/cypher.js";
import type { Executor, Params, Tx } from "../neo4j/executor.js";
import type { Logger } from "../log.js";
import type { AssetRecord, ImportedAdvisory, ImportedExemption, IngestInput, Problem } from "../records/record.js";
import type { VersionRow } from "../model/asset.js";
import { addVersions, cycles, planEdges, type DeclaredRef, type EdgeProps, type PlannedEdge } from "./plan.js";
import { appendEvent } from "./trail.js";

export const DEFAULT_BATCH_SIZE = 1000;

export interface IngestOptions {
  dryRun?: boolean;
  /** Accept the valid records even when others are invalid. */
  partial?: boolean;
  /** Treat warnings (cycles) as errors. */
  strict?: boolean;
  batchSize?: number;
  /**
   * Bulk loads: commit every this many records (each chunk all or nothing, not the whole run).
   * Resolution stays exact (later chunks re-resolve earlier edges), so the final graph is the
   * same; a failed run is finished by running it again.
   */
  commitEvery?: number;
  onProgress?: (event: { phase: string; done: number; total: number }) => void;
  /** Who ingests: it needs the role to, and owns the ids it publishes first (default: the system, as an admin). */
  viewer?: Viewer;
  /** Called with each statement's name and time, and "(commit)" for the commit (profiling bulk loads). */
  onStatement?: (name: string, ms: number) => void;
}

export interface IngestReport {
  accepted: number;
  unchanged: number;
  rejected: number;
  placeholders: number;
  problems: Problem[];
  acceptedKeys: string[];
  unchangedKeys: string[];
  placeholderIds: string[];
  edgesWritten: number;
  edgesMoved: number;
  dryRun: boolean;
  /** False when nothing was written because of errors (atomic mode). */
  written: boolean;
}

/**
 * A property map without its null entries. Neo4j stores no nulls (SET a = map leaves those keys
 * unset either way), and the JavaScript driver's serialisation is the main client-side cost of
 * a bulk load: every entry left out is time saved.
 */
export function withoutNulls<T extends object>(props: T): Partial<T> {
  const out: Partial<T> = {};
  for (const k in props) if (props[k] !== null && props[k] !== undefined) out[k] = props[k];
  return out;
}

/**
 * A record node's properties, as every write path stores them (the transactional ingest and the
 * bulk load's CSV): no null entries or empty lists, versions split for ordering, registry fields typed.
 */
export function assetProps(r: AssetRecord, org: string | null) {
  return withoutNulls({
    key: r.key,
    id: r.id,
    version: r.version,
    kind: r.kind,
    name: r.name,
    publisher: r.publisher,
    license: r.license,
    releaseDate: r.releaseDate,
    description: r.description,
    // An empty list is no value (readers take a missing one as empty), as the bulk load's CSV has it.
    refs: r.refs.length ? r.refs : null,
    owner: r.owner,
    contacts: r.contacts.length ? r.contacts : null,
    visibility: r.visibility,
    org,
    contentHash: r.contentHash,
    source: r.source,
    extra: JSON.stringify(r.extra),
    document: r.document,
    versionMajor: semver.major(r.version),
    versionMinor: semver.minor(r.version),
    versionPatch: semver.patch(r.version),
    // Registry fields (src/records/registry-fields.ts), typed so that filters can use them.
    architecture: r.registry?.architecture,
    parameterCount: r.registry?.parameterCount,
    trainingFlop: r.registry?.trainingFlop,
    trainingData: r.registry?.trainingData,
    evaluations: r.registry?.evaluations?.length ? JSON.stringify(r.registry.evaluations) : null,
    access: r.registry?.access,
  });
}

/** The references of records, as version resolution takes them. */
export function declaredRefs(records: readonly AssetRecord[]): DeclaredRef[] {
  return records.flatMap((r) =>
    r.upstream.map((u) => ({
      from: r.key,
      fromKind: r.kind,
      targetId: u.id,
      range: u.range,
      pinned: u.pinned,
      constraint: u.constraint,
      declaredRelation: u.declaredRelation,
      note: u.note,
      refIndex: u.index,
      ...(u.placeholderName ? { placeholderName: u.placeholderName } : {}),
      source: r.source,
    })),
  );
}

function chunks<T>(rows: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

export class IngestService {
  constructor(
    private readonly db: Executor,
    private readonly log: Logger,
  ) {}

  /**
   * An ingest, as named steps: collapse duplicates → refuse in-batch cycles → (in one write
   * transaction) split by what exists → refuse others' ids → refuse cycles closing with the graph
   * → write → record the event. All or nothing unless `partial`.
   */
  async ingest(input: IngestInput, opts: IngestOptions = {}): Promise<IngestReport> {
    const viewer = opts.viewer ?? SYSTEM_VIEWER;
    authorize(viewer, "ingest");
    if (opts.commitEvery && input.records.length > opts.commitEvery && !opts.dryRun)
      return this.ingestInChunks(input, opts, opts.commitEvery);
    const batchSize = opts.batchSize ?? DEFAULT_BATCH_SIZE;
    const { records, rejected, report } = screenBatch(input, viewer, opts);
    const hasErrors = () => batchHasErrors(report, opts);
    if (hasErrors() && !opts.partial) return this.refuseAll(report, records, true);

    const baseProblems = report.problems.length;
    let workDone = 0;
    const work = async (plainTx: Tx) => {
      const tx = opts.onStatement ? timed(plainTx, opts.onStatement) : plainTx;
      // The driver may retry this function after a transient error: start from a clean report.
      report.problems.length = baseProblems;
      Object.assign(report, { rejected, unchangedKeys: [], acceptedKeys: [], edgesMoved: 0, edgesWritten: 0, placeholderIds: [] });
      await tx.run(statement("ingest/lock"));
      const existing = await splitByExisting(tx, records, batchSize);
      const owned = await refuseForeignIds(tx, existing.fresh, viewer, batchSize);
      const closing = opts.strict
        ? await refuseGraphCycles(tx, owned.records, records, batchSize)
        : { records: owned.records, problems: [], rejected: 0 };
      const fresh = closing.records;
      for (const step of [existing, owned, closing]) {
        report.problems.push(...step.problems);
        report.rejected += step.rejected;
      }
      report.unchangedKeys = existing.unchanged;
      if (hasErrors() && !opts.partial) throw new Refused(records.length - fresh.length - report.unchangedKeys.length);
      report.acceptedKeys = fresh.map((r) => r.key);
      report.accepted = fresh.length;
      report.unchanged = report.unchangedKeys.length;
      if (opts.dryRun) {
        report.placeholderIds = await this.placeholdersOf(tx, fresh, batchSize);
        report.placeholders = report.placeholderIds.length;
        throw new DryRunDone();
      }
      const { moved } = await this.write(tx, fresh, report, batchSize, opts, (id) => owned.owners.get(id) ?? viewer.org);
      await this.recordWrite(tx, input, fresh, report, moved, viewer, batchSize);
      workDone = performance.now();
    };

    try {
      await this.db.writeTransaction("ingest", work, { timeoutMs: 0 });
      opts.onStatement?.("(commit)", performance.now() - workDone);
      report.written = report.accepted > 0;
    } catch (err) {
      if (err instanceof DryRunDone) return report;
      if (err instanceof Refused) return this.refuseAll(report, records, false, err.invalid);
      throw err;
    }
    this.log.info(
      { accepted: report.accepted, unchanged: report.unchanged, rejected: report.rejected, placeholders: report.placeholders },
      "ingest committed",
    );
    return report;
  }

  /**
   * The end of every ingest's transaction: the advisories and VEX statements a format states,
   * the graph's version bumped, and the trail's events.
   */
  private async recordWrite(
    tx: Tx,
    input: IngestInput,
    fresh: readonly AssetRecord[],
    report: IngestReport,
    moved: readonly string[],
    viewer: Viewer,
    batchSize: number,
  ): Promise<void> {
    const stated = await this.writeStatements(tx, input.advisories ?? [], input.exemptions ?? [], viewer, batchSize);
    if (stated.created.length) {
      await appendEvent(tx, viewer, {
        operation: "advisory.publish",
        keys: stated.keys,
        ids: stated.created,
        input: input.advisories,
        outcome: `published ${stated.created.length} with the records' format`,
      });
    }
    if (fresh.length || stated.created.length) {
      await bumpGraphVersion(tx);
    }
    if (fresh.length) {
      await appendEvent(tx, viewer, {
        operation: "ingest",
        keys: [...report.acceptedKeys, ...moved],
        input: fresh.map((r) => [r.key, r.contentHash]),
        outcome: `accepted ${report.accepted}, unchanged ${report.unchanged}, placeholders ${report.placeholders}`,
      });
    }
  }

  /**
   * A bulk load's transactional part (src/ingest/bulk.ts): once the offline importer has built
   * the nodes and edges of `fresh` and their placeholders in an empty database, what an ingest
   * writes after its edges — placeholders' kinds, the records' risk flags and sameAs statements,
   * the format's advisories, the graph's version, the trail's events — in one write transaction.
   * `leftovers` are properties the CSV could not carry, set here.
   */
  async completeBulk(
    input: IngestInput,
    fresh: readonly AssetRecord[],
    report: IngestReport,
    placeholderKeys: readonly string[],
    leftovers: readonly { key: string; props: Record<string, unknown> }[],
    viewer: Viewer,
    batchSize = DEFAULT_BATCH_SIZE,
  ): Promise<void> {
    await this.db.writeTransaction(
      "ingest",
      async (tx) => {
        await tx.run(statement("ingest/lock"));
        for (const part of chunks(leftovers, batchSize)) await tx.run(statement("ingest/set-properties"), { rows: part });
        // In an empty graph the only advisories are the ones this load states: link theirs.
        const flagged = [...new Set(recordFlagAdvisories(fresh).map((a) => a.affectsId))];
        await this.afterEdges(tx, fresh, placeholderKeys, flagged, () => viewer.org, batchSize);
        await this.recordWrite(tx, input, fresh, report, [], viewer, batchSize);
      },
      { timeoutMs: 0 },
    );
  }

  /** The placeholders a dry run's records would leave (their references that name no record). */
  private async placeholdersOf(tx: Tx, fresh: readonly AssetRecord[], batchSize: number): Promise<string[]> {
    const ownRefs = declaredRefs(fresh);
    const versions = await this.versionsOf(tx, [...new Set(ownRefs.map((r) => r.targetId))], batchSize, fresh);
    const plan = planEdges(ownRefs, versions);
    return [...new Set(plan.edges.filter((e) => e.toPlaceholder).map((e) => e.to))].sort();
  }

  private async ingestInChunks(input: IngestInput, opts: IngestOptions, size: number): Promise<IngestReport> {
    const inputErrors = input.problems.some((p) => p.severity === "error" && (p.scope !== "asset" || opts.strict));
    if (inputErrors && !opts.partial)
      return this.ingest(input, { ...opts, commitEvery: undefined, dryRun: true }).then((r) => ({ ...r, dryRun: false }));
    const total: IngestReport = {
      accepted: 0,
      unchanged: 0,
      rejected: input.rejected,
      placeholders: 0,
      problems: [...input.problems],
      acceptedKeys: [],
      unchangedKeys: [],
      placeholderIds: [],
      edgesWritten: 0,
      edgesMoved: 0,
      dryRun: false,
      written: false,
    };
    const placeholders = new Set<string>();
    for (let i = 0; i < input.records.length; i += size) {
      const part = input.records.slice(i, i + size);
      const last = i + size >= input.records.length;
      const r = await this.ingest(
        // The advisories a format states go in with the last chunk: by then every record is in.
        { records: part, problems: [], rejected: 0, ...(last ? { advisories: input.advisories, exemptions: input.exemptions } : {}) },
        { ...opts, commitEvery: undefined, onProgress: undefined, partial: true },
      );
      total.accepted += r.accepted;
      total.unchanged += r.unchanged;
      total.rejected += r.rejected;
      // No push(...list): a chunk may hold more items than a call may take arguments.
      for (const x of r.problems) total.problems.push(x);
      for (const x of r.acceptedKeys) total.acceptedKeys.push(x);
      for (const x of r.unchangedKeys) total.unchangedKeys.push(x);
      total.edgesWritten += r.edgesWritten;
      total.edgesMoved += r.edgesMoved;
      total.written ||= r.written;
      for (const id of r.placeholderIds) placeholders.add(id);
      opts.onProgress?.({ phase: "records", done: Math.min(i + size, input.records.length), total: input.records.length });
    }
    // Placeholders that a later chunk replaced are gone: count what is left.
    const left = await this.db.read(statement("asset/versions"), { ids: [...placeholders] });
    total.placeholderIds = left
      .filter((r) => r.versions.some((v) => v.placeholder))
      .map((r) => r.id)
      .sort();
    total.placeholders = total.placeholderIds.length;
    return total;
  }

  /**
   * Refuses the whole batch (atomic mode), after finding the conflicts it also holds so that
   * one answer reports every problem.
   */
  private async refuseAll(
    report: IngestReport,
    records: readonly AssetRecord[],
    checkConflicts: boolean,
    invalidInTransaction = 0,
  ): Promise<IngestReport> {
    let valid = records.length - invalidInTransaction;
    if (checkConflicts && records.length) {
      const existing = new Map<string, unknown>();
      for (const part of chunks(
        records.map((r) => r.key),
        DEFAULT_BATCH_SIZE,
      )) {
        for (const row of await this.db.read(statement("ingest/existing-hashes"), { keys: part })) existing.set(row.key, row.contentHash);
      }
      for (const r of records) {
        if (existing.has(r.key) && existing.get(r.key) !== r.contentHash) {
          report.problems.push(conflict(r, existing.get(r.key)));
          report.rejected++;
          valid--;
        }
      }
    }
    return nothingWritten(report, valid);
  }

  /** Versions of ids as the transaction sees them, plus (for dry runs) the batch's own records. */
  private async versionsOf(
    tx: Tx,
    ids: string[],
    batchSize: number,
    pending: readonly AssetRecord[] = [],
  ): Promise<Map<string, VersionRow[]>> {
    const out = new Map<string, VersionRow[]>();
    for (const part of chunks(ids, batchSize)) {
      for (const row of await tx.run(statement("asset/versions"), { ids: part })) out.set(row.id, row.versions);
    }
    return addVersions(out, pending);
  }

  private async write(
    tx: Tx,
    fresh: AssetRecord[],
    report: IngestReport,
    batchSize: number,
    opts: IngestOptions,
    orgOf: (id: string) => string | null,
  ): Promise<{ moved: string[] }> {
    const progress = (phase: string, done: number, total: number) => opts.onProgress?.({ phase, done, total });
    // 1. Resolution needs every existing edge into an id that gains a version (it may now
    //    float to a newer version, or leave a placeholder). Read them before the new nodes
    //    exist: index look-ups over a transaction's own fresh writes are slow.
    const changedIds = [...new Set(fresh.map((r) => r.id))];
    const own = declaredRefs(fresh);
    const existingEdges: { from: string; fromKind: string; to: string; type: string; props: EdgeProps }[] = [];
    for (const part of chunks(changedIds, batchSize)) {
      for (const row of await tx.run(statement("ingest/edges-into-ids"), { ids: part })) {
        existingEdges.push(row as unknown as (typeof existingEdges)[number]);
      }
    }

    // 2. The record nodes.
    const rows = fresh.map((r) => ({ props: assetProps(r, orgOf(r.id)) }));
    let done = 0;
    for (const part of chunks(rows, batchSize)) {
      await tx.run(statement("ingest/create-assets"), { rows: part });
      progress("records", (done += part.length), rows.length);
    }

    // 3. Resolution of the batch's own references and of those existing edges.
    const freshKeys = new Set(fresh.map((r) => r.key));
    const reResolved: DeclaredRef[] = existingEdges
      .filter((e) => !freshKeys.has(e.from))
      .map((e) => ({
        from: e.from,
        fromKind: e.fromKind as DeclaredRef["fromKind"],
        targetId: e.props.targetId,
        range: e.props.range,
        pinned: e.props.pinned,
        constraint: e.props.constraint,
        declaredRelation: e.props.declaredRelation,
        note: e.props.note,
        refIndex: e.props.refIndex,
        source: "",
      }));
    const targetIds = [...new Set([...own, ...reResolved].map((r) => r.targetId))];
    const versions = await this.versionsOf(tx, targetIds, batchSize);
    const plan = planEdges([...own, ...reResolved], versions);

    const { toDelete, toCreate } = edgeChanges(plan.edges, existingEdges, freshKeys);
    report.edgesMoved = toDelete.length;
    const neededPlaceholders = plan.placeholders.filter((p) => toCreate.some((e) => e.toPlaceholder && e.to === p.id));
    for (const part of chunks(toDelete, batchSize)) await tx.run(statement("ingest/delete-edges"), { rows: part });
    const newPlaceholderIds: string[] = [];
    for (const part of chunks(neededPlaceholders, batchSize)) {
      for (const row of await tx.run(statement("ingest/merge-placeholders"), { rows: part })) {
        if (row.created) newPlaceholderIds.push(row.key);
      }
    }
    done = 0;
    for (const type of ["TRAINED_ON", "DERIVED_FROM"] as const) {
      const stmt = statement(type === "TRAINED_ON" ? "ingest/create-edges-trained-on" : "ingest/create-edges-derived-from");
      for (const part of chunks(
        toCreate.filter((e) => e.type === type),
        batchSize,
      )) {
        await tx.run(stmt, { rows: part.map((e) => ({ from: e.from, to: e.to, props: withoutNulls(e.props) })) });
        progress("edges", (done += part.length), toCreate.length);
      }
    }
    report.edgesWritten = toCreate.length;
    const touchedPlaceholders = [...new Set(toCreate.filter((e) => e.toPlaceholder).map((e) => e.to))];
    const ownPlaceholders = new Set(plan.edges.filter((e) => e.toPlaceholder && freshKeys.has(e.from)).map((e) => e.to));
    report.placeholderIds = [...ownPlaceholders].sort();
    report.placeholders = report.placeholderIds.length;

    await this.afterEdges(tx, fresh, touchedPlaceholders, [...changedIds, ...newPlaceholderIds], orgOf, batchSize);

    // 7. Placeholders that nothing needs any more disappear.
    const gcIds = [...new Set([...changedIds, ...toDelete.map((d) => d.to).filter((to) => !to.includes("@"))])];
    for (const part of chunks(gcIds, batchSize)) await tx.run(statement("ingest/gc-placeholders"), { ids: part });
    // The dependents whose references moved: their answers changed too (the changes feed names them).
    return { moved: [...new Set(toDelete.map((d) => d.from))].filter((k) => !freshKeys.has(k)).sort() };
  }

  /**
   * Once a batch's nodes and edges exist: placeholders' kinds from what names them, the records'
   * risk flags as advisories, their sameAs statements, and the advisories on `linkIds` linked to
   * the versions (and placeholders) their ranges flag.
   */
  private async afterEdges(
    tx: Tx,
    fresh: readonly AssetRecord[],
    placeholderKeys: readonly string[],
    linkIds: readonly string[],
    orgOf: (id: string) => string | null,
    batchSize: number,
  ): Promise<void> {
    for (const part of chunks(placeholderKeys, batchSize)) await tx.run(statement("ingest/placeholder-kinds"), { keys: part });

    // 4. Advisories of source "record" from risk flags.
    for (const part of chunks(recordFlagAdvisories(fresh), batchSize))
      await tx.run(statement("advisory/merge-record-advisories"), { rows: part });

    // 5. Identity: the records' own sameAs statements, and every statement naming an id that
    //    gained a node joins that node to its twins.
    const sameAs = fresh.flatMap((r) => (r.sameAs ?? []).map((other) => sameAsRow(r.id, other, orgOf(r.id), `record:${r.key}`)));
    if (sameAs.length) await declareSameAs(tx, sameAs);
    await linkSameAs(tx, linkIds);

    // 6. Advisories reach the new versions (and new placeholders) their range matches.
    await this.linkAdvisories(tx, [...new Set(linkIds)], batchSize);
  }

  /**
   * The advisories and VEX statements a format states (CycloneDX vulnerabilities): each kept by
   * id (stating it again changes nothing), its id's placeholder made where no node exists yet,
   * linked to what its range flags; each statement on every node of its id.
   */
  private async writeStatements(
    tx: Tx,
    advisories: readonly ImportedAdvisory[],
    exemptions: readonly ImportedExemption[],
    viewer: Viewer,
    batchSize: number,
  ): Promise<{ created: string[]; keys: string[] }> {
    if (!advisories.length) return { created: [], keys: [] };
    const created: string[] = [];
    for (const part of chunks(advisories, batchSize)) {
      const rows = await tx.run(statement("advisory/merge-imported"), {
        rows: part.map((a) => ({ ...a })),
        by: viewer.org ?? viewer.subject,
        byOrg: viewer.org,
      });
      for (const r of rows) if (r.created) created.push(r.id);
    }
    const ids = [...new Set(advisories.map((a) => a.affectsId))];
    const nodes = await this.versionsOf(tx, ids, batchSize);
    const missing = ids.filter((id) => !(nodes.get(id) ?? []).length);
    for (const part of chunks(missing, batchSize))
      await tx.run(statement("ingest/merge-placeholders"), {
        rows: part.map((id) => ({ id, name: id, source: advisories.find((a) => a.affectsId === id)!.source })),
      });
    await linkSameAs(tx, missing);
    await this.linkAdvisories(tx, ids, batchSize);
    const after = await this.versionsOf(tx, ids, batchSize);
    for (const e of exemptions) {
      for (const node of after.get(e.assetId) ?? []) {
        await tx.run(statement("advisory/exempt"), {
          advisoryId: e.advisoryId,
          assetKey: node.key,
          props: {
            justification: e.justification,
            status: e.status,
            justificationCode: e.justificationCode,
            author: viewer.org ?? viewer.subject,
            authorSubject: viewer.subject,
            expiresAt: null,
          },
        });
      }
    }
    return { created, keys: ids.flatMap((id) => (after.get(id) ?? []).map((n) => n.key)) };
  }

  /** Links every advisory on these ids to the versions (and placeholders) its range flags. */
  private async linkAdvisories(tx: Tx, ids: string[], batchSize: number): Promise<void> {
    const advisories: { id: string; affectsId: string; affectsRange: string }[] = [];
    for (const part of chunks(ids, batchSize)) {
      for (const row of await tx.run(statement("advisory/by-affected-ids"), { ids: part })) advisories.push(row);
    }
    if (!advisories.length) return;
    const nodes = await this.versionsOf(tx, [...new Set(advisories.map((a) => a.affectsId))], batchSize);
    const links = advisories.flatMap((a) =>
      affectedKeys(a.affectsRange, nodes.get(a.affectsId) ?? []).map((asset) => ({ advisory: a.id, asset })),
    );
    for (const part of chunks(links, batchSize)) await tx.run(statement("advisory/link-affects"), { rows: part });
  }
}

/** A record's own risk flags, as advisories of source "record" (data-model.md §3). */
export function recordFlagAdvisories(records: readonly AssetRecord[]) {
  return records.flatMap((r) =>
    r.risks.map((category) => ({
      id: `record:${r.key}:${category}`,
      category: category.toUpperCase(),
      severity: RECORD_FLAG_SEVERITY[category as keyof typeof RECORD_FLAG_SEVERITY] ?? "MEDIUM",
      summary: `The record ${r.key} (${r.name}) flags ${category}.`,
      affectsId: r.id,
      affectsRange: r.version,
      references: r.refs,
    })),
  );
}

/**
 * Which edges change: every planned edge of the batch's own records is created; an existing edge
 * of another record is deleted and created anew only when its target, type or relation changes.
 */
export function edgeChanges(
  planned: readonly PlannedEdge[],
  existing: readonly { from: string; to: string; type: string; props: EdgeProps }[],
  freshKeys: ReadonlySet<string>,
): { toDelete: { from: string; to: string; refIndex: number }[]; toCreate: PlannedEdge[] } {
  const current = new Map(existing.map((e) => [`${e.from}|${e.props.refIndex}`, e]));
  const toDelete: { from: string; to: string; refIndex: number }[] = [];
  const toCreate: PlannedEdge[] = [];
  for (const edge of planned) {
    const was = current.get(`${edge.from}|${edge.props.refIndex}`);
    if (was && !freshKeys.has(edge.from)) {
      if (was.to === edge.to && was.type === edge.type && was.props.relation === edge.props.relation) continue;
      toDelete.push({ from: was.from, to: was.to, refIndex: was.props.refIndex });
    }
    toCreate.push(edge);
  }
  return { toDelete, toCreate };
}

/**
 * What an ingest checks before it looks at the graph: in-batch duplicates collapsed (different
 * contents for one key refused), in-batch cycles (refused in strict mode), and whether the viewer
 * may publish the advisories the documents state.
 */
export function screenBatch(
  input: IngestInput,
  viewer: Viewer,
  opts: Pick<IngestOptions, "strict" | "dryRun">,
): { records: AssetRecord[]; rejected: number; report: IngestReport } {
  const unique = collapseDuplicates(input.records);
  const acyclic = refuseBatchCycles(unique.records, Boolean(opts.strict));
  const records = acyclic.records;
  const rejected = input.rejected + unique.rejected + acyclic.rejected;
  const report = emptyReport([...input.problems, ...unique.problems, ...acyclic.problems], rejected, Boolean(opts.dryRun));
  if (input.advisories?.length && !can(viewer, "advisory:write")) {
    report.problems.push({
      source: input.advisories[0]!.source.replace(/^[a-z-]+:/, ""),
      path: "$.vulnerabilities",
      severity: "error",
      message: `these documents state ${input.advisories.length} advisories (vulnerabilities); publishing advisories needs role SECURITY or ADMIN, and ${viewer.subject} has ${viewer.roles.join(", ") || "none"}`,
      code: "FORBIDDEN",
    });
  }
  return { records, rejected, report };
}

/** Whether a batch holds errors that refuse it (an asset-scoped error refuses its asset alone, unless strict). */
export function batchHasErrors(report: IngestReport, opts: Pick<IngestOptions, "strict">): boolean {
  return report.problems.some((p) => p.severity === "error" && (p.scope !== "asset" || opts.strict));
}

/** Marks a report as refused as a whole (atomic mode): nothing written, and why, with how to accept the valid records. */
export function nothingWritten(report: IngestReport, valid: number): IngestReport {
  const invalid = report.rejected;
  report.problems.push({
    source: "(batch)",
    path: "$",
    severity: "error",
    message: `nothing was written: ${invalid} record${invalid === 1 ? " is" : "s are"} invalid, and an ingest is all or nothing (accept the ${valid} valid record${valid === 1 ? "" : "s"} with --partial / partial: true)`,
  });
  report.accepted = 0;
  report.unchanged = 0;
  report.acceptedKeys = [];
  report.unchangedKeys = [];
  report.written = false;
  return report;
}

/** What a step lets through, and the problems of what it refused. */
export interface Screened {
  records: AssetRecord[];
  problems: Problem[];
  rejected: number;
}

export function emptyReport(problems: Problem[], rejected: number, dryRun: boolean): IngestReport {
  return {
    accepted: 0,
    unchanged: 0,
    rejected,
    placeholders: 0,
    problems,
    acceptedKeys: [],
    unchangedKeys: [],
    placeholderIds: [],
    edgesWritten: 0,
    edgesMoved: 0,
    dryRun,
    written: false,
  };
}

/** In-batch duplicates: identical ones collapse into one; different contents for one key are a CONFLICT (both refused). */
export function collapseDuplicates(records: readonly AssetRecord[]): Screened {
  const byKey = new Map<string, AssetRecord>();
  const conflicting = new Set<string>();
  const problems: Problem[] = [];
  let rejected = 0;
  for (const r of records) {
    const seen = byKey.get(r.key);
    if (!seen) byKey.set(r.key, r);
    else if (seen.contentHash !== r.contentHash) {
      problems.push({
        source: r.source,
        path: "$",
        severity: "error",
        code: "CONFLICT",
        message: `CONFLICT: ${r.key} appears twice in this batch with different contents (${seen.source} and ${r.source}); versions are immutable`,
      });
      conflicting.add(r.key);
      rejected++;
    }
  }
  return { records: [...byKey.values()].filter((r) => !conflicting.has(r.key)), problems, rejected };
}

/** Cycles within the batch: warnings, or (strict) errors that refuse their members. */
export function refuseBatchCycles(records: readonly AssetRecord[], strict: boolean): Screened {
  const problems: Problem[] = [];
  const refused = new Set<string>();
  for (const { members, ...problem } of cycleProblems(records, strict)) {
    problems.push(problem);
    if (problem.severity === "error") for (const r of records) if (members.includes(r.id)) refused.add(r.key);
  }
  return { records: records.filter((r) => !refused.has(r.key)), problems, rejected: refused.size };
}

/** Versions are immutable: a key the graph holds with the same hash is unchanged; with another, a CONFLICT. */
async function splitByExisting(
  tx: Tx,
  records: readonly AssetRecord[],
  batchSize: number,
): Promise<Screened & { fresh: AssetRecord[]; unchanged: string[] }> {
  const existing = new Map<string, string | null>();
  for (const part of chunks(
    records.map((r) => r.key),
    batchSize,
  )) {
    for (const row of await tx.run(statement("ingest/existing-hashes"), { keys: part })) existing.set(row.key, row.contentHash);
  }
  const fresh: AssetRecord[] = [];
  const unchanged: string[] = [];
  const problems: Problem[] = [];
  for (const r of records) {
    if (!existing.has(r.key)) fresh.push(r);
    else if (existing.get(r.key) === r.contentHash) unchanged.push(r.key);
    else problems.push(conflict(r, existing.get(r.key)));
  }
  return { fresh, unchanged, records: fresh, problems, rejected: problems.length };
}

/** The first organisation to publish an id owns it: another's versions of it are FORBIDDEN. */
async function refuseForeignIds(
  tx: Tx,
  fresh: readonly AssetRecord[],
  viewer: Viewer,
  batchSize: number,
): Promise<Screened & { owners: Map<string, string | null> }> {
  const owners = new Map<string, string | null>();
  for (const part of chunks([...new Set(fresh.map((r) => r.id))], batchSize)) {
    for (const row of await tx.run(statement("ingest/owners"), { ids: part })) owners.set(row.id, row.owner || null);
  }
  const problems: Problem[] = [];
  const records = fresh.filter((r) => {
    const owner = owners.get(r.id);
    if (owner === undefined || mayWriteFor(viewer, owner)) return true;
    problems.push({
      source: r.source,
      path: "$",
      severity: "error",
      code: "FORBIDDEN",
      message: `FORBIDDEN: ${r.id} belongs to ${owner ?? "no organisation (only an admin may add its versions)"}; ${viewer.org ?? viewer.subject} may not publish versions of it`,
    });
    return false;
  });
  return { records, problems, rejected: problems.length, owners };
}

/** Strict mode: cycles the records would close with what earlier batches wrote. */
async function refuseGraphCycles(
  tx: Tx,
  fresh: readonly AssetRecord[],
  batch: readonly AssetRecord[],
  batchSize: number,
): Promise<Screened> {
  const inBatch = new Set(cycleProblems(batch, false).map((c) => c.members.join("|")));
  const problems: Problem[] = [];
  let records = [...fresh];
  let rejected = 0;
  if (!records.length) return { records, problems, rejected };
  for (const { members, ...problem } of await graphCycleProblems(tx, fresh, batchSize)) {
    if (inBatch.has(members.join("|"))) continue;
    problems.push(problem);
    const refused = new Set(records.filter((r) => members.includes(r.id)).map((r) => r.key));
    rejected += refused.size;
    records = records.filter((r) => !refused.has(r.key));
  }
  return { records, problems, rejected };
}

/** A transaction whose statements report their time. */
function timed(tx: Tx, onStatement: (name: string, ms: number) => void): Tx {
  const out = Object.create(tx) as Tx;
  const run = async (stmt: Statement, params?: Params) => {
    const started = performance.now();
    try {
      return await tx.run(stmt, params);
    } finally {
      onStatement(stmt.name, performance.now() - started);
    }
  };
  out.run = run;
  return out;
}

/** Dependency cycles among the given records, as warnings (errors in strict mode). */
export function cycleProblems(records: readonly AssetRecord[], strict: boolean): (Problem & { members: string[] })[] {
  const ids = new Set(records.map((r) => r.id));
  const adjacency = new Map<string, string[]>();
  for (const r of records) adjacency.set(r.id, [...new Set(r.upstream.map((u) => u.id).filter((id) => ids.has(id)))]);
  return cycles(adjacency).map((cycle) => ({
    source: records.find((r) => r.id === cycle[0])!.source,
    path: "$.mr.relations.upstream",
    severity: strict ? "error" : "warning",
    message: `dependency cycle: ${cycle.join(" → ")} → ${cycle[0]}${strict ? " (refused in strict mode)" : ""}`,
    members: cycle,
  }));
}

/**
 * Cycles that the records would close with the graph as it stands (strict mode): each record's
 * declared upstream ids, plus, for each of those ids already in the graph, the batch's ids it
 * reaches upstream there.
 */
async function graphCycleProblems(tx: Tx, fresh: readonly AssetRecord[], batchSize: number): Promise<(Problem & { members: string[] })[]> {
  const ids = [...new Set(fresh.map((r) => r.id))];
  const adjacency = new Map<string, string[]>();
  for (const r of fresh) adjacency.set(r.id, [...new Set([...(adjacency.get(r.id) ?? []), ...r.upstream.map((u) => u.id)])]);
  const targets = [...new Set(fresh.flatMap((r) => r.upstream.map((u) => u.id)))];
  for (const part of chunks(targets, batchSize)) {
    for (const row of await tx.run(statement("ingest/reaches-ids"), { from: part, ids })) {
      const from = row.from;
      adjacency.set(from, [...new Set([...(adjacency.get(from) ?? []), ...row.reaches])]);
    }
  }
  return cycles(adjacency).map((cycle) => ({
    source: fresh.find((r) => cycle.includes(r.id))!.source,
    path: "$.mr.relations.upstream",
    severity: "error" as const,
    message: `dependency cycle with the graph: ${cycle.join(" → ")} → ${cycle[0]} (refused in strict mode; the graph already holds part of it)`,
    members: cycle,
  }));
}

/** The nodes of an id that an advisory range flags: matching versions; "*" also flags the placeholder. */
export function affectedKeys(range: string, nodes: readonly VersionRow[]): string[] {
  return nodes
    .filter((n) => (n.placeholder ? range === "*" : n.version !== null && semver.satisfies(n.version, range, { includePrerelease: true })))
    .map((n) => n.key);
}

function conflict(r: AssetRecord, existingHash: unknown): Problem {
  return {
    source: r.source,
    path: "$",
    severity: "error",
    code: "CONFLICT",
    message: `CONFLICT: ${r.key} is already in the graph with other contents (hash ${String(existingHash).slice(0, 12)}…, this file ${r.contentHash.slice(0, 12)}…); versions are immutable: publish a new version instead`,
  };
}

class DryRunDone extends Error {}
/** The batch is refused inside the transaction; `invalid` of its records were found invalid there. */
class Refused extends Error {
  constructor(readonly invalid: number) {
    super("refused");
  }
}
