"""The window gives large buffers back to the system once freed (see give_back_large_buffers):
the canvas's pictures, 10 MB each, come and go with every edit of a room map."""

import subprocess
import sys

import pytest

# Frees buffers of a picture's size, each followed by a small allocation that pins the top of
# the heap, and prints how many MiB the process kept.
FREEING = """
import sys
from commapper.ui.app import give_back_large_buffers
if sys.argv[1] == "given back":
    assert give_back_large_buffers()
def resident():
    status = open("/proc/self/status").read().split("VmRSS:")[1]
    return int(status.split()[0]) // 1024
before = resident()
pinned = []
for size in (8, 10, 12, 10, 9):
    picture = bytearray(size * 1_000_000)
    pinned.append(bytearray(64 * 1024))
    del picture
print(resident() - before)
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's malloc only")
def test_freed_pictures_go_back_to_the_system():
    def kept(mode):
        run = subprocess.run(
            [sys.executable, "-c", FREEING, mode], capture_output=True, text=True, timeout=60
        )
        assert run.returncode == 0, run.stderr
        return int(run.stdout)

    assert kept("given back") <= 3
    assert kept("as malloc would") >= 8  # what the setting is for: freed, and still held
