"""The role bar stays on one line (issue #15 session, h3): in a large office an administrator's
ten buttons ("Kasubag (870) ⚠425") wrapped to a second line at 1366x768 and at 1024x768. The
buttons now say less as the room shrinks; the current role keeps its counts; only when the
names alone do not fit do the last roles go under a menu, and picking one switches to it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QButtonGroup, QVBoxLayout, QWidget

from sopdesk.gui.role_bar import RoleBar

ROLES = ["Help Desk", "Kabag", "Kasubag", "Ketua", "Komisioner", "Panitia Kegiatan", "Peserta", "Pokja PAW",
         "Sekretaris", "Staf"]
LARGE = {"Help Desk": (60, 60), "Kabag": (14, 14), "Kasubag": (870, 425), "Ketua": (24, 24),
         "Komisioner": (145, 145), "Panitia Kegiatan": (70, 70), "Peserta": (484, 0), "Pokja PAW": (237, 37),
         "Sekretaris": (300, 300), "Staf": (68, 68)}  # the 100,000-case demo office


def bar_at(qtbot, width: int, current: str = "Kasubag") -> tuple[RoleBar, QButtonGroup, QWidget]:
    holder = QWidget()
    qtbot.addWidget(holder)
    group = QButtonGroup(holder)
    bar = RoleBar(ROLES, group)
    QVBoxLayout(holder).addWidget(bar)
    for button in group.buttons():
        button.setChecked(button.property("role") == current)
    bar.show_counts(LARGE)
    holder.resize(width, 200)
    holder.show()
    qtbot.waitExposed(holder)
    qtbot.wait(20)
    return bar, group, holder


@pytest.mark.parametrize("width", [1366, 1024])
def test_every_role_of_a_large_office_is_a_button_on_one_line(qtbot, width):
    bar, group, _ = bar_at(qtbot, width - 20)
    buttons = group.buttons()
    assert all(button.isVisible() for button in buttons) and not bar.more.isVisible()
    assert len({button.mapTo(bar, QPoint(0, 0)).y() for button in buttons}) == 1
    assert all(button.mapTo(bar, QPoint(button.width(), 0)).x() <= bar.width() for button in buttons)
    current = next(button for button in buttons if button.isChecked())
    assert current.text() in ("Kasubag (870) ⚠425", "Kasubag 870 ⚠425")  # the current role keeps its counts
    if width == 1024:  # the others say only where work is late; the counts are in their tooltips
        assert {button.text() for button in buttons if button.property("role") in ("Peserta", "Kabag")} == {
            "Peserta", "Kabag ⚠"}


def test_a_wide_bar_says_everything(qtbot):
    _, group, _ = bar_at(qtbot, 1900)
    assert {button.text() for button in group.buttons()} >= {"Kasubag (870) ⚠425", "Peserta (484)"}


def test_the_roles_that_do_not_fit_are_in_a_menu_and_the_current_one_stays_a_button(qtbot):
    bar, group, _ = bar_at(qtbot, 520, current="Sekretaris")
    shown = [button.property("role") for button in group.buttons() if button.isVisible()]
    assert "Sekretaris" in shown and shown[0] == "Help Desk" and len(shown) < len(ROLES)
    assert bar.more.isVisible() and bar.more.text().startswith(f"{len(ROLES) - len(shown)} peran lain")
    assert len({b.mapTo(bar, QPoint(0, 0)).y() for b in group.buttons() if b.isVisible()}) == 1
    actions = bar.more.menu().actions()
    assert [action.text().split(" (")[0] for action in actions] == [r for r in ROLES if r not in shown]
    picked = []
    group.buttonClicked.connect(lambda button: picked.append(button.property("role")))
    actions[-1].trigger()
    assert picked == [actions[-1].text().split(" (")[0]]


def test_a_role_not_counted_yet_shows_its_name_and_no_zero(qtbot):
    """Seen by h4 on Xvfb with a half-updated tree: "Kasubag (0)" beside "Kotak Masuk (856)"."""
    holder = QWidget()
    qtbot.addWidget(holder)
    group = QButtonGroup(holder)
    bar = RoleBar(["Kasubag", "Sekretaris"], group)
    QVBoxLayout(holder).addWidget(bar)
    holder.resize(1000, 100)
    holder.show()
    qtbot.waitExposed(holder)
    assert [button.text() for button in group.buttons()] == ["Kasubag", "Sekretaris"]
    bar.show_counts({"Kasubag": (856, 2)})
    assert [button.text() for button in group.buttons()] == ["Kasubag (856) ⚠2", "Sekretaris"]
