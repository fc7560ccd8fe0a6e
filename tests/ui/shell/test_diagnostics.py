"""An unexpected error is logged and shown in a dialog, not lost on stderr."""

from PySide6.QtWidgets import QApplication, QMessageBox

from commapper.ui.shell import diagnostics


def _boxes() -> list[QMessageBox]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox)]


def test_an_unexpected_error_is_logged_and_shown_with_its_details(qtbot, monkeypatch, tmp_path):
    monkeypatch.setattr(diagnostics, "log_folder", lambda: tmp_path / "logs")
    log_file = diagnostics.start_logging()
    monkeypatch.setattr("sys.excepthook", diagnostics.sys.excepthook)  # restored afterwards
    monkeypatch.setattr("threading.excepthook", diagnostics.threading.excepthook)
    diagnostics.install_exception_hook()
    try:
        raise ValueError("a bug of ours")
    except ValueError as error:
        diagnostics.sys.excepthook(type(error), error, error.__traceback__)
    qtbot.waitUntil(lambda: bool(_boxes()))
    [box] = _boxes()
    assert (
        "Something went wrong" in box.text() and "ValueError: a bug of ours" in box.detailedText()
    )
    copy = next(b for b in box.buttons() if b.text().startswith("Copy Details"))
    copy.click()
    assert "ValueError: a bug of ours" in QApplication.clipboard().text()
    for handler in diagnostics.log.handlers:
        handler.flush()
    assert "ValueError: a bug of ours" in log_file.read_text(encoding="utf-8")
    box.close()
    for handler in list(diagnostics.log.handlers):
        diagnostics.log.removeHandler(handler)
        handler.close()
