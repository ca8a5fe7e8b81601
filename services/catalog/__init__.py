"""The service catalog (คู่มือประชาชน): each service's documents, fees, SLA, risk and IAL.

:mod:`.loader` reads it, :mod:`.checker` validates a file with line-level problems
(:mod:`.problems`), :mod:`.store_sync` keeps the store's copy in step.
"""
