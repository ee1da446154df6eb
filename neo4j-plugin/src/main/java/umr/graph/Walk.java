package umr.graph;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.eclipse.collections.impl.list.mutable.primitive.IntArrayList;
import org.eclipse.collections.impl.list.mutable.primitive.LongArrayList;
import org.eclipse.collections.impl.map.mutable.primitive.LongIntHashMap;
import org.eclipse.collections.impl.set.mutable.primitive.LongHashSet;
import org.neo4j.graphdb.Direction;
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
import org.neo4j.logging.Log;
import org.neo4j.storageengine.api.PropertySelection;
import org.neo4j.storageengine.api.RelationshipSelection;
import org.neo4j.token.api.TokenConstants;
import org.neo4j.values.storable.Value;
import org.neo4j.procedure.Context;
import org.neo4j.procedure.Description;
import org.neo4j.procedure.Mode;
import org.neo4j.procedure.Name;
import org.neo4j.procedure.Procedure;
import org.neo4j.procedure.UserFunction;

/**
 * The breadth-first walk of src/services/traversal.ts, run inside Neo4j, answering in one row
 * what a hub's blast radius needs: the reached assets in (depth, key) order with the edge that
 * first reached each (for explanations), their kinds, and the totals — so that a 990k-asset
 * answer crosses Bolt as a few packed lists instead of 990k rows, and no property is read twice.
 *
 * <p>The rules are the Node walk's, exactly (the test test/risk/walk-procedure.test.ts compares the
 * two on every fixture): every asset is reached once, at its first (shortest) depth, through the
 * first edge found to it; SAME_AS links are crossed without counting a hop, before the depth's
 * lineage edges; a stopped asset (an exemption) is neither reached nor expanded; one step past
 * maxDepth tells whether the depth limit cut anything off; the size budget stops the walk.
 *
 * <p>Where the database's lineage index (LineageIndex) is fresh, the walk runs over its arrays
 * (indexWalk), with the same steps in the same order; otherwise over the store's cursors, and the
 * index of the new graph version is built in the background. Both are compared with the Node walk
 * on every question by test/risk/walk-in-neo4j.test.ts.
 *
 * <p>Who may see what is decided in Node, not here: the private assets come back apart, with
 * their organisation and what the totals would count of them, and are left out of the totals.
 */
public final class Walk {
    /** Bumped whenever the answer of umr.walk or umr.reach changes shape (2: umr.reach added); the API uses the procedures only when it matches. */
    public static final long PROTOCOL = 2;

    private static final Label ASSET = Label.label("Asset");

    @Context
    public Transaction tx;

    /** The kernel's cursors: a hub's walk reads ~100k nodes and ~300k edges (restricted: umr.* is allowed in the config). */
    @Context
    public KernelTransaction ktx;

    /** For the lineage index: its database's name, and the transaction of a build in the background. */
    @Context
    public GraphDatabaseService db;

    @Context
    public Log log;

    /** One answer row. Lists run in (depth, key) order; indices point into them. */
    public static final class Answer {
        /** The start keys that name an asset, in the order given (stopped ones too). */
        public List<String> found;
        /** Every reached asset's key, in (depth, key) order, joined by U+0000. */
        public String keys;
        /** Where each depth begins in the order (depth d: depthStarts[d] up to depthStarts[d+1]). */
        public List<Long> depthStarts;
        /**
         * Three int32 little-endian arrays of one entry per asset, one after the other, in base64
         * (Bolt drivers read a string far faster than a byte array): the position of the asset
         * one step nearer a start (-1 for a start); the edge that reached it, an index into labels
         * (-1 for a start); its kind, an index into kindNames.
         */
        public String packed;
        /** The distinct edges' [type, relation, constraint]. */
        public List<List<Object>> labels;
        public List<String> kindNames;
        /** The private assets: {at, org, publisher, owner, contacts}; left out of the totals below. */
        public List<Map<String, Object>> privates;
        /** [publisher (or owner, or "(unknown)"), count] over the assets that are not private. */
        public List<List<Object>> publishers;
        /** The owners and contacts of the assets that are not private, sorted, once each. */
        public List<String> contacts;
        /** Null when complete; "depth" (maxDepth cut something off) or "size" (the size budget). */
        public String cut;
        /** The depth at which the walk was cut. */
        public Long cutDepth;

    }

