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
