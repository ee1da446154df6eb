// The explorer's one way to the API: a typed operation (generated from schema.graphql by
// graphql-codegen, see web/src/gql/) sent to /graphql with the tab's API key, if one was given.
// Errors keep the API's code and request id, so the views can show them.
import { useEffect, useState } from "react";
import type { TypedDocumentString } from "./gql/graphql";

export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly requestId: string | null,
  ) {
    super(message);
  }
}

const KEY_ITEM = "umr-api-key";
/** The API key, entered once and kept for the tab (sessionStorage), never in a URL. */
export const apiKey = {
  get: (): string | null => sessionStorage.getItem(KEY_ITEM),
  set: (token: string) => sessionStorage.setItem(KEY_ITEM, token),
  clear: () => sessionStorage.removeItem(KEY_ITEM),
};

export function authHeaders(): Record<string, string> {
  const token = apiKey.get();
  return token ? { authorization: `Bearer ${token}` } : {};
}

interface GraphQLAnswer<R> {
  data?: R | null;
  errors?: { message: string; extensions?: { code?: string; requestId?: string } }[];
  error?: string;
  code?: string;
  requestId?: string;
}

export async function request<R, V>(doc: TypedDocumentString<R, V>, variables: V): Promise<R> {
  const res = await fetch("/graphql", {
    method: "POST",
    headers: { "content-type": "application/json", ...authHeaders() },
    body: JSON.stringify({ query: doc.toString(), variables }),
  });
  const body = (await res
    .json()
    .catch(() => ({ error: `the API answered ${res.status} without JSON`, code: "UNAVAILABLE" }))) as GraphQLAnswer<R>;
  const first = body.errors?.[0];
  if (first) throw new ApiError(first.message, first.extensions?.code ?? "ERROR", first.extensions?.requestId ?? null);
  if (body.error) throw new ApiError(body.error, body.code ?? "ERROR", body.requestId ?? null);
  return body.data as R;
}

export interface Loaded<R> {
  data: R | null;
  error: ApiError | null;
  loading: boolean;
  reload: () => void;
}

/** A query run when its variables change; the last answer wins. */
export function useQuery<R, V>(doc: TypedDocumentString<R, V>, variables: V, skip = false): Loaded<R> {
  const [state, setState] = useState<{ data: R | null; error: ApiError | null; loading: boolean }>({
    data: null,
    error: null,
    loading: !skip,
  });
  const [tick, setTick] = useState(0);
  const vars = JSON.stringify(variables);
  useEffect(() => {
    if (skip) return;
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    request(doc, JSON.parse(vars) as V).then(
      (data) => live && setState({ data, error: null, loading: false }),
      (err: unknown) => live && setState({ data: null, error: asApiError(err), loading: false }),
    );
    return () => {
      live = false;
    };
  }, [doc, vars, skip, tick]);
  return { ...state, reload: () => setTick((t) => t + 1) };
}

export function asApiError(err: unknown): ApiError {
  return err instanceof ApiError ? err : new ApiError(err instanceof Error ? err.message : String(err), "NETWORK", null);
}

/** Downloads a URL of the API with the tab's key (a plain link could not send it). */
export async function download(url: string, filename: string): Promise<void> {
  const res = await fetch(url, { headers: authHeaders() });
  if (!res.ok) {
    const body = (await res.json().catch(() => ({}))) as GraphQLAnswer<unknown>;
    throw new ApiError(body.error ?? `the download answered ${res.status}`, body.code ?? "ERROR", body.requestId ?? null);
  }
  saveBlob(await res.blob(), filename);
}

export function saveBlob(blob: Blob, filename: string): void {
  const href = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = href;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}
