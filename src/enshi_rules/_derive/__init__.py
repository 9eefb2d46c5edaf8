"""Derivation: from a validated case to the flat facts the engine matches. It computes (dates,
periods, look-ups in the organ tree) and does not decide: ``supervision`` for the supervision
procedure and the organs, ``measures`` for the optional sections of a case."""
