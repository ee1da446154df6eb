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
import org.neo4j.procedure.Context;
import org.neo4j.procedure.Description;
import org.neo4j.procedure.Mode;
import org.neo4j.procedure.Name;
import org.neo4j.procedure.Procedure;
import org.neo4j.storageengine.api.PropertySelection;
import org.neo4j.storageengine.api.RelationshipSelection;
import org.neo4j.token.api.TokenConstants;
import org.neo4j.values.storable.Value;

/**
 * What cypher/traverse/reach answers, read next to the data in one row: every asset a walk of
 * src/services/traversal.ts from the starts may reach within maxDepth (and one step past it, which
 * tells whether the depth limit cut anything off), what each holds, and each one's edges one step
 * further under the walk's filters — so that the walk in Node (policies, exemptions, explanations)
 * runs on the same subgraph, in the same edge order, without Cypher expanding and projecting a
 * row per asset. An upstream of a few hundred assets takes a fraction of a millisecond here.
 *
 * <p>The reachable set is the walk's own (breadth-first over the lineage edges the filters let
 * through, SAME_AS links crossed without counting a hop), not every asset within 100 hops: the
 * walk in Node asks for nothing else. Each asset's edges come in the store cursor's order under one
 * selection of TRAINED_ON, DERIVED_FROM and SAME_AS, as the statement's pattern reads them.
 *
 * <p>With withAdvisories, the assets that any advisory affects or exempts come back as nodes
 * (marked), for the calling statement to read their advisories and exemptions with the same rules
 * as cypher/traverse/reach.
 */
public final class Reach {
    private static final Label ASSET = Label.label("Asset");

    @Context
    public Transaction tx;

    @Context
    public KernelTransaction ktx;

    /** One answer row; lists hold one entry per asset, in the order reached. */
    public static final class Answer {
        /** Every asset's key, joined by U+0000. */
        public String keys;

        public List<Object> kinds;
        public List<Object> names;
        public List<Object> publishers;
        public List<Object> owners;
        public List<Object> contacts;
        public List<Object> visibilities;
        public List<Object> orgs;
        /**
         * Three int32 little-endian arrays of one entry per edge, one after the other, in base64:
         * the position of the asset the edge leaves (towards the walk's direction), of the asset it
         * reaches, and its label (an index into labels). An asset's edges are in order.
         */
        public String edges;
        /** The distinct edges' [type, relation, constraint] (SAME_AS: relation "same_as"). */
        public List<List<Object>> labels;
        /** The assets an advisory affects or exempts (with withAdvisories), and their positions. */
        public List<Node> marked;
        public List<Long> markedAt;
    }

