"""Benchmarks (``make bench``): figures with a baseline measured in the same run.

Not tests: nothing here asserts a time. Each figure is printed next to the
cost of the bare operation underneath it, so the ratio says what the
workstation adds, whatever the machine's speed today.
"""