    @UserFunction(name = "umr.walkProtocol")
    @Description("The version of umr.walk's answer that this plugin gives.")
    public long walkProtocol() {
        return PROTOCOL;
    }

    @SuppressWarnings("deprecation") // Node.getId: the walk keys its sets by the store ids the cursors give
    @Procedure(name = "umr.walk", mode = Mode.READ)
    @Description("umr-graph's breadth-first walk (src/services/traversal.ts) in one row: reached assets in (depth, key) order, first edges, kinds, totals.")
    public Stream<Answer> walk(
            @Name("starts") List<String> starts,
            @Name("direction") String direction,
            @Name("maxDepth") long maxDepth,
            @Name("types") List<String> types,
            @Name("relations") List<String> relations,
            @Name("stop") List<String> stop,
            @Name("maxReached") long maxReached) {
        Direction dir = switch (direction) {
            case "DOWNSTREAM" -> Direction.INCOMING;
            case "UPSTREAM" -> Direction.OUTGOING;
            default -> throw new IllegalArgumentException("direction: expected UPSTREAM or DOWNSTREAM, found " + direction);
        };
        TokenRead tokens = ktx.tokenRead();
        Read read = ktx.dataRead();
        int trainedOn = tokens.relationshipType("TRAINED_ON");
        int derivedFrom = tokens.relationshipType("DERIVED_FROM");
        int sameAs = tokens.relationshipType("SAME_AS");
        int[] lineageTypes = Arrays.stream(new int[] {trainedOn, derivedFrom})
                .filter(t -> t != TokenConstants.NO_TOKEN)
                .filter(t -> types == null || types.contains(t == trainedOn ? "TRAINED_ON" : "DERIVED_FROM"))
                .toArray();
        Set<String> relationSet = relations == null ? null : new HashSet<>(relations);
        // The lineage index of this graph version, when there is one: the same walk over arrays.
        LineageIndex index = LineageIndex.usable(db.databaseName(), tx, ktx, db, log);
        if (index != null) {
            Answer a = indexWalk(index, starts, dir == Direction.INCOMING ? 0 : 1, maxDepth, types, relationSet, stop, maxReached);
            if (a != null) return Stream.of(a);
        }
        int relationKey = tokens.propertyKey("relation");
        int constraintKey = tokens.propertyKey("constraint");
        PropertySelection relationOnly = PropertySelection.selection(relationKey);
        PropertySelection edgeLabel = PropertySelection.selection(relationKey, constraintKey);
        RelationshipSelection lineage = RelationshipSelection.selection(lineageTypes, dir);
        RelationshipSelection twins = RelationshipSelection.selection(sameAs, dir);
        // Most graphs have no SAME_AS link: the count store says so at once, sparing a second look at every node.
        boolean hasTwins = sameAs != TokenConstants.NO_TOKEN && read.countsForRelationship(TokenConstants.ANY_LABEL, sameAs, TokenConstants.ANY_LABEL) > 0;

        LongHashSet stopped = new LongHashSet();
        if (stop != null)
            for (String k : stop) {
                Node n = tx.findNode(ASSET, "key", k);
                if (n != null) stopped.add(n.getId());
            }
        Reached r = new Reached();
        List<String> found = new ArrayList<>();
        IntArrayList frontier = new IntArrayList();
        for (String k : new LinkedHashSet<>(starts)) {
            Node n = tx.findNode(ASSET, "key", k);
            if (n == null) continue;
            found.add(k);
            if (stopped.contains(n.getId()) || r.has(n.getId())) continue;
            frontier.add(r.add(n.getId(), 0, -1, -1));
        }
        String cut = null;
        long cutDepth = 0;
        int depth = 0;

        try (NodeCursor node = ktx.cursors().allocateNodeCursor(ktx.cursorContext(), ktx.memoryTracker());
                RelationshipTraversalCursor edges = ktx.cursors().allocateRelationshipTraversalCursor(ktx.cursorContext(), ktx.memoryTracker());
                PropertyCursor props = ktx.cursors().allocatePropertyCursor(ktx.cursorContext(), ktx.memoryTracker())) {
            walk:
            while (frontier.size() > 0) {
                if (depth >= maxDepth + 1) break;
                // The frontier's twins first: they sit at its depth (a SAME_AS link is not a hop).
                if (hasTwins) {
                    IntArrayList ring = frontier;
                    while (ring.size() > 0) {
                        IntArrayList added = new IntArrayList();
                        for (int i = 0; i < ring.size(); i++) {
                            int p = ring.get(i);
                            read.singleNode(r.ids.get(p), node);
                            if (!node.next()) continue;
                            node.relationships(edges, twins);
                            while (edges.next()) {
                                long child = edges.otherNodeReference();
                                if (r.has(child) || stopped.contains(child)) continue;
                                if (r.size() >= maxReached) {
                                    cut = "size";
                                    cutDepth = depth;
                                    break walk;
                                }
                                added.add(r.add(child, depth, p, r.label("SAME_AS", "same_as", null)));
                            }
                        }
                        IntArrayList grown = new IntArrayList();
                        grown.addAll(frontier);
                        grown.addAll(added);
                        frontier = grown;
                        ring = added;
                    }
                }
                IntArrayList next = new IntArrayList();
                if (lineageTypes.length > 0)
                    for (int i = 0; i < frontier.size(); i++) {
                        int p = frontier.get(i);
                        read.singleNode(r.ids.get(p), node);
                        if (!node.next()) continue;
                        node.relationships(edges, lineage);
                        while (edges.next()) {
                            long child = edges.otherNodeReference();
                            // An asset already reached needs nothing of the edge: its properties
                            // are read only for edges that may reach something new.
                            if (r.has(child) || stopped.contains(child)) continue;
                            String relation = null;
                            String constraint = null;
                            edges.properties(props, depth == maxDepth ? relationOnly : edgeLabel);
                            while (props.next()) {
                                Value v = props.propertyValue();
                                if (props.propertyKey() == relationKey) relation = Fields.text(v);
                                else constraint = Fields.text(v);
                            }
                            if (relationSet != null && (relation == null || !relationSet.contains(relation))) continue;
                            if (depth == maxDepth) {
                                cut = "depth";
                                cutDepth = depth;
                                break walk;
                            }
                            if (r.size() >= maxReached) {
                                cut = "size";
                                cutDepth = depth + 1;
                                break walk;
                            }
                            String type = edges.type() == trainedOn ? "TRAINED_ON" : "DERIVED_FROM";
                            next.add(r.add(child, depth + 1, p, r.label(type, relation, constraint)));
                        }
                    }
                frontier = next;
                depth++;
            }
            return Stream.of(r.answer(found, cut, cut == null ? null : cutDepth, read, tokens, node, props));
        }
    }

