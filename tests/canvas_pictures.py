"""The canvas as pixels, for tests that compare what a kept picture shows with a fresh one."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QRect
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication


def viewport_image(window) -> QImage:
    """The canvas once its labels are placed and its pictures drawn (on a larger map both come
    in slices)."""
    QApplication.processEvents()
    while not window.scene.labels_placed:
        QApplication.processEvents()
    window.view.viewport().grab()
    window.scene.edge_layer.finish_now()
    window.scene.node_layer.finish_now()
    return window.view.viewport().grab().toImage()


def differing_pixels(first: QImage, second: QImage, outside: QRect | None = None) -> int:
    """Pixels where any channel differs by more than antialiasing's rounding (those
    ``outside`` a rectangle of the image, if given)."""
    differ = abs(pixels(first) - pixels(second)).max(axis=2) > 8
    if outside is not None:
        differ[outside.top() : outside.bottom() + 1, outside.left() : outside.right() + 1] = False
    return int(differ.sum())


def pixels(image: QImage) -> np.ndarray:
    image = image.convertToFormat(QImage.Format.Format_RGB32)
    rows = np.frombuffer(image.constBits(), np.uint8).reshape(image.height(), -1)
    return rows[:, : image.width() * 4].reshape(image.height(), image.width(), 4).astype(int)


def kept_and_fresh(window) -> tuple[QImage, QImage]:
    kept = viewport_image(window)
    # Forget the pictures: the next frame draws them anew.
    window.scene.edge_layer.invalidate()
    window.scene.node_layer.invalidate()
    return kept, viewport_image(window)


def far_from_lines(
    window, first: QImage, second: QImage, edges, pixels_away: float, outside: QRect | None = None
) -> int:
    """Pixels that differ farther than ``pixels_away`` from every one of ``edges`` (and lie
    ``outside`` a rectangle of the image, if given)."""
    differ_mask = abs(pixels(first) - pixels(second)).max(axis=2) > 8
    if outside is not None:
        top, left = outside.top(), outside.left()
        differ_mask[top : outside.bottom() + 1, left : outside.right() + 1] = False
    differ = np.argwhere(differ_mask)[:, ::-1]
    view = window.view
    points = []  # along each edge, straight or curved, in the viewport
    for edge in edges:
        for step in range(201):
            point = view.mapFromScene(edge.curve.pointAtPercent(step / 200))
            points.append((point.x(), point.y()))
    along = np.array(points, float)
    nearest = np.hypot(*(differ[:, None, :] - along[None, :, :]).transpose(2, 0, 1)).min(axis=1)
    return int((nearest > pixels_away).sum())
