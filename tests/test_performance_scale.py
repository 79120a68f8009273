"""The performance report over a year of a busy office (issue #15): every late visit counted,
the most late listed as table rows per step with the count of the others, in a few pages."""

from __future__ import annotations

from datetime import timedelta

import pypdf
import pytest

from sopdesk.engine.demo import build_demo
from sopdesk.reports import render_performance
from sopdesk.reports.performance import LATE_SHOWN, step_stats


@pytest.fixture
def year(ws):
    build_demo(ws, cases=600, seed=3)
    end = ws.calendar.local(ws.clock()).date()
    return end - timedelta(days=365), end


def test_a_year_of_late_cases_is_a_few_pages_of_table_rows(ws, year, tmp_path):
    start, end = year
    stats = step_stats(ws, ws.catalog.sop("PP"), start, end)
    crowded = [s for s in stats if s.late_count > LATE_SHOWN]
    assert crowded  # the demo year has steps with more late visits than are listed
    for s in stats:
        assert len(s.late) == min(s.late_count, LATE_SHOWN)
        assert [delay for _, delay in s.late] == sorted((delay for _, delay in s.late), reverse=True)
        assert s.with_standard == s.on_time + s.late_count

    path = render_performance(ws, "PP", start, end, tmp_path / "kinerja.pdf")
    reader = pypdf.PdfReader(path)
    assert len(reader.pages) <= 6
    text = " ".join(" ".join(page.extract_text().split()) for page in reader.pages)
    for s in crowded:
        number, delay = s.late[0]
        assert number in text  # the most late case of the step is a row
        assert f"({s.late_count} kasus terlambat; mutu baku {s.waktu})" in text
        rest = f"{s.late_count - LATE_SHOWN:,}".replace(",", ".")
        assert f"dan {rest} kasus terlambat lainnya" in text