    /** The reached assets, in the order reached, and what the answer says of them. */
    private static final class Reached {
        final LongArrayList ids = new LongArrayList();
        final IntArrayList depth = new IntArrayList();
        final IntArrayList parent = new IntArrayList();
        final IntArrayList via = new IntArrayList();
        final LongIntHashMap index = new LongIntHashMap();
        final Map<List<Object>, Integer> labelIndex = new HashMap<>();
        final List<List<Object>> labels = new ArrayList<>();

        int size() {
            return ids.size();
        }

        boolean has(long id) {
            return index.containsKey(id);
        }

        int add(long id, int d, int p, int v) {
            int i = ids.size();
            ids.add(id);
            depth.add(d);
            parent.add(p);
            via.add(v);
            index.put(id, i);
            return i;
        }

        int label(String type, String relation, String constraint) {
            List<Object> l = Arrays.asList(type, relation, constraint);
            Integer i = labelIndex.get(l);
            if (i != null) return i;
            labelIndex.put(l, labels.size());
            labels.add(l);
            return labels.size() - 1;
        }

        Answer answer(List<String> found, String cut, Long cutDepth, Read read, TokenRead tokens, NodeCursor node, PropertyCursor props) {
            int n = ids.size();
            Fields.Keys keys = new Fields.Keys(tokens);
            // Read in store order (by node id): records written together lie together, so the
            // property store is read nearly sequentially instead of at random.
            long[] byId = new long[n];
            for (int i = 0; i < n; i++) byId[i] = (ids.get(i) << 21) | i;
            boolean sorted = n < (1 << 21);
            if (sorted) Arrays.parallelSort(byId);
            Fields fields = new Fields();
            int[] row = new int[n];
            for (int j = 0; j < n; j++) {
                int i = sorted ? (int) (byId[j] & ((1 << 21) - 1)) : j;
                read.singleNode(ids.get(i), node);
                if (!node.next()) throw new IllegalStateException("an asset vanished during the walk");
                node.properties(props, keys.selection);
                if (!fields.add(props, keys)) throw new IllegalStateException("an asset without a key");
                row[i] = j;
            }
            fields.freeze();
            // (depth, key) order, keys compared as Node compares them (UTF-16 code units).
            Integer[] boxed = new Integer[n];
            for (int i = 0; i < n; i++) boxed[i] = i;
            String[] key = fields.key;
            Arrays.parallelSort(boxed, (a, b) -> depth.get(a) != depth.get(b) ? Integer.compare(depth.get(a), depth.get(b)) : key[row[a]].compareTo(key[row[b]]));
            int[] order = new int[n];
            for (int j = 0; j < n; j++) order[j] = boxed[j];
            return pack(found, cut, cutDepth, n, depth.toArray(), parent.toArray(), via.toArray(), labels, fields, row, order);
        }
    }

