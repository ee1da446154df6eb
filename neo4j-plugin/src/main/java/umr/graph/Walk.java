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
import org.neo4j.graphdb.Label;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.Transaction;
import org.neo4j.internal.kernel.api.NodeCursor;
import org.neo4j.internal.kernel.api.PropertyCursor;
import org.neo4j.internal.kernel.api.Read;
import org.neo4j.internal.kernel.api.RelationshipTraversalCursor;
import org.neo4j.internal.kernel.api.TokenRead;
import org.neo4j.kernel.api.KernelTransaction;
import org.neo4j.storageengine.api.PropertySelection;
import org.neo4j.storageengine.api.RelationshipSelection;
import org.neo4j.token.api.TokenConstants;
import org.neo4j.values.storable.TextArray;
import org.neo4j.values.storable.TextValue;
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
 * <p>Who may see what is decided in Node, not here: the private assets come back apart, with
 * their organisation and what the totals would count of them, and are left out of the totals.
 */
public final class Walk {
    /** Bumped whenever the answer's shape changes; the API uses the procedure only when it matches. */
    public static final long PROTOCOL = 1;

    private static final Label ASSET = Label.label("Asset");

    @Context
    public Transaction tx;

    /** The kernel's cursors: a hub's walk reads ~100k nodes and ~300k edges (restricted: umr.* is allowed in the config). */
    @Context
    public KernelTransaction ktx;

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
                                if (props.propertyKey() == relationKey) relation = text(v);
                                else constraint = text(v);
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
            int keyKey = tokens.propertyKey("key");
            int kindKey = tokens.propertyKey("kind");
            int visibilityKey = tokens.propertyKey("visibility");
            int orgKey = tokens.propertyKey("org");
            int publisherKey = tokens.propertyKey("publisher");
            int ownerKey = tokens.propertyKey("owner");
            int contactsKey = tokens.propertyKey("contacts");
            PropertySelection wanted = PropertySelection.selection(keyKey, kindKey, visibilityKey, orgKey, publisherKey, ownerKey, contactsKey);
            String[] keys = new String[n];
            String[] kind = new String[n];
            String[] publisher = new String[n];
            String[] owner = new String[n];
            String[] org = new String[n];
            String[][] contacts = new String[n][];
            boolean[] isPrivate = new boolean[n];
            // Read in store order (by node id): records written together lie together, so the
            // property store is read nearly sequentially instead of at random.
            long[] byId = new long[n];
            for (int i = 0; i < n; i++) byId[i] = (ids.get(i) << 21) | i;
            if (n < (1 << 21)) Arrays.parallelSort(byId);
            for (int j = 0; j < n; j++) {
                int i = n < (1 << 21) ? (int) (byId[j] & ((1 << 21) - 1)) : j;
                read.singleNode(ids.get(i), node);
                if (!node.next()) throw new IllegalStateException("an asset vanished during the walk");
                node.properties(props, wanted);
                while (props.next()) {
                    int k = props.propertyKey();
                    Value v = props.propertyValue();
                    if (k == keyKey) keys[i] = text(v);
                    else if (k == kindKey) kind[i] = text(v);
                    else if (k == visibilityKey) isPrivate[i] = "private".equals(text(v));
                    else if (k == orgKey) org[i] = text(v);
                    else if (k == publisherKey) publisher[i] = text(v);
                    else if (k == ownerKey) owner[i] = text(v);
                    else if (k == contactsKey && v instanceof TextArray a) {
                        String[] cs = new String[a.intSize()];
                        for (int c = 0; c < cs.length; c++) cs[c] = a.stringValue(c);
                        contacts[i] = cs;
                    }
                }
            }
            // (depth, key) order, keys compared as Node compares them (UTF-16 code units).
            Integer[] boxed = new Integer[n];
            for (int i = 0; i < n; i++) boxed[i] = i;
            Arrays.parallelSort(boxed, (a, b) -> depth.get(a) != depth.get(b) ? Integer.compare(depth.get(a), depth.get(b)) : keys[a].compareTo(keys[b]));
            int[] order = new int[n];
            for (int j = 0; j < n; j++) order[j] = boxed[j];
            int[] position = new int[n];
            for (int i = 0; i < n; i++) position[order[i]] = i;

            Answer out = new Answer();
            out.found = found;
            StringBuilder joined = new StringBuilder(n * 24);
            List<Long> depthStarts = new ArrayList<>();
            ByteBuffer packed = ByteBuffer.allocate(12 * n).order(ByteOrder.LITTLE_ENDIAN);
            List<String> kindNames = new ArrayList<>();
            Map<String, Integer> kindIndex = new HashMap<>();
            List<Map<String, Object>> privates = new ArrayList<>();
            Map<String, Long> publishers = new HashMap<>();
            Set<String> warn = new HashSet<>();
            for (int at = 0; at < n; at++) {
                int i = order[at];
                if (at > 0) joined.append('\u0000');
                joined.append(keys[i]);
                while (depthStarts.size() <= depth.get(i)) depthStarts.add((long) at);
                packed.putInt(4 * at, parent.get(i) < 0 ? -1 : position[parent.get(i)]);
                packed.putInt(4 * (n + at), via.get(i));
                String k = String.valueOf(kind[i]);
                Integer ki = kindIndex.get(k);
                if (ki == null) {
                    ki = kindNames.size();
                    kindIndex.put(k, ki);
                    kindNames.add(k);
                }
                packed.putInt(4 * (2 * n + at), ki);
                List<String> cs = contacts[i] == null ? List.of() : Arrays.asList(contacts[i]);
                if (isPrivate[i]) {
                    Map<String, Object> hidden = new HashMap<>();
                    hidden.put("at", (long) at);
                    hidden.put("org", org[i]);
                    hidden.put("publisher", publisher[i]);
                    hidden.put("owner", owner[i]);
                    hidden.put("contacts", cs);
                    privates.add(hidden);
                    continue;
                }
                String by = publisher[i] != null ? publisher[i] : owner[i] != null ? owner[i] : "(unknown)";
                publishers.merge(by, 1L, Long::sum);
                warn.addAll(cs);
                if (owner[i] != null && !owner[i].isEmpty()) warn.add(owner[i]);
            }
            out.keys = joined.toString();
            out.depthStarts = depthStarts;
            out.packed = Base64.getEncoder().encodeToString(packed.array());
            out.labels = labels;
            out.kindNames = kindNames;
            out.privates = privates;
            List<List<Object>> byPublisher = new ArrayList<>();
            publishers.forEach((name, count) -> byPublisher.add(List.of(name, count)));
            out.publishers = byPublisher;
            out.contacts = new ArrayList<>(warn);
            out.contacts.sort(null);
            out.cut = cut;
            out.cutDepth = cutDepth;
            return out;
        }
    }

    private static String text(Value v) {
        return v instanceof TextValue t ? t.stringValue() : null;
    }
}
