"""Running the reasoning over many initiatives: one at a time, or in worker processes (an edge)."""
