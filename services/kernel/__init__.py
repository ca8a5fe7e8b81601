"""The small core every other package stands on; imports nothing else from services/.

Errors in two languages, the clock, the business calendar and SLA arithmetic, the status
machine, the hash-chained event log, actors and the unit of work (one user action, one
transaction, its events), Thai dates, national IDs and Thai text for PDFs.
"""
