"""Test settings: Hypothesis runs derandomized (the same examples on every machine), keeps
no example database and caches in the system's temporary folder, so a test run writes
nothing into the repository."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import settings
from hypothesis.configuration import set_hypothesis_home_dir

set_hypothesis_home_dir(Path(tempfile.gettempdir()) / "liaison-python-hypothesis")
settings.register_profile("liaison", database=None, derandomize=True, deadline=None)
settings.load_profile("liaison")
