// Search: the full-text index, with kind and publisher filters; keyboard first (the box has the
// focus, arrows move through the results, Enter opens one).
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from "react";
import { useQuery } from "../api";
import { ErrorNote } from "../components/common";
import { AssetKind } from "../gql/graphql";
import { Publishers, SearchAssets } from "../operations";
import { Link, navigate, paths, useLocation } from "../router";

const KINDS = Object.values(AssetKind);

export function Search() {
  const { query } = useLocation();
  const [text, setText] = useState(query.get("q") ?? "");
  const [kind, setKind] = useState<AssetKind | "">((query.get("kind") as AssetKind | null) ?? "");
  const [publisher, setPublisher] = useState(query.get("publisher") ?? "");
  const [active, setActive] = useState(0);
  const box = useRef<HTMLInputElement>(null);
  useEffect(() => box.current?.focus(), []);
  // The URL follows the search, so a search is a link too.
  useEffect(() => {
    const q = new URLSearchParams();
    if (text) q.set("q", text);
    if (kind) q.set("kind", kind);
    if (publisher) q.set("publisher", publisher);
    const url = q.size ? `/?${q.toString()}` : "/";
    if (url !== window.location.pathname + window.location.search) window.history.replaceState(null, "", url);
    setActive(0);
  }, [text, kind, publisher]);
  const filter = { text: text.trim() || null, kind: kind || null, publisher: publisher || null };
  const results = useQuery(SearchAssets, { filter, first: 25 });
  const publishers = useQuery(Publishers, {});
  const publisherNames = useMemo(
    () => [...new Set((publishers.data?.assets?.edges ?? []).map((e) => e.node.publisher).filter((p): p is string => Boolean(p)))].sort(),
    [publishers.data],
  );
  // The API answers in key order; an asset whose id is what was typed comes first.
  const typed = text.trim().toLowerCase();
  const rows = [...(results.data?.assets?.edges ?? [])].sort(
    (a, b) => Number(b.node.key.toLowerCase().startsWith(`${typed}@`)) - Number(a.node.key.toLowerCase().startsWith(`${typed}@`)),
  );
  const onKey = (e: KeyboardEvent) => {
    if (e.key === "ArrowDown") setActive((a) => Math.min(a + 1, rows.length - 1));
    else if (e.key === "ArrowUp") setActive((a) => Math.max(a - 1, 0));
    else if (e.key === "Enter" && rows[active]) navigate(paths.asset(rows[active].node.key));
    else return;
    e.preventDefault();
  };
  return (
    <section aria-labelledby="search-title">
      <h1 id="search-title">Find a model or dataset</h1>
      <form className="search" role="search" onSubmit={(e) => e.preventDefault()}>
        <label htmlFor="q">Search</label>
        <input
          id="q"
          ref={box}
          type="search"
          value={text}
          placeholder="name, id or description — e.g. plip, laion"
          onChange={(e) => setText(e.target.value)}
          onKeyDown={onKey}
          aria-controls="results"
          aria-activedescendant={rows[active] ? `result-${active}` : undefined}
        />
        <label htmlFor="kind">Kind</label>
        <select id="kind" value={kind} onChange={(e) => setKind(e.target.value as AssetKind | "")}>
          <option value="">any</option>
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {k.toLowerCase()}
            </option>
          ))}
        </select>
        <label htmlFor="publisher">Publisher</label>
        {/* Exact match; suggestions from the assets at hand, any publisher may be typed. */}
        <input id="publisher" list="publishers" value={publisher} placeholder="any" onChange={(e) => setPublisher(e.target.value)} />
        <datalist id="publishers">
          {publisherNames.map((p) => (
            <option key={p} value={p} />
          ))}
        </datalist>
      </form>
      <ErrorNote error={results.error} />
      <p className="muted" aria-live="polite">
        {results.data?.assets ? `${results.data.assets.totalCount.toLocaleString("en")} assets` : results.loading ? "Searching…" : ""}
        {rows.length && results.data?.assets && results.data.assets.totalCount > rows.length ? ` (the first ${rows.length} shown)` : ""}
      </p>
      <table id="results" className="results">
        <thead>
          <tr>
            <th scope="col">Asset</th>
            <th scope="col">Name</th>
            <th scope="col">Kind</th>
            <th scope="col">Publisher</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={r.node.key} id={`result-${i}`} className={i === active ? "active" : undefined} aria-selected={i === active}>
              <td>
                <Link to={paths.asset(r.node.key)}>{r.node.key}</Link>
              </td>
              <td>{r.node.name}</td>
              <td>{r.node.kind.toLowerCase()}</td>
              <td>{r.node.publisher ?? ""}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
