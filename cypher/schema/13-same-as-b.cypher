CREATE INDEX same_as_b IF NOT EXISTS FOR (s:SameAs) ON (s.b)
