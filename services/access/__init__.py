"""Who may do what: officers signing in, password hashing and lockout, roles."""
