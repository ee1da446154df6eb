// When the newest event a notifier took happened. Parameters: none. Returns: at (ISO text or null).
OPTIONAL MATCH (s:NotifierState {id: 'notifier'})
RETURN toString(s.lastEventAt) AS at
