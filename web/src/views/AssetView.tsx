// An asset: its record (versions with the newest marked, the document), its highest inherited
// risk with the explanation of each, and the interactive lineage graph.
import { useMemo } from "react";
import { useQuery } from "../api";
import { Chain, ErrorNote, Loading, Severity } from "../components/common";
import { LineageGraph } from "../components/LineageGraph";
import { AssetPage } from "../operations";
import { Link, paths } from "../router";

export function AssetView({ assetKey }: { assetKey: string }) {
  const page = useQuery(AssetPage, { key: assetKey });
  const a = page.data?.asset;
  const center = useMemo(
    () => (a ? { key: a.key, name: a.name, kind: a.kind, flagged: a.advisories.length > 0 } : null),
    // The graph starts again only when the asset changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [a?.key],
  );
  if (page.loading && !a) return <Loading what={assetKey} />;
  if (page.error) return <ErrorNote error={page.error} />;
  if (!a || !center)
    return (
      <section>
        <h1>Not found</h1>
        <p>
          No asset <code>{assetKey}</code> that you may see. <Link to={paths.search(assetKey.split("@")[0])}>Search for it</Link>.
        </p>
      </section>
    );
  const risk = page.data?.riskReport;
  const rows: [string, string | null | undefined][] = [
    ["Key", a.key],
    ["Kind", a.kind.toLowerCase()],
    ["Publisher", a.publisher],
    ["License", a.license],
    ["Owner", a.owner],
    ["Contacts", a.contacts.join(", ")],
    ["Visibility", a.visibility],
    ["Released", a.releaseDate],
    ["Source file", a.source],
    ["Content hash", a.contentHash],
    ["Ingested", a.ingestedAt],
    ["References", a.refs.join(", ")],
  ];
  return (
    <article aria-labelledby="asset-title">
      <h1 id="asset-title">
        {a.name} <small className="muted">{a.key}</small>
      </h1>
      {a.placeholder ? <p className="notice">A placeholder: records name this id, but no record of it was ingested.</p> : null}
      {a.description ? <p>{a.description}</p> : null}
      <p>
        <Link to={paths.blastRadius(a.key)} className="button">
          Blast radius: what is affected if {a.key} is flagged
        </Link>
      </p>
      <section aria-labelledby="risk-title">
        <h2 id="risk-title">
          Inherited risk: <Severity value={risk?.highestSeverity} />
        </h2>
        {risk?.risks.length ? (
          <ul className="risks">
            {risk.risks.map((r) => (
              <li key={r.advisory.id}>
                <Severity value={r.effectiveSeverity} /> <strong>{r.advisory.category}</strong> — {r.advisory.summary}{" "}
                <Link to={paths.advisory(r.advisory.id)}>
                  <code>{r.advisory.id}</code>
                </Link>
                <br />
                <span className="explain">
                  via <Chain path={r.path} start={a.key} />
                </span>
              </li>
            ))}
          </ul>
        ) : (
          <p>No open advisory reaches this asset.</p>
        )}
      </section>
      <section aria-labelledby="lineage-title">
        <h2 id="lineage-title">Lineage</h2>
        <LineageGraph center={center} />
      </section>
      <section aria-labelledby="record-title">
        <h2 id="record-title">Record</h2>
        <table className="record">
          <tbody>
            {rows
              .filter(([, v]) => v)
              .map(([k, v]) => (
                <tr key={k}>
                  <th scope="row">{k}</th>
                  <td>{v}</td>
                </tr>
              ))}
            <tr>
              <th scope="row">Versions</th>
              <td>
                <ul className="versions">
                  {a.versions.map((v, i) => (
                    <li key={v}>
                      {v === a.key ? <strong>{v}</strong> : <Link to={paths.asset(v)}>{v}</Link>}
                      {i === 0 ? <span className="badge">newest</span> : null}
                    </li>
                  ))}
                </ul>
              </td>
            </tr>
          </tbody>
        </table>
        {a.extra ? (
          <details>
            <summary>The document (extension fields)</summary>
            <pre>{JSON.stringify(a.extra, null, 2)}</pre>
          </details>
        ) : null}
        <p>
          The published page: <a href={`/records/${encodeURIComponent(a.key)}.html`}>HTML</a> ·{" "}
          <a href={`/records/${encodeURIComponent(a.key)}.pdf`}>PDF</a> · <a href={`/records/${encodeURIComponent(a.key)}.md`}>Markdown</a>
        </p>
      </section>
    </article>
  );
}
