// The explorer's frame: a header with the views and the key box, then the view the URL names.
import { useEffect } from "react";
import { KeyBox } from "./components/KeyBox";
import { Link, paths, route, useLocation } from "./router";
import { Advisories, AdvisoryView } from "./views/Advisories";
import { AssetView } from "./views/AssetView";
import { Audit } from "./views/Audit";
import { BlastRadiusView } from "./views/BlastRadius";
import { Search } from "./views/Search";

export function App() {
  const { path } = useLocation();
  const r = route(path);
  useEffect(() => {
    const titles: Record<string, string> = { search: "Search", advisories: "Advisories", audit: "Audit", "not-found": "Not found" };
    const what = "key" in r ? r.key : "id" in r ? r.id : titles[r.view];
    document.title = `${what} — umr-graph explorer`;
  }, [r]);
  return (
    <>
      <a href="#main" className="skip">
        Skip to content
      </a>
      <header className="top">
        <nav aria-label="Views">
          <Link to={paths.search()} className="brand">
            umr-graph
          </Link>
          <Link to={paths.search()}>Search</Link>
          <Link to={paths.advisories()}>Advisories</Link>
          <Link to={paths.audit()}>Audit</Link>
          <a href="/graphiql">GraphQL IDE</a>
        </nav>
        <KeyBox />
      </header>
      <main id="main">
        {r.view === "search" ? <Search /> : null}
        {r.view === "asset" ? <AssetView key={r.key} assetKey={r.key} /> : null}
        {r.view === "blast-radius" ? <BlastRadiusView key={r.key} assetKey={r.key} /> : null}
        {r.view === "advisories" ? <Advisories /> : null}
        {r.view === "advisory" ? <AdvisoryView key={r.id} id={r.id} /> : null}
        {r.view === "audit" ? <Audit /> : null}
        {r.view === "not-found" ? (
          <section>
            <h1>Not found</h1>
            <p>
              No view at this address. <Link to={paths.search()}>Search</Link>
            </p>
          </section>
        ) : null}
      </main>
    </>
  );
}
