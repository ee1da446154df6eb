package umr.graph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.collections.impl.list.mutable.primitive.BooleanArrayList;
import org.eclipse.collections.impl.list.mutable.primitive.IntArrayList;
import org.neo4j.internal.kernel.api.PropertyCursor;
import org.neo4j.internal.kernel.api.TokenRead;
import org.neo4j.storageengine.api.PropertySelection;
import org.neo4j.values.storable.TextArray;
import org.neo4j.values.storable.TextValue;
import org.neo4j.values.storable.Value;

/**
 * What a blast radius's totals and its order need of each asset — its key, kind, organisation,
 * publisher, owner, contacts and whether it is private — one row an asset, in the order added.
 * Strings are held once (ids into {@link #strings}, -1 for none) and so are contact lists (ids into
 * {@link #lists}), so that totals are counted by id rather than by string.
 */
final class Fields {
    final List<String> strings = new ArrayList<>();
    final List<String[]> lists = new ArrayList<>();
    private final Map<String, Integer> stringIds = new HashMap<>();
    private final Map<List<String>, Integer> listIds = new HashMap<>();
    private final List<String> keyList = new ArrayList<>();
    private final IntArrayList kindList = new IntArrayList(), orgList = new IntArrayList(), publisherList = new IntArrayList(),
            ownerList = new IntArrayList(), contactsList = new IntArrayList();
    private final BooleanArrayList privateList = new BooleanArrayList();

    /** The rows, once {@link #freeze()} is called. */
    String[] key;
    int[] kind, org, publisher, owner, contacts;
    boolean[] isPrivate;

    /** The property keys read, as this store names them. */
    static final class Keys {
        final int key, kind, visibility, org, publisher, owner, contacts;
        final PropertySelection selection;

        Keys(TokenRead tokens) {
            key = tokens.propertyKey("key");
            kind = tokens.propertyKey("kind");
            visibility = tokens.propertyKey("visibility");
            org = tokens.propertyKey("org");
            publisher = tokens.propertyKey("publisher");
            owner = tokens.propertyKey("owner");
            contacts = tokens.propertyKey("contacts");
            selection = PropertySelection.selection(key, kind, visibility, org, publisher, owner, contacts);
        }
    }

    /** Adds the row of the node whose properties the cursor is on (positioned with keys.selection); false when it has no key. */
    boolean add(PropertyCursor props, Keys keys) {
        String key = null;
        int kind = -1, org = -1, publisher = -1, owner = -1, contacts = -1;
        boolean priv = false;
        while (props.next()) {
            int k = props.propertyKey();
            Value v = props.propertyValue();
            if (k == keys.key) key = text(v);
            else if (k == keys.kind) kind = string(text(v));
            else if (k == keys.visibility) priv = "private".equals(text(v));
            else if (k == keys.org) org = string(text(v));
            else if (k == keys.publisher) publisher = string(text(v));
            else if (k == keys.owner) owner = string(text(v));
            else if (k == keys.contacts && v instanceof TextArray a) contacts = list(a);
        }
        if (key == null) return false;
        keyList.add(key);
        kindList.add(kind);
        orgList.add(org);
        publisherList.add(publisher);
        ownerList.add(owner);
        contactsList.add(contacts);
        privateList.add(priv);
        return true;
    }

    int size() {
        return keyList.size();
    }

    /** Makes the rows arrays; nothing is added after. */
    Fields freeze() {
        key = keyList.toArray(new String[0]);
        kind = kindList.toArray();
        org = orgList.toArray();
        publisher = publisherList.toArray();
        owner = ownerList.toArray();
        contacts = contactsList.toArray();
        isPrivate = privateList.toArray();
        return this;
    }

    String string(int id) {
        return id < 0 ? null : strings.get(id);
    }

    private int string(String s) {
        if (s == null) return -1;
        Integer id = stringIds.get(s);
        if (id != null) return id;
        stringIds.put(s, strings.size());
        strings.add(s);
        return strings.size() - 1;
    }

    private int list(TextArray a) {
        String[] items = new String[a.intSize()];
        for (int c = 0; c < items.length; c++) items[c] = a.stringValue(c);
        List<String> asList = Arrays.asList(items);
        Integer id = listIds.get(asList);
        if (id != null) return id;
        listIds.put(asList, lists.size());
        lists.add(items);
        return lists.size() - 1;
    }

    static String text(Value v) {
        return v instanceof TextValue t ? t.stringValue() : null;
    }
}