    /**
     * The answer row from what a walk reached (by position in the order reached) and the order to
     * list it in: keys joined, the packed positions, the private assets apart, the totals.
     */
    private static Answer pack(
            List<String> found, String cut, Long cutDepth, int n, int[] depth, int[] parent, int[] via, List<List<Object>> labels,
            Fields f, int[] row, int[] order) {
        int[] position = new int[n];
        for (int i = 0; i < n; i++) position[order[i]] = i;
        Answer out = new Answer();
        out.found = found;
        StringBuilder joined = new StringBuilder(n * 24);
        List<Long> depthStarts = new ArrayList<>();
        ByteBuffer packed = ByteBuffer.allocate(12 * n).order(ByteOrder.LITTLE_ENDIAN);
        // Counted by id: a kind's index in kindNames (first seen first), assets by publisher, who to warn.
        int strings = f.strings.size();
        int[] kindIndex = new int[strings + 1];
        Arrays.fill(kindIndex, -1);
        List<String> kindNames = new ArrayList<>();
        long[] byPublisher = new long[strings + 1];
        // Neither publisher nor owner: "(unknown)" (a publisher of that very name counts with them).
        int named = f.strings.indexOf("(unknown)");
        int unknown = named >= 0 ? named : strings;
        boolean[] warnList = new boolean[f.lists.size()];
        boolean[] warnOwner = new boolean[strings];
        List<Map<String, Object>> privates = new ArrayList<>();
        for (int at = 0; at < n; at++) {
            int i = order[at];
            int a = row[i];
            if (at > 0) joined.append('\u0000');
            joined.append(f.key[a]);
            while (depthStarts.size() <= depth[i]) depthStarts.add((long) at);
            packed.putInt(4 * at, parent[i] < 0 ? -1 : position[parent[i]]);
            packed.putInt(4 * (n + at), via[i]);
            // A missing kind is named "null", as String.valueOf names it; it takes the last slot.
            int k = f.kind[a] < 0 ? strings : f.kind[a];
            if (kindIndex[k] < 0) {
                kindIndex[k] = kindNames.size();
                kindNames.add(String.valueOf(f.string(f.kind[a])));
            }
            packed.putInt(4 * (2 * n + at), kindIndex[k]);
            if (f.isPrivate[a]) {
                Map<String, Object> hidden = new HashMap<>();
                hidden.put("at", (long) at);
                hidden.put("org", f.string(f.org[a]));
                hidden.put("publisher", f.string(f.publisher[a]));
                hidden.put("owner", f.string(f.owner[a]));
                hidden.put("contacts", f.contacts[a] < 0 ? List.of() : Arrays.asList(f.lists.get(f.contacts[a])));
                privates.add(hidden);
                continue;
            }
            int by = f.publisher[a] >= 0 ? f.publisher[a] : f.owner[a];
            byPublisher[by < 0 ? unknown : by]++;
            if (f.contacts[a] >= 0) warnList[f.contacts[a]] = true;
            if (f.owner[a] >= 0) warnOwner[f.owner[a]] = true;
        }
        out.keys = joined.toString();
        out.depthStarts = depthStarts;
        out.packed = Base64.getEncoder().encodeToString(packed.array());
        out.labels = labels;
        out.kindNames = kindNames;
        out.privates = privates;
        out.publishers = new ArrayList<>();
        for (int p = 0; p <= strings; p++)
            if (byPublisher[p] > 0) out.publishers.add(List.of(p == strings ? "(unknown)" : f.strings.get(p), byPublisher[p]));
        Set<String> warn = new HashSet<>();
        for (int l = 0; l < warnList.length; l++) if (warnList[l]) warn.addAll(Arrays.asList(f.lists.get(l)));
        for (int o = 0; o < strings; o++) if (warnOwner[o] && !f.strings.get(o).isEmpty()) warn.add(f.strings.get(o));
        out.contacts = new ArrayList<>(warn);
        out.contacts.sort(null);
        out.cut = cut;
        out.cutDepth = cutDepth;
        return out;
    }

