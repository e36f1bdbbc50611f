"""Vectorised kernels (lazy Polars) and their drivers. No Django here.

Kernels take and return ``pl.LazyFrame`` so that a driver can run them on one machine or per
partition of a cluster; aggregates are built from integer partial sums that merge by addition.
"""
