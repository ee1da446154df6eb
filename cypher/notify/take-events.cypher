// Marks trail events as taken by a notifier (once: the constraint on Notified.eventId refuses a
// second taker, whose transaction then writes nothing), and keeps the newest one's time.
// Parameters: $events ([{id, at}]).
UNWIND $events AS e
CREATE (:Notified {eventId: e.id, takenAt: datetime()})
WITH max(datetime(e.at)) AS newest
MERGE (s:NotifierState {id: 'notifier'})
SET s.lastEventAt = CASE WHEN s.lastEventAt IS NULL OR s.lastEventAt < newest THEN newest ELSE s.lastEventAt END
