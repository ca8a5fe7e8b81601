"""Letters to applicants from editable templates (Thai first, then English)."""
