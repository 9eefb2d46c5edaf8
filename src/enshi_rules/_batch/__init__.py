"""Batch: many case documents evaluated in input order, on one process or several (``pool``)."""
