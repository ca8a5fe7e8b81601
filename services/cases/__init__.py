"""The application aggregate and the read side: registering applications, their documents,
queue queries, the dashboard and search.
"""
