"""``anuyat gui``: paint the sign-in first, open the profile behind it.

This module is imported when the command runs and imports only the GUI's start; the
services, the store and the composition root (:mod:`app.bootstrap`) are imported by
:func:`_Opening.__call__`, which the GUI runs in its database worker once the sign-in has
painted. A profile that cannot be opened (wrong key, no keyring, a schema too new…) is
explained in the sign-in window in Thai and English, as the command line says it elsewhere.
"""

from __future__ import annotations

import argparse
import logging
import os
import threading
from pathlib import Path
from typing import TYPE_CHECKING

from app.settings import Settings

if TYPE_CHECKING:
    from app.bootstrap import Runtime
    from ui.shell.opening import OpenedProfile

__all__ = ["cmd_gui"]

log = logging.getLogger(__name__)


class _Opening:
    """Opens the profile when called (in a worker) and closes it when the GUI has ended."""

    def __init__(self, data_dir: Path, settings: Settings) -> None:
        self._data_dir = data_dir
        self._settings = settings
        self._lock = threading.Lock()
        self._runtime: Runtime | None = None
        self._closed = False

    def __call__(self) -> OpenedProfile:
        finder = threading.Thread(target=_find_the_keyring, name="keyring-probe", daemon=True)
        finder.start()
        from app.bootstrap import prepare_viewer_copies
        from app.cli.common import open_profile
        from ui.shell.opening import OpenedProfile

        finder.join()  # the profile's key is read from the keyring it chose
        runtime = open_profile(self._data_dir, self._settings)
        with self._lock:
            late = self._closed  # the officer closed the sign-in while the profile opened
            if not late:
                self._runtime = runtime
        if late:
            runtime.close()
        runtime.ports.shell  # noqa: B018  # built here, in the worker: the sign-in's facade
        return OpenedProfile(
            runtime.ports,
            accounts=runtime.officers,
            demo_warning=runtime.demo_file_keyring,
            viewer_dir=prepare_viewer_copies(self._data_dir),
        )

    def close(self) -> None:
        with self._lock:
            self._closed = True
            runtime, self._runtime = self._runtime, None
        if runtime is not None:
            runtime.close()


def _find_the_keyring() -> None:
    """Let the keyring library choose its backend while the worker imports the store.

    It probes every platform's backend; on Linux the macOS one looks for its libraries with
    ``ctypes.util.find_library``, which runs ldconfig and the C compiler: about a quarter of
    a second spent waiting on other processes, which overlaps the imports (they need the
    interpreter, the waiting does not). A failure is left to opening the profile, which asks
    again and explains it.
    """
    try:
        import keyring

        keyring.get_keyring()
    except Exception:
        log.debug("choosing the keyring's backend failed; the profile's opening says why")


def cmd_gui(args: argparse.Namespace, data_dir: Path, settings: Settings) -> int:
    from ui.shell.start import run_gui

    opening = _Opening(data_dir, settings)
    try:
        return run_gui(
            opening,
            # None (not chosen, not set in a file): the GUI's default, Thai, which is also
            # the declared default; asking the declarations for it would load them first.
            language=args.lang or settings.set_in_files("language"),
            quit_after_first_paint=os.environ.get("ANUYAT_QUIT_AFTER_FIRST_PAINT") == "1",
            quit_when_ready=os.environ.get("ANUYAT_QUIT_WHEN_READY") == "1",
        )
    finally:
        opening.close()
