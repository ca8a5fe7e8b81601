"""The top of a form dialog: its heading, then labelled fields, each label the field's buddy.

The small form dialogs (a paper licence, a destruction order, …) open the same way: a wrapped
heading styled "DialogHeading", then a form whose long rows wrap under their labels on a
narrow screen; others stack a field under its label (:func:`add_field_under_label`). Built
here once, like their foot (:mod:`ui.common.dialog_buttons`). The labels carry no text: each
dialog words them in its own ``retranslate``. Qt and the naming helper only: the sign-in
uses it before anything else is loaded.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QBoxLayout, QFormLayout, QLabel, QWidget

from ui.common.naming import named

__all__ = ["add_dialog_heading", "add_field_under_label", "add_labelled_fields"]


def add_dialog_heading(body: QBoxLayout) -> QLabel:
    """A wrapped heading at the top of ``body``."""
    heading = named(QLabel(), "DialogHeading")
    heading.setWordWrap(True)
    body.addWidget(heading)
    return heading


def add_labelled_fields(body: QBoxLayout, fields: Sequence[QWidget]) -> list[QLabel]:
    """One form row per field, under the heading; the labels, in the fields' order."""
    form = QFormLayout()
    form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
    labels = [QLabel() for _ in fields]
    for label, field in zip(labels, fields, strict=True):
        label.setBuddy(field)  # Alt + the label's letter reaches the field
        form.addRow(label, field)
    body.addLayout(form)
    return labels


def add_field_under_label(body: QBoxLayout, field: QWidget, *, wrap: bool = False) -> QLabel:
    """A label, then ``field`` under it, added to ``body``; the label (its buddy) returned.
    ``wrap``: a long label wraps over lines instead of widening the dialog."""
    label = QLabel()
    label.setWordWrap(wrap)
    label.setBuddy(field)  # Alt + the label's letter reaches the field
    body.addWidget(label)
    body.addWidget(field)
    return label
