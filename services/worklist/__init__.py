"""The officers' work lists: handing requests out, internal notes, alerts, list views.

One module per job, over the review stage's queues (:mod:`services.review.queue`):

* :mod:`services.worklist.assign` — a supervisor assigns a request, or a batch, to a named
  officer or routes it to a section, with a note; the first-come rule still holds (an
  assignment that skips older waiting requests needs a reason, as opening one does);
* :mod:`services.worklist.notes` — internal notes (ความเห็นเจ้าหน้าที่), for officers only;
* :mod:`services.worklist.listing` — filters, sort and the rows of a filtered list;
* :mod:`services.worklist.officer_settings` — what each officer keeps: saved views, the
  digest choice, when alerts were last seen (in the store, so it follows the officer);
* :mod:`services.worklist.alerts` — new requests in one's queue, SLAs about to breach,
  applicants' replies;
* :mod:`services.worklist.digest` — the optional daily digest e-mail, through the outbox.

Every write takes a unit of work and records its event in the same transaction;
:class:`services.api.worklist.Worklist` wraps them for the screens.
"""
