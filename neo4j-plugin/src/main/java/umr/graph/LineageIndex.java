package umr.graph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import org.eclipse.collections.impl.list.mutable.primitive.IntArrayList;
import org.eclipse.collections.impl.list.mutable.primitive.LongArrayList;
import org.eclipse.collections.impl.map.mutable.primitive.LongIntHashMap;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Label;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.Transaction;
import org.neo4j.internal.kernel.api.NodeCursor;
import org.neo4j.internal.kernel.api.PropertyCursor;
import org.neo4j.internal.kernel.api.Read;
import org.neo4j.internal.kernel.api.RelationshipTraversalCursor;
import org.neo4j.internal.kernel.api.TokenRead;
import org.neo4j.kernel.api.KernelTransaction;
import org.neo4j.kernel.impl.coreapi.InternalTransaction;
import org.neo4j.logging.Log;
import org.neo4j.graphdb.Direction;
import org.neo4j.storageengine.api.PropertySelection;
import org.neo4j.storageengine.api.RelationshipSelection;
import org.neo4j.token.api.TokenConstants;

/**
 * What umr.walk reads of the graph, held in memory for one graph version: every asset's key (and
 * its rank in key order), kind, visibility, organisation, publisher, owner and contacts, and the
 * lineage and SAME_AS edges of each asset as compressed adjacency arrays in both directions, in the
 * order the store's cursors give them (so that the walk reaches every asset through the same first
 * edge as the walk over cursors, which is the walk of src/services/traversal.ts).
 *
 * <p>A hub's walk over these arrays reads no record of the store: the plain expand that a Cypher
 * count does is replaced by array reads, and the properties the totals need (one random read of
 * the property store per reached asset over cursors) are array reads too.
 *
 * <p>An index answers only for the graph it was built from: it is used while the graph's version
 * (the GraphVersion node every answer-changing write bumps in its own transaction) and the count
 * store's numbers of assets and of each edge type are what they were when it was built. Otherwise
 * the walk runs over cursors, exactly as before, and one background thread builds the index of the
 * new version (one build at a time per database; a build that saw the version change under it is
 * thrown away). Memory: 198 MB of heap for 1M assets and 2.7M edges (measured after a full GC).
 */
final class LineageIndex {
    private static final Label ASSET = Label.label("Asset");
    private static final Label GRAPH_VERSION = Label.label("GraphVersion");
    static final String[] LINEAGE = {"TRAINED_ON", "DERIVED_FROM"};

    /** The current index of each database, by name. */
    private static final Map<String, LineageIndex> current = new ConcurrentHashMap<>();
    private static final Map<String, AtomicBoolean> building = new ConcurrentHashMap<>();
    /**
     * When each database's last background build may be followed by the next (nanoTime): no sooner
     * than that build took after it ended, so that a stream of writes, each followed by a walk,
     * keeps at most half a core building (the walks read the store meanwhile).
     */
    private static final Map<String, Long> nextBuild = new ConcurrentHashMap<>();
    /** Databases whose index is switched off (umr.walkIndex('off')): every walk reads the store. */
    private static final Map<String, Boolean> off = new ConcurrentHashMap<>();
    /** The graph each database's last build could not index (too big, or not a graph of assets): not tried again. */
    private static final Map<String, Stamp> refused = new ConcurrentHashMap<>();

    /** What the graph was when the index was built; the index answers while it still is. */
    record Stamp(String epoch, long version, long assets, long trainedOn, long derivedFrom, long sameAs) {
        static Stamp of(Transaction tx, KernelTransaction ktx) {
            Node m = tx.findNode(GRAPH_VERSION, "id", "graph");
            String epoch = m == null ? null : (String) m.getProperty("epoch", null);
            long version = m == null ? 0 : ((Number) m.getProperty("version", 0L)).longValue();
            TokenRead tokens = ktx.tokenRead();
            Read read = ktx.dataRead();
            int asset = tokens.nodeLabel("Asset");
            return new Stamp(
                    epoch,
                    version,
                    asset == TokenConstants.NO_TOKEN ? 0 : read.countsForNode(asset),
                    edges(tokens, read, "TRAINED_ON"),
                    edges(tokens, read, "DERIVED_FROM"),
                    edges(tokens, read, "SAME_AS"));
        }

