// umr keys create|list|revoke, umr events and umr changes: the CLI runs beside the database, as an admin.
import { cliViewer } from "../model/viewer.js";
import { withServices } from "./session.js";

const admin = cliViewer(null);

export async function keysCreateCommand(opts: { org: string; role: string; name?: string; json: boolean }): Promise<number> {
  const { token, key } = await withServices((s) =>
    s.keys.create(admin, { org: opts.org, role: opts.role.toUpperCase(), name: opts.name ?? null }),
  );
  if (opts.json) process.stdout.write(JSON.stringify({ token, key }, null, 2) + "\n");
  else {
    process.stdout.write(`${token}\n`);
    process.stderr.write(
      `key ${key.id}: ${key.role} for ${key.org}${key.name ? ` (${key.name})` : ""}. The token above is shown once; send it as Authorization: Bearer <token>.\n`,
    );
  }
  return 0;
}

export async function keysListCommand(opts: { json: boolean }): Promise<number> {
  const list = await withServices((s) => s.keys.list(admin));
  if (opts.json) process.stdout.write(JSON.stringify(list, null, 2) + "\n");
  else
    for (const k of list)
      process.stdout.write(
        `${k.id}  ${k.role.padEnd(9)} ${k.org}  ${k.name ?? ""}  created ${k.createdAt}${k.revokedAt ? `  REVOKED ${k.revokedAt}` : ""}\n`,
      );
  return 0;
}

export async function keysRevokeCommand(id: string): Promise<number> {
  const key = await withServices((s) => s.keys.revoke(admin, id));
  process.stdout.write(`revoked ${key.id} (${key.role} for ${key.org}) at ${key.revokedAt}\n`);
  return 0;
}

export async function eventsCommand(opts: {
  org?: string;
  operation?: string;
  key?: string;
  since?: string;
  until?: string;
  first: number;
  json: boolean;
}): Promise<number> {
  const page = await withServices((s) =>
    s.events.list(
      admin,
      {
        org: opts.org ?? null,
        operation: opts.operation ?? null,
        key: opts.key ?? null,
        since: opts.since ?? null,
        until: opts.until ?? null,
      },
      opts.first,
    ),
  );
  const events = page.items.map((i) => i.node);
  if (opts.json) process.stdout.write(JSON.stringify({ totalCount: page.totalCount, events }, null, 2) + "\n");
  else {
    for (const e of events) {
      process.stdout.write(
        `${e.at}  ${e.operation.padEnd(17)} ${e.org ?? "-"} (${e.subject})  ${e.outcome}  ${[...e.keys, ...e.ids].join(", ")}\n`,
      );
    }
    process.stderr.write(`${events.length} of ${page.totalCount} events\n`);
  }
  return 0;
}

export async function changesCommand(opts: {
  since?: string;
  until?: string;
  key?: string[];
  first: number;
  after?: string;
  json: boolean;
}): Promise<number> {
  const page = await withServices((s) =>
    s.changes.changes(
      { since: opts.since ?? null, until: opts.until ?? null, keys: opts.key ?? null },
      opts.first,
      opts.after ?? null,
      admin,
    ),
  );
  const changes = page.items.map((i) => i.node);
  if (opts.json)
    process.stdout.write(JSON.stringify({ changes, endCursor: page.endCursor, hasNextPage: page.hasNextPage }, null, 2) + "\n");
  else {
    for (const c of changes)
      process.stdout.write(`${c.at}  ${c.kind.padEnd(18)} ${c.advisoryId ? `${c.advisoryId}  ` : ""}${c.outcome}  ${c.keys.join(", ")}\n`);
    process.stderr.write(
      `${changes.length} changes${page.hasNextPage ? "; more with" : "; poll again with"} --after ${page.endCursor ?? "(none yet)"}\n`,
    );
  }
  return 0;
}
