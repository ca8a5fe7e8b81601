"""The approver's page (requirements P5): reviewed requests first come, first served, the
summary of what was checked, the documents side by side, and the decisions — approve and
sign (one request or a batch, one PIN), refuse, send back to the reviewer.

The page asks the services (``services.api.ApprovalPort`` and the access table) what the
approver may do; signing runs off the GUI thread, with progress and a cancel.
"""