    /**
     * The walk above, over the lineage index's arrays instead of the store's cursors: the same
     * steps in the same order (frontier in the order reached, each asset's edges in the cursors'
     * order), so the same assets at the same depths through the same first edges. Null when a
     * start or a stopped asset is not in the index (the caller then walks the store).
     */
    @SuppressWarnings("deprecation") // Node.getId: the index is keyed by the store ids the cursors give
    private Answer indexWalk(
            LineageIndex idx, List<String> starts, int side, long maxDepth, List<String> types, Set<String> relationSet, List<String> stop, long maxReached) {
        int n = idx.n;
        int labelCount = idx.labels.size();
        boolean[] passes = new boolean[labelCount];
        for (int l = 0; l < labelCount; l++) {
            String relation = idx.labelRelation[l];
            passes[l] = (types == null || types.contains(LineageIndex.LINEAGE[idx.labelType[l]]))
                    && (relationSet == null || (relation != null && relationSet.contains(relation)));
        }
        boolean[] stopped = new boolean[n];
        if (stop != null)
            for (String k : stop) {
                Node node = tx.findNode(ASSET, "key", k);
                if (node == null) continue;
                int d = idx.denseOf(node.getId());
                if (d < 0) return null;
                stopped[d] = true;
            }
        int[] at = new int[n];
        Arrays.fill(at, -1);
        IntArrayList reached = new IntArrayList();
        IntArrayList depthOf = new IntArrayList();
        IntArrayList parentOf = new IntArrayList();
        IntArrayList viaOf = new IntArrayList();
        int[] answerLabel = new int[labelCount];
        Arrays.fill(answerLabel, -1);
        List<List<Object>> labels = new ArrayList<>();
        int sameAsLabel = -1;
        List<String> found = new ArrayList<>();
        IntArrayList frontier = new IntArrayList();
        for (String k : new LinkedHashSet<>(starts)) {
            Node node = tx.findNode(ASSET, "key", k);
            if (node == null) continue;
            int d = idx.denseOf(node.getId());
            if (d < 0) return null;
            found.add(k);
            if (stopped[d] || at[d] >= 0) continue;
            at[d] = reached.size();
            frontier.add(reached.size());
            reached.add(d);
            depthOf.add(0);
            parentOf.add(-1);
            viaOf.add(-1);
        }
        int[] lOff = idx.lineageOffsets[side], lTo = idx.lineageTo[side], lLab = idx.lineageLabel[side];
        int[] tOff = idx.twinOffsets[side], tTo = idx.twinTo[side];
        boolean hasTwins = tTo.length > 0;
        String cut = null;
        long cutDepth = 0;
        int depth = 0;
        walk:
        while (frontier.size() > 0) {
            if (depth >= maxDepth + 1) break;
            if (hasTwins) {
                IntArrayList ring = frontier;
                while (ring.size() > 0) {
                    IntArrayList added = new IntArrayList();
                    for (int i = 0; i < ring.size(); i++) {
                        int p = ring.get(i);
                        int from = reached.get(p);
                        for (int e = tOff[from]; e < tOff[from + 1]; e++) {
                            int child = tTo[e];
                            if (at[child] >= 0 || stopped[child]) continue;
                            if (reached.size() >= maxReached) {
                                cut = "size";
                                cutDepth = depth;
                                break walk;
                            }
                            if (sameAsLabel < 0) {
                                sameAsLabel = labels.size();
                                labels.add(Arrays.asList("SAME_AS", "same_as", null));
                            }
                            at[child] = reached.size();
                            added.add(reached.size());
                            reached.add(child);
                            depthOf.add(depth);
                            parentOf.add(p);
                            viaOf.add(sameAsLabel);
                        }
                    }
                    IntArrayList grown = new IntArrayList();
                    grown.addAll(frontier);
                    grown.addAll(added);
                    frontier = grown;
                    ring = added;
                }
            }
            IntArrayList next = new IntArrayList();
            for (int i = 0; i < frontier.size(); i++) {
                int p = frontier.get(i);
                int from = reached.get(p);
                for (int e = lOff[from]; e < lOff[from + 1]; e++) {
                    int child = lTo[e];
                    if (at[child] >= 0 || stopped[child]) continue;
                    int l = lLab[e];
                    if (!passes[l]) continue;
                    if (depth == maxDepth) {
                        cut = "depth";
                        cutDepth = depth;
                        break walk;
                    }
                    if (reached.size() >= maxReached) {
                        cut = "size";
                        cutDepth = depth + 1;
                        break walk;
                    }
                    if (answerLabel[l] < 0) {
                        answerLabel[l] = labels.size();
                        labels.add(idx.labels.get(l));
                    }
                    at[child] = reached.size();
                    next.add(reached.size());
                    reached.add(child);
                    depthOf.add(depth + 1);
                    parentOf.add(p);
                    viaOf.add(answerLabel[l]);
                }
            }
            frontier = next;
            depth++;
        }
        int m = reached.size();
        long[] sortKeys = new long[m];
        int[] depths = depthOf.toArray();
        int[] rows = reached.toArray();
        // (depth, key) order: a key's rank in the index is its place in key order.
        for (int i = 0; i < m; i++) sortKeys[i] = ((long) depths[i] << 32) | idx.rank[rows[i]];
        Arrays.parallelSort(sortKeys);
        int[] order = new int[m];
        for (int j = 0; j < m; j++) order[j] = at[idx.byRank[(int) (sortKeys[j] & 0xffffffffL)]];
        return pack(found, cut, cut == null ? null : cutDepth, m, depths, parentOf.toArray(), viaOf.toArray(), labels, idx.fields, rows, order);
    }