    @SuppressWarnings("deprecation") // Node.getId / getNodeById: the walk keys its sets by the store ids the cursors give
    @Procedure(name = "umr.reach", mode = Mode.READ)
    @Description("umr-graph's reachable subgraph for a walk in Node (cypher/traverse/reach in one row): assets, what they hold, their edges one step further.")
    public Stream<Answer> reach(
            @Name("starts") List<String> starts,
            @Name("direction") String direction,
            @Name("maxDepth") long maxDepth,
            @Name("types") List<String> types,
            @Name("relations") List<String> relations,
            @Name("withAdvisories") boolean withAdvisories) {
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
        PropertySelection edgeLabel = PropertySelection.selection(relationKey, constraintKey);
        RelationshipSelection lineage = RelationshipSelection.selection(lineageTypes, dir);
        RelationshipSelection twins = RelationshipSelection.selection(sameAs, dir);
        boolean hasTwins = sameAs != TokenConstants.NO_TOKEN && read.countsForRelationship(TokenConstants.ANY_LABEL, sameAs, TokenConstants.ANY_LABEL) > 0;

        Reached r = new Reached();
        IntArrayList frontier = new IntArrayList();
        for (String k : new LinkedHashSet<>(starts)) {
            Node n = tx.findNode(ASSET, "key", k);
            if (n == null || r.at.containsKey(n.getId())) continue;
            frontier.add(r.add(n.getId()));
        }
        try (NodeCursor node = ktx.cursors().allocateNodeCursor(ktx.cursorContext(), ktx.memoryTracker());
                RelationshipTraversalCursor rels = ktx.cursors().allocateRelationshipTraversalCursor(ktx.cursorContext(), ktx.memoryTracker());
                PropertyCursor props = ktx.cursors().allocatePropertyCursor(ktx.cursorContext(), ktx.memoryTracker())) {
            // Breadth-first, depth by depth as the walk in Node goes: a depth's twins join its
            // frontier first (SAME_AS links, ring by ring), then the lineage edges of the whole
            // frontier reach the next depth. Assets up to maxDepth are expanded; those one step
            // past it are reached, not expanded.
            for (int depth = 0; frontier.size() > 0 && depth <= maxDepth; depth++) {
                if (hasTwins) {
                    IntArrayList grown = new IntArrayList();
                    grown.addAll(frontier);
                    for (IntArrayList ring = frontier; ring.size() > 0; ) {
                        IntArrayList added = new IntArrayList();
                        for (int i = 0; i < ring.size(); i++) {
                            int p = ring.get(i);
                            read.singleNode(r.ids.get(p), node);
                            if (!node.next()) continue;
                            node.relationships(rels, twins);
                            while (rels.next()) {
                                int c = r.edge(p, rels.otherNodeReference(), "SAME_AS", "same_as", null);
                                if (c >= 0) added.add(c);
                            }
                        }
                        grown.addAll(added);
                        ring = added;
                    }
                    frontier = grown;
                }
                IntArrayList next = new IntArrayList();
                if (lineageTypes.length > 0)
                    for (int i = 0; i < frontier.size(); i++) {
                        int p = frontier.get(i);
                        read.singleNode(r.ids.get(p), node);
                        if (!node.next()) continue;
                        node.relationships(rels, lineage);
                        while (rels.next()) {
                            String relation = null, constraint = null;
                            rels.properties(props, edgeLabel);
                            while (props.next()) {
                                if (props.propertyKey() == relationKey) relation = Fields.text(props.propertyValue());
                                else constraint = Fields.text(props.propertyValue());
                            }
                            if (relationSet != null && (relation == null || !relationSet.contains(relation))) continue;
                            String type = rels.type() == trainedOn ? "TRAINED_ON" : "DERIVED_FROM";
                            int c = r.edge(p, rels.otherNodeReference(), type, relation, constraint);
                            if (c >= 0) next.add(c);
                        }
                    }
                frontier = next;
            }
            LongArrayList ids = r.ids;
            int n = ids.size();
            Answer out = new Answer();
            StringBuilder keys = new StringBuilder(n * 24);
            out.kinds = new ArrayList<>(n);
            out.names = new ArrayList<>(n);
            out.publishers = new ArrayList<>(n);
            out.owners = new ArrayList<>(n);
            out.contacts = new ArrayList<>(n);
            out.visibilities = new ArrayList<>(n);
            out.orgs = new ArrayList<>(n);
            out.marked = new ArrayList<>();
            out.markedAt = new ArrayList<>();
            int keyKey = tokens.propertyKey("key");
            int[] columns = {
                tokens.propertyKey("kind"), tokens.propertyKey("name"), tokens.propertyKey("publisher"), tokens.propertyKey("owner"),
                tokens.propertyKey("contacts"), tokens.propertyKey("visibility"), tokens.propertyKey("org")
            };
            List<List<Object>> lists = List.of(out.kinds, out.names, out.publishers, out.owners, out.contacts, out.visibilities, out.orgs);
            int[] all = Arrays.copyOf(columns, columns.length + 1);
            all[columns.length] = keyKey;
            PropertySelection nodeProps = PropertySelection.selection(all);
            int affects = tokens.relationshipType("AFFECTS");
            int exempts = tokens.relationshipType("EXEMPTS");
            int[] markTypes = Arrays.stream(new int[] {affects, exempts}).filter(t -> t != TokenConstants.NO_TOKEN).toArray();
            RelationshipSelection marks = RelationshipSelection.selection(markTypes, Direction.INCOMING);
            Object[] row = new Object[columns.length];
            for (int i = 0; i < n; i++) {
                read.singleNode(ids.get(i), node);
                if (!node.next()) throw new IllegalStateException("an asset vanished during the walk");
                Arrays.fill(row, null);
                String key = null;
                node.properties(props, nodeProps);
                while (props.next()) {
                    int k = props.propertyKey();
                    Value v = props.propertyValue();
                    if (k == keyKey) key = Fields.text(v);
                    else
                        for (int c = 0; c < columns.length; c++)
                            if (columns[c] == k) row[c] = plain(v.asObject());
                }
                if (i > 0) keys.append('\u0000');
                keys.append(key);
                for (int c = 0; c < columns.length; c++) lists.get(c).add(row[c]);
                if (withAdvisories && markTypes.length > 0) {
                    node.relationships(rels, marks);
                    if (rels.next()) {
                        out.marked.add(tx.getNodeById(ids.get(i)));
                        out.markedAt.add((long) i);
                    }
                }
            }
            int m = r.from.size();
            ByteBuffer packed = ByteBuffer.allocate(12 * m).order(ByteOrder.LITTLE_ENDIAN);
            for (int e = 0; e < m; e++) {
                packed.putInt(4 * e, r.from.get(e));
                packed.putInt(4 * (m + e), r.to.get(e));
                packed.putInt(4 * (2 * m + e), r.label.get(e));
            }
            out.keys = keys.toString();
            out.edges = Base64.getEncoder().encodeToString(packed.array());
            out.labels = r.labels;
            return Stream.of(out);
        }
    }

    /** The assets reached, in the order reached, and every edge the walk followed. */
    private static final class Reached {
        final LongArrayList ids = new LongArrayList();
        final LongIntHashMap at = new LongIntHashMap();
        final IntArrayList from = new IntArrayList(), to = new IntArrayList(), label = new IntArrayList();
        final Map<List<Object>, Integer> labelIndex = new HashMap<>();
        final List<List<Object>> labels = new ArrayList<>();

        int add(long id) {
            at.put(id, ids.size());
            ids.add(id);
            return ids.size() - 1;
        }

        /** Records an edge from the asset at p; the position of the asset it reaches when that one is new, else -1. */
        int edge(int p, long other, String type, String relation, String constraint) {
            int c = at.getIfAbsent(other, -1);
            boolean fresh = c < 0;
            if (fresh) c = add(other);
            List<Object> l = Arrays.asList(type, relation, constraint);
            Integer li = labelIndex.get(l);
            if (li == null) {
                li = labels.size();
                labelIndex.put(l, li);
                labels.add(l);
            }
            from.add(p);
            to.add(c);
            label.add(li);
            return fresh ? c : -1;
        }
    }

    /** A property value as a procedure may return it: arrays as lists. */
    private static Object plain(Object v) {
        if (v instanceof String[] a) return Arrays.asList(a);
        if (v instanceof Object[] a) return Arrays.asList(a);
        return v;
    }
}
