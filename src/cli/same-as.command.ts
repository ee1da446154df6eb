// umr same-as <a> <b>: declare (or --withdraw) that two ids name one thing (data-model.md §5).
import { cliViewer } from "../model/viewer.js";
import { withServices } from "./session.js";

export async function sameAsCommand(
  a: string,
  b: string,
  opts: { note?: string; withdraw: boolean; org?: string; json: boolean },
): Promise<number> {
  const viewer = cliViewer(opts.org ?? null);
  if (opts.withdraw) {
    const s = await withServices((services) => services.sameAs.withdraw(a, b, viewer));
    if (opts.json) process.stdout.write(JSON.stringify({ withdrawn: s }, null, 2) + "\n");
    else process.stdout.write(`withdrawn: ${s.a} is ${s.b} (declared by ${s.by ?? "no organisation"} at ${s.at})\n`);
    return 0;
  }
  const { statement: s, created } = await withServices((services) => services.sameAs.declare(a, b, opts.note ?? null, viewer, "cli"));
  if (opts.json) process.stdout.write(JSON.stringify({ statement: s, created }, null, 2) + "\n");
  else
    process.stdout.write(
      created
        ? `declared: ${s.a} is ${s.b}; lineage and risk now cross between them\n`
        : `unchanged: ${s.a} is ${s.b} already (declared by ${s.by ?? "no organisation"} at ${s.at})\n`,
    );
  return 0;
}