    /** What the lineage index of this database holds, after an action: status, refresh (in the background), build (now), off, auto. */
    public static final class IndexStatus {
        /** off, none, building, fresh (answers walks) or stale (a write came since; a walk starts its build). */
        public String state;
        public Long version;
        public Long assets;
        public Long edges;
        public Long buildMs;
    }

    @Procedure(name = "umr.walkIndex", mode = Mode.READ)
    @Description("umr.walk's in-memory lineage index of this database: 'status'; 'refresh' (begin the build of the current graph in the background unless fresh); 'build' (now, in this transaction); 'off' (walks read the store); 'auto' (built in the background after writes, the default).")
    public Stream<IndexStatus> walkIndex(@Name("action") String action) {
        String database = db.databaseName();
        switch (action) {
            case "status" -> {}
            case "refresh" -> LineageIndex.refresh(database, tx, ktx, db, log);
            case "off" -> LineageIndex.setOff(database, true);
            case "auto" -> LineageIndex.setOff(database, false);
            case "build" -> {
                LineageIndex.setOff(database, false);
                LineageIndex.buildNow(database, tx, ktx, log);
            }
            default -> throw new IllegalArgumentException("action: expected status, refresh, build, off or auto, found " + action);
        }
        IndexStatus s = new IndexStatus();
        LineageIndex idx = LineageIndex.currentOf(database);
        if (LineageIndex.isOff(database)) s.state = "off";
        else if (idx == null) s.state = "none";
        else s.state = idx.stamp.equals(LineageIndex.Stamp.of(tx, ktx)) ? "fresh" : "stale";
        if (idx != null) {
            s.version = idx.stamp.version();
            s.assets = (long) idx.n;
            s.edges = idx.edgeCount();
            s.buildMs = idx.buildMs;
        }
        return Stream.of(s);
    }

}
