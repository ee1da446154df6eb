// Small pieces every view uses: an error with its code and request id, a severity badge, an
// explanation chain, bar charts of totals.
import type { ApiError } from "../api";
import { Link, paths } from "../router";

export function ErrorNote({ error }: { error: ApiError | null }) {
  if (!error) return null;
  return (
    <p className="error" role="alert">
      <strong>{error.code}</strong> {error.message}
      {error.requestId ? <small> (request {error.requestId})</small> : null}
    </p>
  );
}

export function Loading({ what }: { what: string }) {
  return (
    <p className="muted" role="status">
      Loading {what}…
    </p>
  );
}

export function Severity({ value }: { value: string | null | undefined }) {
  if (!value) return <span className="sev sev-none">none</span>;
  return <span className={`sev sev-${value.toLowerCase()}`}>{value}</span>;
}

export interface ChainEdge {
  relation: string;
  type: string;
  from: { key: string; redacted: boolean };
  to: { key: string; redacted: boolean };
}

/** An explanation chain: the asset, then each step upstream to where the risk starts. */
export function Chain({ path, start }: { path: ChainEdge[]; start?: string }) {
  if (!path.length) return <span className="muted">the asset itself</span>;
  const first = start ?? path[0]!.from.key;
  const node = (n: { key: string; redacted: boolean }) =>
    n.redacted ? <span className="hidden-node">(hidden step)</span> : <Link to={paths.asset(n.key)}>{n.key}</Link>;
  return (
    <span className="chain">
      {node({ key: first, redacted: path[0]!.from.redacted })}
      {path.map((e, i) => (
        <span key={i}>
          {" "}
          <span className="arrow" aria-label={`${e.relation}, to`}>
            —{e.relation}→
          </span>{" "}
          {node(e.to)}
        </span>
      ))}
    </span>
  );
}

export function Bars({ title, counts, label }: { title: string; counts: { key: string; count: number }[]; label?: (k: string) => string }) {
  const max = Math.max(1, ...counts.map((c) => c.count));
  return (
    <figure className="bars">
      <figcaption>{title}</figcaption>
      <table>
        <tbody>
          {counts.map((c) => (
            <tr key={c.key}>
              <th scope="row">{label ? label(c.key) : c.key || "(none)"}</th>
              <td>
                <span className="bar" style={{ width: `${Math.max(2, (c.count / max) * 100)}%` }} aria-hidden="true" />
                <span className="count">{c.count.toLocaleString("en")}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
