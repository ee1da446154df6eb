// Advisories: the list, filtered; an advisory's page with its blast radius; publish, withdraw and
// exempt forms for callers with a key (errors shown with their codes).
import { useState, type FormEvent, type ReactNode } from "react";
import { asApiError, request, useQuery, type ApiError } from "../api";
import { ErrorNote, Loading, Severity } from "../components/common";
import { RiskCategory, Severity as SeverityEnum, VexJustification, VexStatus } from "../gql/graphql";
import { AddExemption, AdvisoryList, AdvisoryPage, PublishAdvisory, WithdrawAdvisory } from "../operations";
import { Link, navigate, paths } from "../router";
import { BlastRadiusPanel } from "./BlastRadius";

const CATEGORIES = Object.values(RiskCategory);
const SEVERITIES = Object.values(SeverityEnum);
const PAGE = 25;

export function Advisories() {
  const [category, setCategory] = useState<RiskCategory | "">("");
  const [openOnly, setOpenOnly] = useState(true);
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const list = useQuery(AdvisoryList, { category: category || null, openOnly, first: PAGE, after: cursors.at(-1) ?? null });
  const conn = list.data?.advisories;
  return (
    <section aria-labelledby="adv-title">
      <h1 id="adv-title">Advisories</h1>
      <form className="filters" onSubmit={(e) => e.preventDefault()}>
        <label htmlFor="adv-category">Category</label>
        <select
          id="adv-category"
          value={category}
          onChange={(e) => {
            setCategory(e.target.value as RiskCategory | "");
            setCursors([null]);
          }}
        >
          <option value="">any</option>
          <EnumOptions values={CATEGORIES} lower />
        </select>
        <label>
          <input
            type="checkbox"
            checked={openOnly}
            onChange={(e) => {
              setOpenOnly(e.target.checked);
              setCursors([null]);
            }}
          />{" "}
          open only
        </label>
      </form>
      <ErrorNote error={list.error} />
      {conn ? (
        <>
          <table className="advisories" data-testid="advisories">
            <caption>{conn.totalCount.toLocaleString("en")} advisories, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Advisory</th>
                <th scope="col">Severity</th>
                <th scope="col">Category</th>
                <th scope="col">Affects</th>
                <th scope="col">Summary</th>
                <th scope="col">State</th>
              </tr>
            </thead>
            <tbody>
              {conn.edges.map(({ node: a }) => (
                <tr key={a.id} data-id={a.id}>
                  <td>
                    <Link to={paths.advisory(a.id)}>{a.id}</Link>
                  </td>
                  <td>
                    <Severity value={a.severity} />
                  </td>
                  <td>{a.category.toLowerCase()}</td>
                  <td>
                    {a.affectsId}
                    {a.affectsRange !== "*" ? `@${a.affectsRange}` : ""}
                  </td>
                  <td>{a.summary}</td>
                  <td>{a.withdrawnAt ? "withdrawn" : "open"}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <nav className="pager" aria-label="Pages of advisories">
            <button type="button" disabled={cursors.length < 2} onClick={() => setCursors((c) => c.slice(0, -1))}>
              Previous page
            </button>{" "}
            <button
              type="button"
              disabled={!conn.pageInfo.hasNextPage}
              onClick={() => conn.pageInfo.endCursor && setCursors((c) => [...c, conn.pageInfo.endCursor!])}
            >
              Next page
            </button>
          </nav>
        </>
      ) : list.loading ? (
        <Loading what="advisories" />
      ) : null}
      <PublishForm onPublished={(id) => navigate(paths.advisory(id))} />
    </section>
  );
}

/** The options of a select over an enum's values (shown lower-cased with `lower`). */
function EnumOptions({ values, lower }: { values: readonly string[]; lower?: boolean }) {
  return values.map((v) => (
    <option key={v} value={v}>
      {lower ? v.toLowerCase() : v}
    </option>
  ));
}

function useSubmit() {
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (err) {
      setError(asApiError(err));
    } finally {
      setBusy(false);
    }
  };
  return { error, busy, run };
}

function Field({ id, label, children }: { id: string; label: string; children: ReactNode }) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children}
    </div>
  );
}

function PublishForm({ onPublished }: { onPublished: (id: string) => void }) {
  const s = useSubmit();
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const text = (k: string) => String(f.get(k) ?? "").trim();
    void s.run(async () => {
      const data = await request(PublishAdvisory, {
        input: {
          affectsId: text("affectsId"),
          affectsRange: text("affectsRange") || "*",
          category: text("category") as RiskCategory,
          severity: text("severity") as SeverityEnum,
          summary: text("summary"),
          references: text("references") ? text("references").split(/\s+/) : [],
          id: text("id") || null,
        },
      });
      onPublished(data.publishAdvisory.id);
    });
  };
  return (
    <form className="panel" onSubmit={submit} aria-labelledby="publish-title">
      <h2 id="publish-title">Publish an advisory</h2>
      <p className="muted">Needs a key with the SECURITY or ADMIN role (set it at the top of the page).</p>
      <Field id="p-affects" label="Affects (id)">
        <input id="p-affects" name="affectsId" required placeholder="laion-5b" />
      </Field>
      <Field id="p-range" label="Versions (SemVer range)">
        <input id="p-range" name="affectsRange" placeholder="*" />
      </Field>
      <Field id="p-category" label="Category">
        <select id="p-category" name="category" defaultValue="LEGAL">
          <EnumOptions values={CATEGORIES} lower />
        </select>
      </Field>
      <Field id="p-severity" label="Severity">
        <select id="p-severity" name="severity" defaultValue="HIGH">
          <EnumOptions values={SEVERITIES} lower />
        </select>
      </Field>
      <Field id="p-summary" label="Summary">
        <input id="p-summary" name="summary" required />
      </Field>
      <Field id="p-id" label="Id (optional: CVE, GHSA, your own)">
        <input id="p-id" name="id" />
      </Field>
      <Field id="p-refs" label="References (URLs, space-separated)">
        <input id="p-refs" name="references" />
      </Field>
      <button type="submit" disabled={s.busy}>
        Publish
      </button>
      <ErrorNote error={s.error} />
    </form>
  );
}

