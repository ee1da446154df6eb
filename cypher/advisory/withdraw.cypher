// Withdraws an advisory (kept, marked). Parameters: $id, $reason, $by. Returns: advisory.
MATCH (v:Advisory {id: $id})
SET v.withdrawnAt = coalesce(v.withdrawnAt, datetime()), v.withdrawReason = coalesce(v.withdrawReason, $reason),
    v.withdrawnBy = coalesce(v.withdrawnBy, $by)
RETURN v {.*} AS advisory
