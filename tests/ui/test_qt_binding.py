"""The Qt binding this project runs on keeps Python's reference counts straight."""

import sys

from PySide6.QtGui import QColor, QPen


def test_calls_that_return_nothing_do_not_drop_references_to_none(qapp):
    # PySide6 6.12.0 on Python 3.11 released None once per such call, and the app crashed
    # ("deallocating None") after a few thousand edges were drawn.
    pen, colour = QPen(), QColor("red")
    before = sys.getrefcount(None)
    for _ in range(2000):
        pen.setWidthF(2.0)
        colour.setAlphaF(0.5)
    assert sys.getrefcount(None) >= before