export function AdvisoryView({ id }: { id: string }) {
  const q = useQuery(AdvisoryPage, { id });
  const a = q.data?.advisory;
  if (q.error) return <ErrorNote error={q.error} />;
  if (!a) return q.loading ? <Loading what={id} /> : <p>No advisory {id}.</p>;
  return (
    <article aria-labelledby="advisory-title">
      <h1 id="advisory-title">
        {a.id} <Severity value={a.severity} />
      </h1>
      <p>{a.summary}</p>
      <table className="record">
        <tbody>
          <tr>
            <th scope="row">Category</th>
            <td>{a.category.toLowerCase()}</td>
          </tr>
          <tr>
            <th scope="row">Affects</th>
            <td>
              <Link to={paths.asset(a.affectsId)}>{a.affectsId}</Link> versions {a.affectsRange}
            </td>
          </tr>
          <tr>
            <th scope="row">Source</th>
            <td>{a.source}</td>
          </tr>
          <tr>
            <th scope="row">Published</th>
            <td>{a.publishedAt}</td>
          </tr>
          {a.withdrawnAt ? (
            <tr>
              <th scope="row">Withdrawn</th>
              <td>
                {a.withdrawnAt}: {a.withdrawReason}
              </td>
            </tr>
          ) : null}
          {a.references.length ? (
            <tr>
              <th scope="row">References</th>
              <td>{a.references.join(" ")}</td>
            </tr>
          ) : null}
        </tbody>
      </table>
      {a.withdrawnAt ? null : (
        <>
          <section aria-labelledby="advisory-br">
            <h2 id="advisory-br">Blast radius</h2>
            <BlastRadiusPanel target={{ advisoryId: a.id }} />
          </section>
          {a.source === "record" ? (
            <p className="muted">A record&apos;s own risk flag: it changes with a new version of the record, not here.</p>
          ) : (
            <WithdrawForm id={a.id} onDone={q.reload} />
          )}
          <ExemptForm advisoryId={a.id} />
        </>
      )}
    </article>
  );
}

function WithdrawForm({ id, onDone }: { id: string; onDone: () => void }) {
  const s = useSubmit();
  return (
    <form
      className="panel"
      aria-labelledby="withdraw-title"
      onSubmit={(e) => {
        e.preventDefault();
        const reason = String(new FormData(e.currentTarget).get("reason") ?? "").trim();
        void s.run(async () => {
          await request(WithdrawAdvisory, { id, reason });
          onDone();
        });
      }}
    >
      <h2 id="withdraw-title">Withdraw</h2>
      <Field id="w-reason" label="Reason">
        <input id="w-reason" name="reason" required />
      </Field>
      <button type="submit" disabled={s.busy}>
        Withdraw {id}
      </button>
      <ErrorNote error={s.error} />
    </form>
  );
}

function ExemptForm({ advisoryId }: { advisoryId: string }) {
  const s = useSubmit();
  const [done, setDone] = useState<string | null>(null);
  return (
    <form
      className="panel"
      aria-labelledby="exempt-title"
      onSubmit={(e) => {
        e.preventDefault();
        const f = new FormData(e.currentTarget);
        const text = (k: string) => String(f.get(k) ?? "").trim();
        setDone(null);
        void s.run(async () => {
          const added = await request(AddExemption, {
            input: {
              advisoryId,
              assetKey: text("assetKey"),
              justification: text("justification"),
              status: text("status") as VexStatus,
              justificationCode: (text("justificationCode") || null) as VexJustification | null,
              expiresAt: text("expiresAt") ? new Date(text("expiresAt")).toISOString() : null,
            },
          });
          setDone(added.addExemption ? `Recorded for ${text("assetKey")}.` : `${text("assetKey")} already had this statement.`);
        });
      }}
    >
      <h2 id="exempt-title">Record a VEX statement (exemption)</h2>
      <p className="muted">For an asset your organisation owns. NOT_AFFECTED and FIXED stop the advisory at that asset.</p>
      <Field id="e-asset" label="Asset key">
        <input id="e-asset" name="assetKey" required placeholder="plip@1.0.0" />
      </Field>
      <Field id="e-status" label="Status">
        <select id="e-status" name="status" defaultValue={VexStatus.NotAffected}>
          <EnumOptions values={Object.values(VexStatus)} />
        </select>
      </Field>
      <Field id="e-code" label="Justification code">
        <select id="e-code" name="justificationCode" defaultValue="">
          <option value="">(none)</option>
          <EnumOptions values={Object.values(VexJustification)} />
        </select>
      </Field>
      <Field id="e-why" label="Justification">
        <input id="e-why" name="justification" required />
      </Field>
      <Field id="e-expires" label="Expires (optional)">
        <input id="e-expires" name="expiresAt" type="date" />
      </Field>
      <button type="submit" disabled={s.busy}>
        Record
      </button>
      {done ? <p role="status">{done}</p> : null}
      <ErrorNote error={s.error} />
    </form>
  );
}
