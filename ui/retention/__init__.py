"""The records' keeper's retention page (:mod:`.page`): the periods in force, the destruction
lists and their requests; drawing up a list, saving it for the head of the agency, recording
the head's order (:mod:`.order_dialog`) and carrying it out after a confirmation
(:mod:`.destroy_dialog`). The services decide and check everything (``services.api.archive``).
"""
