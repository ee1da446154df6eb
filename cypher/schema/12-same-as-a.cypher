// The statements naming an id, by either side.
CREATE INDEX same_as_a IF NOT EXISTS FOR (s:SameAs) ON (s.a)
