// Hugging Face model cards: <org>__<name>/README.md (YAML front matter), or a JSONL of {id, cardData}.
import { convertCard, looksLikeCard, readCards } from "../hf-card.js";
import type { Importer, ParsedBatch } from "../importer.js";
import type { AssetRecord, Problem } from "../record.js";

export const hfCardImporter: Importer = {
  name: "hf-card",
  graphqlName: "HF_CARD",
  description:
    "Hugging Face model cards: a folder of <org>__<name>/README.md (YAML front matter; the id comes from the folder) or a JSONL of {id, cardData}. Ids become hf:<org>/<name>; datasets hf:datasets/<org>/<name>.",
  files: /(?:^|[\\/])[^\\/]+__[^\\/]+[\\/]README\.md$|\.jsonl$/i,
  claims: (inputs) => inputs.length > 0 && inputs.every(looksLikeCard),
  parse(inputs): ParsedBatch {
    const records: AssetRecord[] = [];
    const problems: Problem[] = [];
    let rejected = 0;
    let cards = 0;
    for (const input of inputs) {
      const read = readCards(input);
      problems.push(...read.problems);
      rejected += read.problems.filter((p) => p.severity === "error").length;
      for (const card of read.cards) {
        cards++;
        const r = convertCard(card);
        problems.push(...r.problems);
        if (r.record) records.push(r.record);
        else rejected++;
      }
    }
    const edges = records.reduce((n, r) => n + r.upstream.length, 0);
    return {
      records,
      problems,
      rejected,
      summary: `Hugging Face cards: ${cards} read, ${records.length} converted, ${edges} upstream references (base models and datasets)`,
      stats: { cards, records: records.length, references: edges },
    };
  },
};
