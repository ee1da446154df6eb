// The state of umr.walk's lineage index of this database (neo4j-plugin/.../LineageIndex.java), after
// an action: 'status'; 'refresh' (begin the current graph version's build in the background unless
// the index is fresh, off, or a build ran a moment ago); 'build' (now); 'off'; 'auto'.
// Parameters: $action. Returns: state (off, none, fresh, stale), version, assets, edges, buildMs.
CALL umr.walkIndex($action)
YIELD state, version, assets, edges, buildMs
RETURN state, version, assets, edges, buildMs
