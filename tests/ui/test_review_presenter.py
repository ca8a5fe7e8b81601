"""The review screen's presenter without widgets: the real port over a real store, the real
task runner, and the signals the screen renders from."""

from __future__ import annotations

from services.api import ApplicationDetail, Verdict
from ui.review.presenter import ReviewPresenter


def _presenter(workstation, user, runner) -> ReviewPresenter:
    return ReviewPresenter(workstation.review, user, runner)


def _record(presenter: ReviewPresenter, *names: str) -> list[tuple[str, tuple]]:
    """Every emission of the named signals, in order, with its arguments."""
    seen: list[tuple[str, tuple]] = []
    for name in names:
        getattr(presenter, name).connect(lambda *args, n=name: seen.append((n, args)))
    return seen


def test_opening_claims_the_request_and_holds_it(
    qtbot, workstation, reviewer, runner, review_applications
) -> None:
    presenter = _presenter(workstation, reviewer, runner)
    oldest_id, _number = review_applications[0]
    seen = _record(presenter, "application_did_open", "application_did_change")
    with qtbot.waitSignal(presenter.application_did_change, timeout=10000):
        presenter.open_application(oldest_id)
    assert [name for name, _ in seen] == ["application_did_open", "application_did_change"]
    detail = seen[0][1][0]
    assert isinstance(detail, ApplicationDetail) and detail.row.id == oldest_id
    assert presenter.detail == detail and presenter.application_id == oldest_id
    assert detail.claimed_by_me and detail.row.status == "in_review"
    assert presenter.editable()  # the service allows this reviewer to record checks


def test_an_older_request_waiting_asks_for_a_reason_first(
    qtbot, workstation, reviewer, runner, review_applications
) -> None:
    presenter = _presenter(workstation, reviewer, runner)
    second_id, _number = review_applications[1]
    with qtbot.waitSignal(presenter.opening_did_need_reason, timeout=10000) as asked:
        presenter.open_application(second_id)
    assert asked.args[0].code == "out_of_order"
    assert presenter.detail is None and presenter.application_id == second_id
    with qtbot.waitSignal(presenter.application_did_open, timeout=10000) as opened:
        presenter.open_with_reason("ผู้ยื่นรออยู่ที่เคาน์เตอร์")
    assert opened.args[0].row.id == second_id
    history = workstation.review.history(reviewer, second_id)
    assert any("ผู้ยื่นรออยู่ที่เคาน์เตอร์" in entry.summary_th for entry in history)


def test_an_answer_about_an_earlier_request_is_dropped(
    qtbot, workstation, reviewer, runner, review_applications
) -> None:
    presenter = _presenter(workstation, reviewer, runner)
    oldest_id, _ = review_applications[0]
    second_id, _ = review_applications[1]
    seen = _record(presenter, "application_did_open", "opening_did_need_reason")
    presenter.open_application(second_id)  # would ask for a reason, but is overtaken
    with qtbot.waitSignal(presenter.application_did_open, timeout=10000):
        presenter.open_application(oldest_id)
    assert [(name, args[0].row.id) for name, args in seen] == [("application_did_open", oldest_id)]


def test_a_verdict_is_stored_while_busy_and_a_second_waits_its_turn(
    qtbot, workstation, reviewer, runner, review_applications
) -> None:
    presenter = _presenter(workstation, reviewer, runner)
    oldest_id, _ = review_applications[0]
    with qtbot.waitSignal(presenter.application_did_open, timeout=10000) as opened:
        presenter.open_application(oldest_id)
    item = opened.args[0].checklist[0]
    form = opened.args[0].documents[0]  # an acceptance names where the document was found
    busy = _record(presenter, "busy_did_change")
    failed = _record(presenter, "action_did_fail")
    with qtbot.waitSignal(presenter.verdict_did_record, timeout=10000) as recorded:
        assert presenter.record_verdict(item.code, Verdict.ACCEPTED, "", form.id, 1)
        assert presenter.busy
        # One decision at a time: nothing is asked while the first is on its way.
        assert not presenter.record_verdict(item.code, Verdict.REJECTED, "ไม่ชัด", None, None)
    assert failed == []
    assert [args for _, args in busy] == [(True,), (False,)]
    stored = {i.code: i.verdict for i in recorded.args[0].checklist}
    assert stored[item.code] == Verdict.ACCEPTED
    assert presenter.detail == recorded.args[0]
    reread = workstation.review.open_application(reviewer, oldest_id)
    assert {i.code: i.verdict for i in reread.checklist}[item.code] == Verdict.ACCEPTED


def test_putting_back_releases_the_claim_and_says_lists_moved(
    qtbot, workstation, reviewer, runner, review_applications
) -> None:
    presenter = _presenter(workstation, reviewer, runner)
    oldest_id, _ = review_applications[0]
    with qtbot.waitSignal(presenter.application_did_open, timeout=10000):
        presenter.open_application(oldest_id)
    seen = _record(presenter, "application_did_change", "claim_did_release")
    with qtbot.waitSignal(presenter.claim_did_release, timeout=10000):
        assert presenter.release_claim()
    assert [name for name, _ in seen] == ["application_did_change", "claim_did_release"]
    history = workstation.review.history(reviewer, oldest_id)
    assert any(entry.type == "application.released" for entry in history)


def test_a_failed_call_says_which_and_in_both_languages(
    qtbot, workstation, reviewer, runner, review_applications
) -> None:
    presenter = _presenter(workstation, reviewer, runner)
    with qtbot.waitSignal(presenter.action_did_fail, timeout=10000) as failed:
        presenter.open_application("no-such-application")
    action, error, th, en = failed.args
    assert action == "open" and error is not None
    assert th.startswith("เปิดคำขอนี้ไม่ได้") and en.startswith("Could not open")
    assert presenter.detail is None
