"""Interpreters for data rules: each module turns pack specs of one ``kind`` into rules."""
