// An advisory as the graph holds it (data-model.md §3).

/** A flag on an asset: it carries a risk. */
export interface AdvisoryModel {
  id: string;
  category: string;
  severity: string;
  summary: string;
  affectsId: string;
  affectsRange: string;
  references: string[] | null;
  source: string;
  publishedAt: string;
  publishedBy?: string | null;
  /** The organisation that published it (null for record flags and organisation-less admins). */
  publishedByOrg?: string | null;
  withdrawnAt: string | null;
  withdrawReason?: string | null;
}

/**
 * An advisory (or an export's map of one) as it stood at `asOf`: a withdrawal made after then is
 * not yet made, so its withdrawal fields are left out.
 */
export function asItStood<T extends { withdrawnAt?: unknown }>(a: T, asOf: string): T {
  if (typeof a.withdrawnAt !== "string" || Date.parse(a.withdrawnAt) <= Date.parse(asOf)) return a;
  const {
    withdrawnAt: _at,
    withdrawReason: _why,
    withdrawnBy: _by,
    ...then
  } = a as T & { withdrawReason?: unknown; withdrawnBy?: unknown };
  return then as T;
}
