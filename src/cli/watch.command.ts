// umr watch create|list|delete|notifications: watches, as createWatch and friends make them. The
// CLI has the database itself, so it acts as an admin for the organisation it names; the server
// (npm start) follows the writes and delivers the notifications.
import { BadUserInputError } from "../errors.js";
import { cliViewer } from "../model/viewer.js";
import type { SeverityName } from "../model/vocab.js";
import type { WatchModel } from "../model/watch.js";
import { readManifest } from "./audit.command.js";
import { withServices } from "./session.js";

export interface WatchCreateOptions {
  org?: string;
  key?: string[];
  manifest?: string;
  downstreamDepth?: number;
  ownedByMyOrg: boolean;
  minSeverity: string;
  webhookUrl?: string;
  secretEnv: string;
  name?: string;
  json: boolean;
}

function describe(w: WatchModel): string {
  const what = [
    w.keys.length ? w.keys.join(", ") : null,
    w.downstreamDepth ? `and ${w.downstreamDepth} hop${w.downstreamDepth === 1 ? "" : "s"} downstream` : null,
    w.ownedByMyOrg ? `everything ${w.org} owns` : null,
  ]
    .filter(Boolean)
    .join(" ");
  return `${w.id}  ${w.name ?? "(no name)"}  ${what}  >= ${w.minSeverity}  ${w.webhookUrl ?? "(no webhook)"}`;
}

export async function watchCreateCommand(opts: WatchCreateOptions): Promise<number> {
  const keys = [...(opts.key ?? []), ...(opts.manifest ? readManifest(opts.manifest) : [])];
  const secret = opts.webhookUrl ? process.env[opts.secretEnv] : undefined;
  if (opts.webhookUrl && !secret)
    throw new BadUserInputError(
      `--webhook-url: put the webhook's signing secret in the environment variable ${opts.secretEnv} (or name another with --secret-env)`,
    );
  const w = await withServices((s) =>
    s.watches.create(
      {
        name: opts.name ?? null,
        keys,
        downstreamDepth: opts.downstreamDepth ?? 0,
        ownedByMyOrg: opts.ownedByMyOrg,
        minSeverity: opts.minSeverity.toUpperCase() as SeverityName,
        webhookUrl: opts.webhookUrl ?? null,
        secret: secret ?? null,
      },
      cliViewer(opts.org ?? null),
    ),
  );
  process.stdout.write(opts.json ? JSON.stringify(w, null, 2) + "\n" : `created: ${describe(w)}\n`);
  return 0;
}

export async function watchListCommand(opts: { org?: string; json: boolean }): Promise<number> {
  // The CLI is an admin: every watch, or one organisation's.
  const all = await withServices((s) => s.watches.list(cliViewer(null)));
  const list = opts.org ? all.filter((w) => w.org === opts.org) : all;
  if (opts.json) process.stdout.write(JSON.stringify(list, null, 2) + "\n");
  else process.stdout.write(list.length ? list.map(describe).join("\n") + "\n" : "no watches\n");
  return 0;
}

export async function watchDeleteCommand(id: string): Promise<number> {
  await withServices((s) => s.watches.delete(id, cliViewer(null)));
  process.stdout.write(`deleted: ${id}\n`);
  return 0;
}

export async function watchNotificationsCommand(id: string, opts: { first: number; json: boolean }): Promise<number> {
  const list = await withServices((s) => s.watches.notifications(id, cliViewer(null), opts.first));
  if (opts.json) process.stdout.write(JSON.stringify(list, null, 2) + "\n");
  else
    process.stdout.write(
      list.length
        ? list
            .map((n) => {
              const changes = n.payload.changes.map((c) => `  ${c.type} ${c.key}: ${c.advisory.id} (${c.advisory.summary})`).join("\n");
              const last = n.attempts.at(-1);
              return `${n.createdAt}  ${n.id}  ${n.status}  ${n.attempts.length} attempt(s)${last ? `, last ${last.statusCode ?? last.error}` : ""}\n${changes}`;
            })
            .join("\n") + "\n"
        : "no notifications\n",
    );
  return 0;
}
