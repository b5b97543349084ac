"""Batch scoring of inputs too large to hold: `baliza score --engine dask`.

`source` checks every input line up front and then streams the records; `window` keeps a bounded
number of chunks in flight and gives their results back in input order; `dask_scorer` runs the
chunks on Dask's distributed scheduler, the model loaded once per worker process. Only
`dask_scorer` imports Dask (the optional `scale` extra), and only the engine imports it, so the core
never needs Dask.
"""
