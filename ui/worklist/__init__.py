"""The work list's parts of the main window: the filter bar with saved views, the empty
list's message in the table, assigning (one request or a batch), internal notes, and the
alerts badge with its tray notice.

:class:`~ui.worklist.controls.WorklistControls` builds and wires them, so the main window
only creates it and asks it what the list shows.
"""
