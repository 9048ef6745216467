"""`ciso-bot demo`: a realistic data set of a small network."""