        private static long edges(TokenRead tokens, Read read, String type) {
            int t = tokens.relationshipType(type);
            return t == TokenConstants.NO_TOKEN ? 0 : read.countsForRelationship(TokenConstants.ANY_LABEL, t, TokenConstants.ANY_LABEL);
        }
    }

    final Stamp stamp;
    /** How long the build took. */
    long buildMs;
    final int n;
    final long[] nodeIds;
    final LongIntHashMap dense;
    /** Each asset's key, kind, organisation, publisher, owner, contacts and visibility, by dense index. */
    final Fields fields;
    final String[] keys;
    /** Each asset's position in key order (UTF-16 code units, as Node compares), and its inverse. */
    final int[] rank;
    final int[] byRank;
    /** The distinct lineage edges' [type, relation, constraint]; edges point into it. */
    final List<List<Object>> labels;
    final String[] labelRelation;
    /** labelType[l]: 0 TRAINED_ON, 1 DERIVED_FROM. */
    final byte[] labelType;
    /** Adjacency, [0] downstream (incoming edges), [1] upstream (outgoing): offsets, other end, label. */
    final int[][] lineageOffsets = new int[2][];
    final int[][] lineageTo = new int[2][];
    final int[][] lineageLabel = new int[2][];
    final int[][] twinOffsets = new int[2][];
    final int[][] twinTo = new int[2][];

    /** The index for the graph as this transaction sees it, or null (and a build begins) when there is none yet. */
    static LineageIndex usable(String database, Transaction tx, KernelTransaction ktx, GraphDatabaseService db, Log log) {
        if (off.containsKey(database)) return null;
        Stamp now = Stamp.of(tx, ktx);
        LineageIndex idx = current.get(database);
        if (idx != null && idx.stamp.equals(now)) return idx;
        if (!now.equals(refused.get(database))) buildInBackground(database, db, log);
        return null;
    }

    /** Begins the build of the graph as this transaction sees it, in the background, unless the index is fresh or off (umr.walkIndex('refresh'), after a write). */
    static void refresh(String database, Transaction tx, KernelTransaction ktx, GraphDatabaseService db, Log log) {
        usable(database, tx, ktx, db, log);
    }

    /** Off: walks read the store (the index is kept, and answers again once on, while its graph stands). */
    static void setOff(String database, boolean isOff) {
        if (isOff) off.put(database, true);
        else off.remove(database);
    }

    static boolean isOff(String database) {
        return off.containsKey(database);
    }

    static LineageIndex currentOf(String database) {
        return current.get(database);
    }

    /**
     * Builds the index in this transaction and makes it current; null (and the walks go on reading
     * the store) when the graph changed meanwhile, holds lineage edges to nodes that are not assets,
     * or would take more than a quarter of the heap.
     */
    static LineageIndex buildNow(String database, Transaction tx, KernelTransaction ktx, Log log) {
        Stamp tried = Stamp.of(tx, ktx);
        long bytes = BYTES_PER_ASSET * tried.assets() + BYTES_PER_EDGE * (tried.trainedOn() + tried.derivedFrom() + tried.sameAs());
        long budget = Runtime.getRuntime().maxMemory() / 4;
        if (bytes > budget) {
            refused.put(database, tried);
            if (log != null)
                log.warn("umr.walk: no lineage index for %d assets: it would take ~%d MB, over a quarter of the heap (%d MB); walks read the store (raise the heap to index)", tried.assets(), bytes >> 20, budget >> 20);
            return null;
        }
        LineageIndex idx = build(tx, ktx);
        if (idx == null) {
            if (tried.equals(Stamp.of(tx, ktx))) refused.put(database, tried);
            return null;
        }
        current.put(database, idx);
        return idx;
    }

    /** The estimate a build is refused by: above what the index held at 1M assets (keys of ~16 characters). */
    static final long BYTES_PER_ASSET = 190;
    static final long BYTES_PER_EDGE = 18;

