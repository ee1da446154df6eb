// The watches' new answers. Parameters: $states ([{id, state}]).
UNWIND $states AS s
MATCH (w:Watch {id: s.id})
SET w.state = s.state
