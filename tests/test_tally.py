"""Tallies: sums of counts, ordering, cross-tabs."""

from typing import Any

import pytest

from awards.domain.records import Award, Phase
from awards.errors import UsageProblem
from awards.query.tally import Tally, parse_dimensions, tally, tally_grid, tally_rows


def tally_records(result: Tally) -> Any:
    """What a tally gives scripts: one object per group."""
    return tally_rows(result).records


PHASES = [Phase("2018-2023", "P", 2018, 2023), Phase("2014-2018", "P", 2014, 2018)]


def award(id: int, form: str, issuer: str, year: int, phase: str | None, count: int = 1) -> Award:
    return Award(id, f"R{id}", "individual", count, form, issuer, year, phase)


AWARDS = [
    award(1, "Giấy khen", "Giám đốc Công an tỉnh", 2018, "2014-2018", count=30),
    award(2, "Bằng khen", "UBND tỉnh", 2018, "2014-2018", count=14),
    award(3, "Bằng khen", "Bộ Công an", 2017, "2014-2018", count=10),
    award(4, "Giấy khen", "Giám đốc Công an tỉnh", 2020, "2018-2023"),
    award(5, "Giấy khen", "Chủ tịch LĐLĐ tỉnh", 2011, None, count=2),
]


def test_counts_are_sums_of_record_counts() -> None:
    """A record standing for 30 recipients counts 30; forms come from the highest down."""
    result = tally(AWARDS, ["form"], PHASES)
    assert tally_records(result) == [
        {"form": "Bằng khen", "count": 24},
        {"form": "Giấy khen", "count": 33},
    ]


def test_years_and_phases_in_chronological_order_missing_last() -> None:
    """Phases sort by their years, not by when they were added; no phase comes last."""
    assert [r["phase"] for r in tally_records(tally(AWARDS, ["phase"], PHASES))] == [
        "2014-2018", "2018-2023", None,
    ]  # fmt: skip
    assert [r["year"] for r in tally_records(tally(AWARDS, ["year"], PHASES))] == [
        2011, 2017, 2018, 2020,
    ]  # fmt: skip


def test_other_values_by_count_then_name() -> None:
    """Issuers with more recipients first; ties by name."""
    rows = tally_records(tally(AWARDS, ["issuer"], PHASES))
    assert [r["issuer"] for r in rows] == [
        "Giám đốc Công an tỉnh", "UBND tỉnh", "Bộ Công an", "Chủ tịch LĐLĐ tỉnh",
    ]  # fmt: skip


def test_one_dimension_grid_has_shares_and_total() -> None:
    """A row per value with count and share, and a total row."""
    grid = tally_grid(tally(AWARDS, ["form"], PHASES))
    assert grid.columns == ["Form", "Recipients", "Share"]
    assert grid.rows == [["Bằng khen", 24, "42.1%"], ["Giấy khen", 33, "57.9%"]]
    assert grid.total == ["Total", 57, "100.0%"]


def test_two_dimensions_make_a_crosstab_with_totals() -> None:
    """First dimension as rows, second as columns, totals both ways."""
    grid = tally_grid(tally(AWARDS, ["phase", "form"], PHASES))
    assert grid.columns == ["Phase", "Bằng khen", "Giấy khen", "Total"]
    assert grid.rows == [
        ["2014-2018", 24, 30, 54],
        ["2018-2023", "", 1, 1],
        ["(none)", "", 2, 2],
    ]
    assert grid.total == ["Total", 24, 33, 57]


def test_three_dimensions_make_grouped_rows() -> None:
    """Repeated leading values are shown once per group."""
    grid = tally_grid(tally(AWARDS[:3], ["phase", "form", "issuer"], PHASES))
    assert grid.rows == [
        ["2014-2018", "Bằng khen", "UBND tỉnh", 14],
        ["", "", "Bộ Công an", 10],
        ["", "Giấy khen", "Giám đốc Công an tỉnh", 30],
    ]
    assert grid.total == ["Total", "", "", 54]


def test_dimensions_are_checked() -> None:
    """No --by means phase and form; unknown or repeated dimensions are refused."""
    assert parse_dimensions(None) == ("phase", "form")
    assert parse_dimensions([" Year "]) == ("year",)
    with pytest.raises(UsageProblem, match="cannot tally by 'colour'"):
        parse_dimensions(["colour"])
    with pytest.raises(UsageProblem, match="once"):
        parse_dimensions(["year", "year"])


def test_dimensions_may_be_named_in_vietnamese() -> None:
    """--by năm, --by "hình thức", --by "Cấp khen" are year, form and issuer."""
    from awards.query.tally import parse_dimensions

    assert parse_dimensions(["năm", "Hình thức", "cấp khen", "phân loại"]) == (
        "year", "form", "issuer", "category")  # fmt: skip
