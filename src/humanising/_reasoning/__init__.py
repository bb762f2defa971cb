"""Layer 2, the reasoning: pure functions from facts to verdicts.

The three-valued logic (``_logic``), the per-initiative look-ups (``_index``),
verdicts (``_verdict``), the model registry (``_registry``), equalising and
humanising (``_relations``), the institutional barriers (``_barriers``), the
readings of co-production (``_readings``) and the whole analysis (``_analysis``).
The built-in models are in ``humanising.models``. Nothing here reads or writes files.
"""
