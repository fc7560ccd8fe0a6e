"""Test set-up shared by every test: Qt runs offscreen, before anything imports it."""

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# The benchmark map generator is shared with the tests that need realistic large maps.
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
