"""The shared drive as an intake channel: one folder (or file) is one request."""
