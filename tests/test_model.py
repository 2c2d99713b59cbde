"""Parsing and validation of user values, phase inference, issuer spelling."""

import datetime as dt

import pytest

from awards.domain.build import build_award, build_phase
from awards.domain.records import Award, Issuer, Phase
from awards.domain.spellings import Spellings
from awards.domain.values import parse_date, parse_kind, parse_year
from awards.errors import Conflict, Invalid, NotFound

PHASES = [Phase("2014-2018", "P", 2014, 2018), Phase("2018-2023", "P", 2018, 2023)]


def given(**values: object) -> dict[str, object]:
    base: dict[str, object] = {
        "recipient": "Nguyễn Văn An", "kind": "cá nhân", "form": "Bằng khen",
        "issuer": "UBND tỉnh", "year": 2016,
    }  # fmt: skip
    return base | values


@pytest.mark.parametrize(
    ("typed", "kind"),
    [("tập thể", "collective"), ("Cá Nhân", "individual"), ("ca-nhan", "individual"),
     ("tập thể, cá nhân", "mixed"), ("Individual", "individual"),
     ("Khen thưởng hộ gia đình", "household"), ("Khen thưởng cá nhân", "individual"),
     ("hộ gia đình", "household")],
)  # fmt: skip
def test_kinds_accept_vietnamese(typed: str, kind: str) -> None:
    """Vietnamese kinds are accepted and stored in English."""
    assert parse_kind(typed) == kind


def test_years_run_from_1945_to_next_year() -> None:
    """The range is 1945 to next year; outside it the message names the range."""
    next_year = dt.date.today().year + 1
    assert parse_year(1945) == 1945
    assert parse_year(next_year) == next_year
    with pytest.raises(Invalid, match=f"out of range \\(1945–{next_year}\\)"):
        parse_year(next_year + 1)
    with pytest.raises(Invalid):
        parse_year(1944)


@pytest.mark.parametrize(
    ("typed", "iso"),
    [("2018-06-12", "2018-06-12"), ("12/06/2018", "2018-06-12"), ("1/2/2019", "2019-02-01"),
     ("15-12-2022", "2022-12-15"), ("12.10.2016", "2016-10-12"), ("5/6/17", "2017-06-05"),
     ("5/6/98", "1998-06-05"), ("ngày 15 tháng 6 năm 2017", "2017-06-15"),
     ("Ngay 1 thang 12 nam 2020", "2020-12-01"), ("45275", "2023-12-15")],
)  # fmt: skip
def test_dates_iso_or_vietnamese(typed: str, iso: str) -> None:
    """Dates are read day-first as Vietnamese write them (slashes, dashes, dots, two-digit
    years, in words), or as a spreadsheet's day number, and stored ISO."""
    assert parse_date(typed) == iso


@pytest.mark.parametrize("typed", ["31/02/2018", "2018-13-01", "12.06/2018", "hôm qua", "99999"])
def test_impossible_dates_are_refused(typed: str) -> None:
    """A date that does not exist or is not in a known form is an error."""
    with pytest.raises(Invalid):
        parse_date(typed)


def test_phase_is_inferred_when_one_phase_holds_the_year() -> None:
    """2016 lies only in 2014-2018."""
    assert build_award(given(year=2016), PHASES, []).phase == "2014-2018"
    assert build_award(given(year=2010), PHASES, []).phase is None


def test_boundary_year_names_both_candidates() -> None:
    """2018 lies in both phases: the award is refused and both codes are named."""
    with pytest.raises(Conflict, match="2014-2018 and 2018-2023"):
        build_award(given(year=2018), PHASES, [])
    assert build_award(given(year=2018, phase="2018-2023"), PHASES, []).phase == "2018-2023"


def test_explicit_phase_must_contain_the_year() -> None:
    """--phase 2018-2023 with year 2016 is refused; an unknown code is not found."""
    with pytest.raises(Invalid, match="outside phase 2018-2023"):
        build_award(given(year=2016, phase="2018-2023"), PHASES, [])
    with pytest.raises(NotFound):
        build_award(given(phase="1999-2000"), PHASES, [])


def test_edit_keeps_phase_while_it_holds_the_year_else_infers() -> None:
    """Moving 2018 to 2017 keeps 2014-2018; moving it to 2021 re-infers 2018-2023."""
    award = build_award(given(year=2018, phase="2014-2018"), PHASES, [])
    assert build_award({"year": 2017}, PHASES, [], base=award).phase == "2014-2018"
    assert build_award({"year": 2021}, PHASES, [], base=award).phase == "2018-2023"


def test_mixed_needs_a_count_above_one() -> None:
    """`mixed` stands for a total, so it needs --count 2 or more."""
    with pytest.raises(Invalid, match="count 2 or more"):
        build_award(given(kind="mixed"), PHASES, [])
    assert build_award(given(kind="mixed", count=24), PHASES, []).count == 24


def test_issuer_takes_the_stored_spelling() -> None:
    """Case, spacing and normal form resolve to the stored issuer."""
    known = Spellings(issuers=[Issuer("UBND tỉnh")])
    assert known.issuer("ubnd  TỈNH", allow_new=False) == "UBND tỉnh"


def test_issuer_differing_by_diacritics_asks_did_you_mean() -> None:
    """`UBND tinh` next to `UBND tỉnh` is refused unless allowed as new."""
    known = Spellings(issuers=[Issuer("UBND tỉnh")])
    with pytest.raises(Conflict, match="did you mean 'UBND tỉnh'"):
        known.issuer("UBND tinh", allow_new=False)
    assert known.issuer("UBND tinh", allow_new=True) == "UBND tinh"


def test_phase_edit_refused_while_awards_fall_outside() -> None:
    """Shrinking a phase below its awards' years is refused with the count."""
    awards = [Award(1, "A", "individual", 1, "Bằng khen", "X", 2014, "2014-2018")]
    with pytest.raises(Conflict, match="1 award"):
        build_phase({"start": 2015}, PHASES, awards, base=PHASES[0])


def test_phase_codes_are_unique_and_plain() -> None:
    """A second 2014-2018 (any case) or a code with spaces is refused."""
    with pytest.raises(Conflict):
        build_phase({"code": "2014-2018", "program": "P", "start": 2014, "end": 2018}, PHASES)
    with pytest.raises(Invalid):
        build_phase({"code": "giai đoạn 1", "program": "P", "start": 2014, "end": 2018}, PHASES)
    with pytest.raises(Invalid, match="after end"):
        build_phase({"code": "x", "program": "P", "start": 2019, "end": 2018}, PHASES)


def test_a_unit_spelled_like_an_issuer_still_takes_the_stored_spelling() -> None:
    """Issuers and units are learned apart: a unit named like an issuer is not passed over."""
    from awards.domain.spellings import Spellings

    stored = {"recipient": "A", "kind": "collective", "count": 1, "form": "Giấy khen",
              "issuer": "UBND tỉnh", "year": 2020, "unit": "UBND tỉnh"}  # fmt: skip
    spellings = Spellings([stored])
    assert spellings.unit("ubnd  TỈNH") == "UBND tỉnh"
    assert spellings.issuer("ubnd tỉnh", allow_new=False) == "UBND tỉnh"
