"""A catalog written back as a catalog file (TOML), in the shape the checker reads.

An edit made in the window is checked by writing the whole edited catalog out and reading
it back through :mod:`services.catalog.checker`, so a form is held to exactly the rules (and
gets exactly the problems) a file would; the administrator can also export the catalog in
force to edit it elsewhere and import it again.
"""

from __future__ import annotations

from typing import Any

import tomli_w

from services.catalog.loader import Catalog, ServiceSpec

__all__ = ["catalog_toml", "service_table"]

_HEADER = (
    "# คู่มือประชาชน (รายการบริการ) — Citizen manual, written by Anuyat.\n"
    "# The format is described at the top of resources/catalog/services.toml.\n\n"
)


def service_table(spec: ServiceSpec) -> dict[str, Any]:
    """One ``[[services]]`` block: TOML has no null, and empty optional lists or texts are
    left out as a person writing the file would leave them out."""
    data = spec.as_dict()
    table = {k: v for k, v in data.items() if v is not None}
    table["fee"] = _fee(data["fee"])
    table["required_documents"] = [_trimmed(d) for d in data["required_documents"]]
    table["form_fields"] = [_trimmed(f) for f in data["form_fields"]]
    return table


def catalog_toml(catalog: Catalog | tuple[ServiceSpec, ...]) -> str:
    """The whole catalog as the text of a catalog file."""
    services = [service_table(spec) for spec in catalog]
    return _HEADER + tomli_w.dumps({"format_version": 1, "services": services})


def _fee(fee: dict[str, Any]) -> dict[str, Any]:
    """The fee as the file writes it: the rule's parts only when it has them, tiers as a
    list of tables (the open-ended last one without ``up_to``), choices as a table."""
    out = {k: v for k, v in fee.items() if v not in ("", [], None)}
    if out.get("rule") == "fixed":
        del out["rule"]
    if not out.get("rate_satang"):
        out.pop("rate_satang", None)
    if fee.get("tiers"):
        out["tiers"] = [{k: v for k, v in t.items() if v is not None} for t in fee["tiers"]]
    if fee.get("choices"):
        out["choices"] = {name: amount for name, amount in fee["choices"]}
    return out


def _trimmed(entry: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in entry.items() if v not in ("", [], None)}
