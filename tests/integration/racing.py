"""Several real processes on one profile, let loose at the same moment.

Each child is ``python -c <script>`` started from the repository root with the profile's
keyring in a file (``tests/file_keyring.py``). The prelude below opens the profile, says
``ready`` and waits for the start flag (a file); the parent creates it once every child is
ready, so they all start their work together. A child reports with one line
``result <json>`` on stdout.

The profile is what a fixture gives (``shared_profile`` in ``test_concurrency.py``),
parametrised by the kind of store: today the encrypted SQLite file; a later store kind
(PostgreSQL) adds a parameter and the same tests run against it.
"""

from __future__ import annotations

import contextlib
import json
import subprocess
import sys
import textwrap
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from services.kernel.clock import FixedClock
from services.store.context import AppContext
from services.store.profile import load_context
from tests.file_keyring import child_env

ROOT = Path(__file__).resolve().parents[2]
NOW = datetime(2026, 11, 25, 3, 0, tzinfo=UTC)

PRELUDE = textwrap.dedent(
    """
    import json
    import sys
    import time
    from datetime import datetime
    from pathlib import Path

    from services.kernel.clock import FixedClock
    from services.store.profile import load_context

    DATA_DIR, GO, ARGS = Path(sys.argv[1]), Path(sys.argv[2]), json.loads(sys.argv[3])
    ctx = load_context(DATA_DIR, FixedClock(datetime.fromisoformat(ARGS["now"])))


    def start_together():
        print("ready", flush=True)
        while not GO.exists():
            time.sleep(0.001)


    def report(value):
        print("result " + json.dumps(value, ensure_ascii=False), flush=True)

    """
)


@dataclass
class SharedProfile:
    """A profile on disk that this process and its children open at the same time."""

    kind: str
    data_dir: Path
    ring: Path
    workdir: Path

    @contextlib.contextmanager
    def opened(self, now: datetime = NOW) -> Iterator[AppContext]:
        ctx = load_context(self.data_dir, FixedClock(now))
        try:
            yield ctx
        finally:
            ctx.store.close()

    def race(
        self,
        script: str,
        args: Sequence[dict[str, Any]],
        *,
        now: datetime = NOW,
        extra_env: dict[str, str] | None = None,
        timeout: float = 300,
        while_ready: Callable[[], None] | None = None,
    ) -> list[Any]:
        """Run ``script`` (after the prelude) once per entry of ``args``, all released at once.

        An entry's ``data_dir`` opens that profile instead (another station of one agency).

        ``while_ready`` runs once every child is ready and before they are released (while
        each holds whatever it took before ``start_together()``). Returns each child's
        reported result, in the order of ``args``. A child that fails fails the test, with
        its stderr.
        """
        go = self.workdir / f"go-{len(list(self.workdir.glob('go-*')))}"
        code = PRELUDE + textwrap.dedent(script)
        env = child_env(self.ring, **(extra_env or {}))
        children = [
            subprocess.Popen(
                [
                    sys.executable,
                    "-c",
                    code,
                    str(a.get("data_dir", self.data_dir)),
                    str(go),
                    json.dumps({"now": now.isoformat(), **a}),
                ],
                cwd=ROOT,
                env=env,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
            for a in args
        ]
        try:
            for child in children:
                assert child.stdout is not None
                line = child.stdout.readline().strip()
                if line != "ready":
                    _, err = child.communicate(timeout=timeout)
                    raise AssertionError(f"a child did not start: {line!r}\n{err[-3000:]}")
            if while_ready is not None:
                while_ready()
            go.touch()
            results = []
            for child in children:
                out, err = child.communicate(timeout=timeout)
                assert child.returncode == 0, err[-3000:]
                lines = [x for x in out.splitlines() if x.startswith("result ")]
                assert len(lines) == 1, (out, err[-3000:])
                results.append(json.loads(lines[0].removeprefix("result ")))
            return results
        finally:
            for child in children:
                if child.poll() is None:
                    child.kill()
                    child.wait()
