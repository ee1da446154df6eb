import { Kind, parse } from "graphql";

/**
 * The README's GraphQL operations (its ```graphql blocks), one tab each, in order: each
 * operation's own text with the comment above it.
 */
export function exampleOperations(markdown: string): string[] {
  const out: string[] = [];
  for (const m of markdown.matchAll(/```graphql\n([\s\S]*?)```/g)) {
    const source = m[1]!;
    let from = 0;
    for (const d of parse(source).definitions) {
      if (d.kind !== Kind.OPERATION_DEFINITION || !d.loc) continue;
      const before = source.slice(from, d.loc.start);
      const comment = before
        .split("\n")
        .filter((l) => l.trim().startsWith("#"))
        .join("\n");
      out.push(`${comment ? `${comment}\n` : ""}${source.slice(d.loc.start, d.loc.end)}\n`);
      from = d.loc.end;
    }
  }
  return [...new Set(out)];
}