    private static void buildInBackground(String database, GraphDatabaseService db, Log log) {
        Long notBefore = nextBuild.get(database);
        if (notBefore != null && System.nanoTime() - notBefore < 0) return;
        AtomicBoolean flag = building.computeIfAbsent(database, d -> new AtomicBoolean());
        if (!flag.compareAndSet(false, true)) return;
        Thread t = new Thread(
                () -> {
                    long started = System.nanoTime();
                    try (Transaction tx = db.beginTx()) {
                        LineageIndex idx = buildNow(database, tx, ((InternalTransaction) tx).kernelTransaction(), log);
                        if (log != null && idx != null)
                            log.info("umr.walk: lineage index of graph version %d built: %d assets in %d ms", idx.stamp.version, idx.n, idx.buildMs);
                    } catch (Throwable e) {
                        if (log != null) log.warn("umr.walk: building the lineage index failed; walks read the store", e);
                    } finally {
                        long ended = System.nanoTime();
                        nextBuild.put(database, ended + (ended - started));
                        flag.set(false);
                    }
                },
                "umr-walk-index-" + database);
        t.setDaemon(true);
        t.start();
    }

    /** Null when the graph changed while it was read, or holds an edge to a node that is not an asset. */
    @SuppressWarnings("deprecation") // Node.getId: store ids, as the cursors give them
    private static LineageIndex build(Transaction tx, KernelTransaction ktx) {
        long started = System.nanoTime();
        Stamp before = Stamp.of(tx, ktx);
        TokenRead tokens = ktx.tokenRead();
        Read read = ktx.dataRead();
        int asset = tokens.nodeLabel("Asset");
        Fields.Keys fieldKeys = new Fields.Keys(tokens);
        int relationKey = tokens.propertyKey("relation");
        int constraintKey = tokens.propertyKey("constraint");
        int trainedOn = tokens.relationshipType("TRAINED_ON");
        int derivedFrom = tokens.relationshipType("DERIVED_FROM");
        int sameAs = tokens.relationshipType("SAME_AS");
        int[] lineageTypes = Arrays.stream(new int[] {trainedOn, derivedFrom}).filter(t -> t != TokenConstants.NO_TOKEN).toArray();
        PropertySelection edgeLabel = PropertySelection.selection(relationKey, constraintKey);
        LongArrayList ids = new LongArrayList();
        Fields fields = new Fields();
        try (NodeCursor node = ktx.cursors().allocateNodeCursor(ktx.cursorContext(), ktx.memoryTracker());
                RelationshipTraversalCursor edges = ktx.cursors().allocateRelationshipTraversalCursor(ktx.cursorContext(), ktx.memoryTracker());
                PropertyCursor props = ktx.cursors().allocatePropertyCursor(ktx.cursorContext(), ktx.memoryTracker())) {
            if (asset != TokenConstants.NO_TOKEN) {
                read.allNodesScan(node);
                while (node.next()) {
                    if (!node.hasLabel(asset)) continue;
                    node.properties(props, fieldKeys.selection);
                    // An asset without a key: not a graph this index can hold.
                    if (!fields.add(props, fieldKeys)) return null;
                    ids.add(node.nodeReference());
                }
            }
            int n = ids.size();
            LongIntHashMap dense = new LongIntHashMap(n);
            for (int i = 0; i < n; i++) dense.put(ids.get(i), i);

            Map<List<Object>, Integer> labelIndex = new HashMap<>();
            List<List<Object>> labels = new ArrayList<>();
            List<String> labelRelation = new ArrayList<>();
            List<Byte> labelType = new ArrayList<>();
            int[][] lineageOffsets = new int[2][], lineageTo = new int[2][], lineageLabel = new int[2][], twinOffsets = new int[2][], twinTo = new int[2][];
            for (int side = 0; side < 2; side++) {
                Direction dir = side == 0 ? Direction.INCOMING : Direction.OUTGOING;
                RelationshipSelection lineage = RelationshipSelection.selection(lineageTypes, dir);
                RelationshipSelection twins = sameAs == TokenConstants.NO_TOKEN ? null : RelationshipSelection.selection(sameAs, dir);
                int[] offsets = new int[n + 1];
                IntArrayList to = new IntArrayList(), label = new IntArrayList();
                int[] tOffsets = new int[n + 1];
                IntArrayList tTo = new IntArrayList();
                for (int i = 0; i < n; i++) {
                    read.singleNode(ids.get(i), node);
                    if (!node.next()) return null;
                    if (lineageTypes.length > 0) {
                        node.relationships(edges, lineage);
                        while (edges.next()) {
                            long other = edges.otherNodeReference();
                            if (!dense.containsKey(other)) return null;
                            String relation = null, constraint = null;
                            edges.properties(props, edgeLabel);
                            while (props.next()) {
                                if (props.propertyKey() == relationKey) relation = Fields.text(props.propertyValue());
                                else constraint = Fields.text(props.propertyValue());
                            }
                            byte type = (byte) (edges.type() == trainedOn ? 0 : 1);
                            List<Object> l = Arrays.asList(LINEAGE[type], relation, constraint);
                            Integer li = labelIndex.get(l);
                            if (li == null) {
                                li = labels.size();
                                labelIndex.put(l, li);
                                labels.add(l);
                                labelRelation.add(relation);
                                labelType.add(type);
                            }
                            to.add(dense.get(other));
                            label.add(li);
                        }
                    }
                    offsets[i + 1] = to.size();
                    if (twins != null) {
                        node.relationships(edges, twins);
                        while (edges.next()) {
                            long other = edges.otherNodeReference();
                            if (!dense.containsKey(other)) return null;
                            tTo.add(dense.get(other));
                        }
                    }
                    tOffsets[i + 1] = tTo.size();
                }
                lineageOffsets[side] = offsets;
                lineageTo[side] = to.toArray();
                lineageLabel[side] = label.toArray();
                twinOffsets[side] = tOffsets;
                twinTo[side] = tTo.toArray();
            }
            // The graph must not have changed while it was read (reads see each commit as it lands).
            if (!before.equals(Stamp.of(tx, ktx))) return null;
            LineageIndex idx = new LineageIndex(before, ids.toArray(), dense, fields.freeze(), labels, labelRelation, labelType);
            for (int side = 0; side < 2; side++) {
                idx.lineageOffsets[side] = lineageOffsets[side];
                idx.lineageTo[side] = lineageTo[side];
                idx.lineageLabel[side] = lineageLabel[side];
                idx.twinOffsets[side] = twinOffsets[side];
                idx.twinTo[side] = twinTo[side];
            }
            return idx.finish(started);
        }
    }

