"""System parts the tests need (a Debian package, a server, a built venv).

Where a part is missing, a test skips and says what to install; under
``CI=true`` it fails instead, because ``.ci/run`` installs every part.
"""

from __future__ import annotations

import os

import pytest

IN_CI = os.environ.get("CI") == "true"


def need(ok: bool, reason: str) -> None:
    """Skip without the part; under CI=true the part is required."""
    if ok:
        return
    if IN_CI:
        pytest.fail(f"CI=true but {reason} (.ci/run installs it)")
    pytest.skip(reason)
