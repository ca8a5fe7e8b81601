"""The catalog and calendar page: the services the agency offers (documents, fees, SLA, risk,
IAL, lawful basis, templates) and the government holidays, with their versions.

Every officer may look; the administrator edits a service in a form or imports a catalog
file (checked in full first: a change with an error changes nothing), and adds a year's
holidays from the Cabinet's announcement after seeing which requests' due dates move. Who may
change what is asked of the services (``CatalogView.may_edit``), never re-decided here.
"""