    private LineageIndex(Stamp stamp, long[] nodeIds, LongIntHashMap dense, Fields fields, List<List<Object>> labels, List<String> labelRelation, List<Byte> labelType) {
        this.stamp = stamp;
        this.n = nodeIds.length;
        this.nodeIds = nodeIds;
        this.dense = dense;
        this.fields = fields;
        this.keys = fields.key;
        this.labels = labels;
        this.labelRelation = labelRelation.toArray(new String[0]);
        this.labelType = new byte[labelType.size()];
        for (int i = 0; i < this.labelType.length; i++) this.labelType[i] = labelType.get(i);
        Integer[] boxed = new Integer[n];
        for (int i = 0; i < n; i++) boxed[i] = i;
        String[] keys = fields.key;
        Arrays.parallelSort(boxed, (a, b) -> keys[a].compareTo(keys[b]));
        this.byRank = new int[n];
        this.rank = new int[n];
        for (int r = 0; r < n; r++) {
            byRank[r] = boxed[r];
            rank[boxed[r]] = r;
        }
    }

    private LineageIndex finish(long started) {
        buildMs = (System.nanoTime() - started) / 1_000_000;
        return this;
    }

    long edgeCount() {
        return lineageTo[0].length;
    }

    /** The dense index of a node, or -1 when it is not an asset this index holds. */
    int denseOf(long nodeId) {
        return dense.getIfAbsent(nodeId, -1);
    }

}
