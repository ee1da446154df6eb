// Audit: paste or upload a deployment manifest (keys, bare ids, ranges; one per line, # comments),
// see the report and the failAt verdict, download the evidence bundle of a selection.
import { useState } from "react";
import { asApiError, download, request, type ApiError } from "../api";
import { ErrorNote, Severity } from "../components/common";
import { Severity as SeverityEnum, type AuditQuery } from "../gql/graphql";
import { Audit as AuditOp } from "../operations";
import { Link, paths } from "../router";

/** The manifest's entries: one per line (or comma), without comments. */
export function manifestKeys(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.replace(/#.*/, ""))
    .flatMap((l) => l.split(","))
    .map((k) => k.trim())
    .filter(Boolean);
}

export function Audit() {
  const [text, setText] = useState("");
  const [failAt, setFailAt] = useState<SeverityEnum>(SeverityEnum.High);
  const [report, setReport] = useState<NonNullable<AuditQuery["audit"]> | null>(null);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      const data = await request(AuditOp, { keys: manifestKeys(text), failAt });
      setReport(data.audit ?? null);
      setSelected(new Set(data.audit?.audited ?? []));
    } catch (err) {
      setError(asApiError(err));
    } finally {
      setBusy(false);
    }
  };
  const bundle = () => {
    const roots = [...selected].join(",");
    download(`/export/bundle?${new URLSearchParams({ roots, direction: "UPSTREAM" }).toString()}`, "umr-evidence.tar").catch(
      (err: unknown) => setError(asApiError(err)),
    );
  };
  return (
    <section aria-labelledby="audit-title">
      <h1 id="audit-title">Audit a deployment</h1>
      <form
        className="panel"
        onSubmit={(e) => {
          e.preventDefault();
          void run();
        }}
      >
        <div className="field">
          <label htmlFor="manifest">Manifest: keys, bare ids or ranges, one a line</label>
          <textarea
            id="manifest"
            rows={8}
            value={text}
            onChange={(e) => setText(e.target.value)}
            placeholder={"plip@1.0.0\nrrt-mil\nclip>=1.0.0"}
          />
        </div>
        <div className="field">
          <label htmlFor="manifest-file">Or upload a manifest file</label>
          <input
            id="manifest-file"
            type="file"
            accept=".txt,.csv,text/plain"
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (file) void file.text().then(setText);
            }}
          />
        </div>
        <div className="field">
          <label htmlFor="fail-at">Fail at or above</label>
          <select id="fail-at" value={failAt} onChange={(e) => setFailAt(e.target.value as SeverityEnum)}>
            {Object.values(SeverityEnum).map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" disabled={busy || !manifestKeys(text).length}>
          Audit {manifestKeys(text).length} entries
        </button>
      </form>
      <ErrorNote error={error} />
      {report ? (
        <div className="report" data-testid="audit-report">
          <p className={report.failed ? "verdict verdict-fail" : "verdict verdict-pass"} role="status">
            {report.failed ? "FAILED" : "PASSED"}: highest risk <Severity value={report.highestSeverity} /> (fail at {failAt})
          </p>
          {report.unknown.length ? <p className="notice">Not found: {report.unknown.join(", ")}</p> : null}
          <table>
            <caption>{report.findings.length} advisories reach the deployment</caption>
            <thead>
              <tr>
                <th scope="col">Advisory</th>
                <th scope="col">Severity</th>
                <th scope="col">Summary</th>
                <th scope="col">Reaches</th>
              </tr>
            </thead>
            <tbody>
              {report.findings.map((f) => (
                <tr key={f.advisory.id}>
                  <td>
                    <Link to={paths.advisory(f.advisory.id)}>{f.advisory.id}</Link>
                  </td>
                  <td>
                    <Severity value={f.advisory.severity} />
                  </td>
                  <td>{f.advisory.summary}</td>
                  <td>{f.reaches.map((r) => `${r.asset.key} (${r.effectiveSeverity}, depth ${r.depth})`).join("; ")}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <fieldset>
            <legend>Evidence bundle of</legend>
            {report.audited.map((k) => (
              <label key={k} className="check">
                <input
                  type="checkbox"
                  checked={selected.has(k)}
                  onChange={(e) =>
                    setSelected((s) => {
                      const n = new Set(s);
                      if (e.target.checked) n.add(k);
                      else n.delete(k);
                      return n;
                    })
                  }
                />{" "}
                {k}
              </label>
            ))}
          </fieldset>
          <button type="button" disabled={!selected.size} onClick={bundle}>
            Download the evidence bundle ({selected.size})
          </button>
        </div>
      ) : null}
    </section>
  );
}
