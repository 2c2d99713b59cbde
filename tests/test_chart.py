"""tally --chart: bars whose lengths follow the counts, stacked with a legend for two dimensions."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from awards.render import CHART_WIDTH
from tests.conftest import Run

Ok = Callable[..., str]
SAMPLE = str(Path(__file__).resolve().parent.parent / "data" / "sample.json")


def test_one_dimension_draws_a_bar_per_value_scaled_to_the_largest(ok: Ok) -> None:
    """The largest count fills the width; the others are in proportion, with their counts."""
    lines = ok(["--db", SAMPLE, "tally", "--by", "year", "--chart"]).splitlines()
    bars = {line.split()[0]: (line.count("█"), int(line.split()[-1])) for line in lines}
    assert bars["2018"] == (CHART_WIDTH, 84)
    for year, (length, count) in bars.items():
        assert length == round(count * CHART_WIDTH / 84), year


def test_two_dimensions_stack_the_second_with_a_legend(ok: Ok) -> None:
    """Each segment is as long as its share; the legend names the fill of each series."""
    lines = ok(["--db", SAMPLE, "tally", "--by", "phase", "--by", "form", "--chart"]).splitlines()
    assert lines[0] == "2014-2018  " + "█" * 14 + "▒" * 36 + " 84"
    assert lines[1] == "2018-2023  " + "█" * 1 + "▓" * 1 + "▒" * 9 + " 18"
    assert lines[-1] == "█ Bằng khen  ▓ Chiến sĩ thi đua cơ sở  ▒ Giấy khen"


def test_chart_limits_are_one_line_errors(ok: Ok, run: Run) -> None:
    """Three dimensions, or a chart with a file format, are refused with exit 1."""
    three = run(
        ["--db", SAMPLE, "tally", "--by", "year", "--by", "form", "--by", "kind", "--chart"]
    )
    assert (three.exit_code, three.stderr) == (1, "Error: --chart draws one or two dimensions\n")
    json = run(["--db", SAMPLE, "tally", "--chart", "-f", "json"])
    assert json.stderr == "Error: --chart draws on the screen; leave out --format and --output\n"
