"""Open Recent: most recent first, no duplicates, at most ten, missing files hidden."""

import pytest
from PySide6.QtCore import QSettings

from commapper.ui.files.recent import MAX_RECENT_FILES, RecentFiles


@pytest.fixture
def settings(tmp_path):
    # A settings file of the test's own, so the user's real recent files are never touched.
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


def make_maps(folder, count):
    paths = []
    for number in range(count):
        path = folder / f"map{number}.commap"
        path.write_text("{}")
        paths.append(path)
    return paths


def test_most_recent_first_without_duplicates(qtbot, tmp_path, settings):
    recent = RecentFiles(settings)
    first, second = make_maps(tmp_path, 2)
    with qtbot.waitSignal(recent.changed):
        recent.add(first)
    recent.add(second)
    # The same file by another spelling is the same file.
    recent.add(tmp_path / "sub" / ".." / first.name)
    assert recent.paths() == [first.resolve(), second.resolve()]


def test_at_most_ten_and_kept_across_instances(qtbot, tmp_path, settings):
    paths = make_maps(tmp_path, MAX_RECENT_FILES + 3)
    recent = RecentFiles(settings)
    for path in paths:
        recent.add(path)
    expected = [path.resolve() for path in reversed(paths)][:MAX_RECENT_FILES]
    assert recent.paths() == expected
    reread = QSettings(settings.fileName(), QSettings.Format.IniFormat)
    assert RecentFiles(reread).paths() == expected


def test_missing_files_are_left_out(qtbot, tmp_path, settings):
    recent = RecentFiles(settings)
    kept, gone = make_maps(tmp_path, 2)
    recent.add(kept)
    recent.add(gone)
    gone.unlink()
    assert recent.paths() == [kept.resolve()]
    recent.add(tmp_path)  # a folder is not a map file
    assert recent.paths() == [kept.resolve()]


def test_a_single_entry_survives_the_ini_round_trip(qtbot, tmp_path, settings):
    [only] = make_maps(tmp_path, 1)
    RecentFiles(settings).add(only)
    reread = QSettings(settings.fileName(), QSettings.Format.IniFormat)
    assert RecentFiles(reread).paths() == [only.resolve()]


def test_remove_and_clear(qtbot, tmp_path, settings):
    recent = RecentFiles(settings)
    first, second = make_maps(tmp_path, 2)
    recent.add(first)
    recent.add(second)
    recent.remove(second)
    assert recent.paths() == [first.resolve()]
    with qtbot.waitSignal(recent.changed):
        recent.clear()
    assert recent.paths() == []
