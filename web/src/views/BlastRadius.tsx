// A blast radius, of an asset (what if it were flagged) or of an advisory: totals by kind,
// publisher and depth as charts; the affected, a page at a time, with depth, effective severity,
// owner and contacts, and the explanation chain on expand; every affected asset as CSV.
import { Fragment, useState } from "react";
import { asApiError, download, useQuery, type ApiError } from "../api";
import { Bars, Chain, ErrorNote, Loading, Severity } from "../components/common";
import { BlastRadiusPage } from "../operations";
import { Link, paths } from "../router";

const PAGE = 50;

export function BlastRadiusView({ assetKey }: { assetKey: string }) {
  return (
    <section aria-labelledby="br-title">
      <h1 id="br-title">
        Blast radius of <Link to={paths.asset(assetKey)}>{assetKey}</Link>
      </h1>
      <p className="muted">Everything affected downstream if {assetKey} were flagged (a what-if: nothing is published).</p>
      <BlastRadiusPanel target={{ key: assetKey }} />
    </section>
  );
}

export function BlastRadiusPanel({ target }: { target: { key: string } | { advisoryId: string } }) {
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const [open, setOpen] = useState<Set<string>>(new Set());
  const [csvError, setCsvError] = useState<ApiError | null>(null);
  const after = cursors.at(-1) ?? null;
  const vars = "key" in target ? { key: target.key, first: PAGE, after } : { advisoryId: target.advisoryId, first: PAGE, after };
  const q = useQuery(BlastRadiusPage, vars);
  const br = q.data?.blastRadius;
  if (q.error) return <ErrorNote error={q.error} />;
  if (!br) return <Loading what="the blast radius" />;
  const csvUrl = `/blast-radius.csv?${new URLSearchParams("key" in target ? { key: target.key } : { advisoryId: target.advisoryId }).toString()}`;
  const pageNo = cursors.length;
  const from = (pageNo - 1) * PAGE + 1;
  const toggle = (k: string) =>
    setOpen((s) => {
      const n = new Set(s);
      if (n.has(k)) n.delete(k);
      else n.add(k);
      return n;
    });
  return (
    <div className="blast-radius">
      <p className="totals" data-testid="br-totals">
        <strong>{br.totalCount.toLocaleString("en")}</strong> affected ({br.hiddenCount.toLocaleString("en")} hidden), advisory{" "}
        <Severity value={br.advisory.severity} /> {br.advisory.category}: {br.advisory.summary}
        {br.complete ? null : <span className="notice"> Cut: {br.cutReason}</span>}
      </p>
      {br.contacts.length ? (
        <p>
          <strong>Whom to warn:</strong> {br.contacts.join(", ")}
        </p>
      ) : null}
      <div className="charts">
        <Bars title="By kind" counts={br.byKind} label={(k) => k.toLowerCase()} />
        <Bars title="By publisher (top 10)" counts={br.byPublisher.slice(0, 10)} />
        <Bars title="By depth (hops)" counts={br.byDepth} />
      </div>
      <p>
        <button
          type="button"
          onClick={() => {
            setCsvError(null);
            download(csvUrl, "blast-radius.csv").catch((err: unknown) => setCsvError(asApiError(err)));
          }}
        >
          Download all {br.totalCount.toLocaleString("en")} as CSV
        </button>
      </p>
      <ErrorNote error={csvError} />
      <table className="affected" data-testid="affected">
        <caption>
          Affected {br.totalCount ? `${from}–${from + br.edges.length - 1}` : "0"} of {br.totalCount.toLocaleString("en")}, by depth then
          key
        </caption>
        <thead>
          <tr>
            <th scope="col">Depth</th>
            <th scope="col">Asset</th>
            <th scope="col">Kind</th>
            <th scope="col">Severity</th>
            <th scope="col">Owner</th>
            <th scope="col">Contacts</th>
            <th scope="col">Why</th>
          </tr>
        </thead>
        <tbody>
          {br.edges.map(({ node: n }) => (
            <Fragment key={n.asset.key}>
              <tr data-key={n.asset.key}>
                <td>{n.depth}</td>
                <td>
                  {n.redacted ? <span className="hidden-node">(hidden)</span> : <Link to={paths.asset(n.asset.key)}>{n.asset.key}</Link>}
                </td>
                <td>{n.asset.kind.toLowerCase()}</td>
                <td>
                  <Severity value={n.effectiveSeverity} />
                </td>
                <td>{n.asset.owner ?? ""}</td>
                <td>{n.asset.contacts.join(", ")}</td>
                <td>
                  <button type="button" aria-expanded={open.has(n.asset.key)} onClick={() => toggle(n.asset.key)}>
                    {open.has(n.asset.key) ? "Hide" : "Explain"}
                  </button>
                </td>
              </tr>
              {open.has(n.asset.key) ? (
                <tr className="explain-row">
                  <td colSpan={7}>
                    <Chain path={n.path} />
                  </td>
                </tr>
              ) : null}
            </Fragment>
          ))}
        </tbody>
      </table>
      <nav className="pager" aria-label="Pages of affected assets">
        <button type="button" disabled={cursors.length < 2} onClick={() => setCursors((c) => c.slice(0, -1))}>
          Previous page
        </button>{" "}
        <span>page {pageNo}</span>{" "}
        <button
          type="button"
          disabled={!br.pageInfo.hasNextPage}
          onClick={() => br.pageInfo.endCursor && setCursors((c) => [...c, br.pageInfo.endCursor!])}
        >
          Next page
        </button>
      </nav>
    </div>
  );
}
