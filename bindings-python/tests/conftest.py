"""Test settings: Hypothesis keeps no example database and caches in the system's temporary
folder, so a test run writes nothing into the repository.

Two profiles, chosen by the environment variable ``LIAISON_HYPOTHESIS_PROFILE``:

- ``liaison`` (the default, ``make test``): derandomized — the same examples on every
  machine — and 100 examples per property, so the suite stays fast;
- ``fuzz`` (``make fuzz``): random examples, ``LIAISON_FUZZ_EXAMPLES`` per property (5 000
  unless set), printing a blob that reproduces any failure (``@reproduce_failure``).
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from hypothesis import settings
from hypothesis.configuration import set_hypothesis_home_dir

set_hypothesis_home_dir(Path(tempfile.gettempdir()) / "liaison-python-hypothesis")
settings.register_profile("liaison", database=None, derandomize=True, deadline=None, max_examples=100)
settings.register_profile(
    "fuzz",
    database=None,
    derandomize=False,
    deadline=None,
    max_examples=int(os.environ.get("LIAISON_FUZZ_EXAMPLES", "5000")),
    print_blob=True,
)
settings.load_profile(os.environ.get("LIAISON_HYPOTHESIS_PROFILE", "liaison"))
