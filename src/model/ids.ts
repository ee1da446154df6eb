// Asset ids, defined once (data-model.md §1 and §5). A native UMR id is unqualified ("laion-5b");
// an id from another source is qualified by that source's namespace ("hf:mistralai/Mistral-7B-v0.1",
// "eg:alpaca", "ol:postgres://db:5432/public.orders"). A namespace is lower-case letters and
// digits before the first ":"; after it, a name may hold "/" and ":" as its source writes them.
// Neither form holds "@" (keys are id@version), white space or a constraint operator.

/** The namespaces umr-graph's own importers write, and the source each stands for. */
export const NAMESPACES = {
  hf: "Hugging Face Hub (org/name)",
  eg: "Stanford CRFM Ecosystem Graphs",
  cdx: "CycloneDX (a component's bom-ref or name)",
  spdx: "SPDX 3 (an element's name)",
  ol: "OpenLineage (namespace/name)",
  prov: "W3C PROV-O (an entity's IRI)",
} as const;
export type Namespace = keyof typeof NAMESPACES;

const NATIVE = "[A-Za-z0-9][A-Za-z0-9._-]*";
const QUALIFIED = "[a-z][a-z0-9]*:[A-Za-z0-9_./][A-Za-z0-9._/:+-]*";
/** An id, as a regular expression source (no anchors): qualified or native. */
export const ID_SOURCE = `(?:${QUALIFIED}|${NATIVE})`;
export const NATIVE_ID_SOURCE = NATIVE;
const ID_RE = new RegExp(`^${ID_SOURCE}$`);
const QUALIFIED_RE = new RegExp(`^${QUALIFIED}$`);

/** The longest id accepted: ids are keys of an index, and a person has to read them. */
export const MAX_ID_LENGTH = 200;

export const ID_FORMS =
  'a native id ("laion-5b": letters, digits and . _ -) or one qualified by its source ("hf:mistralai/Mistral-7B-v0.1")';

export function isId(text: string): boolean {
  return text.length <= MAX_ID_LENGTH && ID_RE.test(text);
}

export function isQualified(id: string): boolean {
  return QUALIFIED_RE.test(id);
}

/** The namespace of an id ("hf"), or null for a native one. */
export function namespaceOf(id: string): string | null {
  return isQualified(id) ? id.slice(0, id.indexOf(":")) : null;
}

/**
 * An id as its source writes it, qualified by the source's namespace: resolution inside the
 * source comes first (a Hugging Face card's `base_model: org/name` names `hf:org/name`, never a
 * native id of that name). A name that is already qualified is kept.
 */
export function qualify(namespace: Namespace, name: string): string {
  return isQualified(name) && name.startsWith(`${namespace}:`) ? name : `${namespace}:${name}`;
}

/** A key (id@version) or id as a file name: "/" and ":" would make folders and drive letters. */
export function fileStem(keyOrId: string): string {
  return keyOrId.replace(/[%/:\\]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`);
}

/** The key or id a file stem names (fileStem's inverse). */
export function fromFileStem(stem: string): string {
  return stem.replace(/%(2F|3A|5C|25)/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** A link to a page of a key from a sibling page: the file stem, URL-encoded. */
export function pageHref(keyOrId: string, suffix: string): string {
  return `${encodeURIComponent(fileStem(keyOrId))}${suffix}`;
}
