"""The check rules: each one with a record that breaks it and one that does not."""

from __future__ import annotations

import unicodedata

import pytest

from awards.domain.records import Award, Issuer, Phase
from awards.reports.check import RULES, check
from awards.store.codec import award_record

PHASES = [Phase("2014-2018", "P", 2014, 2018), Phase("2018-2023", "P", 2018, 2023)]
ISSUERS = [
    Issuer("Bộ Công an", "ministry"),
    Issuer("UBND tỉnh", "province"),
    Issuer("Giám đốc Công an tỉnh", "department"),
    Issuer("Chủ tịch LĐLĐ tỉnh", "organisation"),
]
GOOD = Award(1, "Nguyễn Văn An", "individual", 1, "Bằng khen", "UBND tỉnh", 2016, "2014-2018",
             "12/QĐ-UBND", "2016-05-02")  # fmt: skip


def findings(*awards: Award, issuers: list[Issuer] = ISSUERS) -> list[tuple[str, tuple[int, ...]]]:
    return [(f.rule, f.awards) for f in check(stored(*awards), PHASES, issuers)]


def stored(*awards: Award) -> list[list[tuple[str, dict[str, object]]]]:
    """The awards as the data file holds them, with their ids, in parts (here one): what
    check reads."""
    return [[(str(award.id), award_record(award)) for award in awards]]


def test_a_sound_award_passes_every_rule() -> None:
    """The baseline: nothing to report."""
    assert findings(GOOD) == []


@pytest.mark.parametrize(
    ("award", "rule"),
    [
        (GOOD.replaced(form="Giấy khen"), "level-form"),  # Giấy khen from a province
        (GOOD.replaced(issuer="Giám đốc Công an tỉnh", decision=None), "level-form"),  # Bằng khen from a unit head
        (GOOD.replaced(form="Cờ thi đua"), "kind-form"),  # a collective-only form to an individual
        (GOOD.replaced(form="Chiến sĩ thi đua", kind="collective"), "kind-form"),
        (GOOD.replaced(year=2020, decided_on="2020-05-02"), "phase-year"),  # not in 2014–2018
        (GOOD.replaced(phase="1999-2000"), "phase-year"),  # no such phase
        (GOOD.replaced(decided_on="2017-01-05"), "decision-year"),
    ],
)  # fmt: skip
def test_each_rule_finds_the_record_that_breaks_it(award: Award, rule: str) -> None:
    """One broken record, one finding, with its rule and id."""
    assert findings(award) == [(rule, (1,))]


def test_a_finding_names_every_award_it_is_about_whatever_else_they_hold() -> None:
    """The awards of one wrong form, kind and issuer in other years and phases, and of one
    year outside its phase from other issuers and forms, are each one finding, naming all of
    them in order."""
    flag = GOOD.replaced(form="Cờ thi đua", decision=None, decided_on=None)  # collective-only
    flags = [flag.replaced(id=1), flag.replaced(id=2, year=2020, phase="2018-2023"),
             flag.replaced(id=3, recipient="Lê Chi")]  # fmt: skip
    assert findings(*flags) == [("kind-form", (1, 2, 3))]
    late = GOOD.replaced(year=2020, decision=None, decided_on=None)  # not in 2014–2018
    lates = [
        late.replaced(id=4, recipient="Lê Chi", issuer="Bộ Công an"),
        late.replaced(id=5),
        late.replaced(id=6, recipient="Hà An", form="Giấy khen", issuer="Chủ tịch LĐLĐ tỉnh"),
    ]
    assert findings(*lates) == [("phase-year", (4,)), ("phase-year", (5,)), ("phase-year", (6,))]
    assert findings(*flags, *lates) == [("kind-form", (1, 2, 3)), ("phase-year", (4,)),
                                        ("phase-year", (5,)), ("phase-year", (6,))]  # fmt: skip


def test_the_labour_federation_gives_both_forms() -> None:
    """An organisation-level issuer may give Giấy khen and Bằng khen (its own statutes)."""
    giay = GOOD.replaced(issuer="Chủ tịch LĐLĐ tỉnh", form="Giấy khen", decision=None)
    bang = GOOD.replaced(id=2, issuer="Chủ tịch LĐLĐ tỉnh", recipient="Trần Bình", decision=None)
    assert findings(giay, bang) == []


def test_an_issuer_without_a_level_is_reported_once() -> None:
    """All its awards under one finding, whatever their forms."""
    first = GOOD.replaced(issuer="Sở Nội vụ", decision=None)
    second = first.replaced(id=2, recipient="Trần Bình", form="Giấy khen")
    assert findings(first, second) == [("level-unset", (1, 2))]


def test_a_decision_number_with_two_dates_in_a_year_or_two_issuers_on_a_day() -> None:
    """One number of one body in one year is one decision, with one date; one number on one
    day is one decision, with one signer."""
    other_date = GOOD.replaced(id=2, recipient="Trần Bình", decided_on="2016-07-01")
    other_issuer = GOOD.replaced(id=3, recipient="Lê Chi", issuer="Bộ Công an")
    assert findings(GOOD, other_date) == [("decision-twice", (1, 2))]
    assert findings(GOOD, other_issuer) == [("decision-twice", (1, 3))]
    assert findings(GOOD, GOOD.replaced(id=2, recipient="Trần Bình")) == []
    spelled = GOOD.replaced(
        id=2, recipient="Trần Bình", decision=" 12/qđ-ubnd", decided_on="2016-07-01"
    )
    assert findings(GOOD, spelled) == [("decision-twice", (1, 2))]
    undated = GOOD.replaced(id=4, recipient="Phạm Dung", decided_on=None)
    assert findings(GOOD, other_date, undated) == [("decision-twice", (1, 2, 4))]


def test_a_decision_date_typed_by_hand_as_other_text_is_a_finding() -> None:
    """A file edited by hand may hold any text as a date: it is of another year than the
    award, and the check goes on."""
    typed = GOOD.replaced(decided_on="abc")
    assert [(f.rule, f.awards, f.message) for f in check(stored(typed), PHASES, ISSUERS)] == [
        ("decision-year", (1,), "award year 2016, but its decision is dated abc")
    ]


def test_a_decision_number_of_another_year_or_body_is_another_decision() -> None:
    """Numbers start again at 01 every year, and each body numbers its own (Nghị định
    30/2020/NĐ-CP, Điều 15): 12/QĐ-UBND of 2016 and of 2017 are two decisions, as are the
    province's and a district's 12/QĐ-UBND of different days."""
    next_year = GOOD.replaced(id=2, recipient="Trần Bình", year=2017, decided_on="2017-03-01")
    district = GOOD.replaced(id=3, recipient="Lê Chi", issuer="Bộ Công an", decided_on="2016-09-09")
    assert findings(GOOD, next_year, district) == []
    again = next_year.replaced(id=4, recipient="Phạm Dung", decided_on="2017-04-01")
    twice = check(stored(GOOD, next_year, district, again), PHASES, ISSUERS)
    assert [(f.rule, f.awards, f.message) for f in twice] == [
        (
            "decision-twice",
            (2, 4),
            ("decision 12/QĐ-UBND of UBND tỉnh appears with dates 2017-03-01, 2017-04-01"),
        )
    ]
    signed = GOOD.replaced(id=5, recipient="Võ Em", issuer="Bộ Công an")
    assert [f.message for f in check(stored(GOOD, signed), PHASES, ISSUERS)] == [
        "decision 12/QĐ-UBND of 2016-05-02 appears with issuers Bộ Công an, UBND tỉnh"
    ]


def test_probable_duplicates_are_the_same_award_in_another_case() -> None:
    """Same person (in another case), unit, form, issuer and year: a duplicate; a
    name that differs in its diacritics is another name, noted as a possible misspelling; two
    decisions of their own tell two awards apart, one without a decision does not."""
    twin = GOOD.replaced(id=2, recipient="NGUYỄN VĂN AN", decision=None, decided_on=None)
    assert findings(GOOD, twin) == [("duplicate", (1, 2)), ("spelling", (1, 2))]
    assert findings(GOOD, twin.replaced(year=2017)) == [("spelling", (1, 2))]
    assert findings(GOOD, twin.replaced(unit="Công ty khác")) == [("spelling", (1, 2))]
    bare = twin.replaced(recipient="NGUYEN VAN AN")
    assert findings(GOOD, bare) == [("spelling", (1, 2))]
    other = twin.replaced(decision="99/QĐ-UBND", decided_on="2016-05-01")
    assert ("duplicate", (1, 2)) not in findings(GOOD, other)
    assert findings(GOOD, twin.replaced(recipient="Nguyễn Văn Anh")) == []
    others = [GOOD.replaced(id=n, recipient=f"Lê Thị {n}", decision=None) for n in (6, 7, 8, 9)]
    third = twin.replaced(id=3, decision="99/QĐ-UBND", decided_on="2016-05-01")
    assert [f for f in findings(*others, GOOD, twin, third) if f[0] == "duplicate"] == [
        ("duplicate", (1, 2)),
        ("duplicate", (2, 3)),
    ]  # twin undecided: one with each


def test_one_name_held_twice_or_no_name_held_twice_is_a_duplicate() -> None:
    """A copy of an award, its name as it was, is a duplicate and no second spelling; so are
    two awards alike but for naming no one (a file edited by hand)."""
    copy = GOOD.replaced(id=2, decision=None, decided_on=None)
    assert findings(GOOD, copy) == [("duplicate", (1, 2))]
    nameless = [GOOD.replaced(id=n, recipient="") for n in (3, 4)]
    assert findings(*nameless) == [("duplicate", (3, 4))]


def test_duplicates_with_tones_placed_the_old_way_or_an_eth_for_d_are_found() -> None:
    """Hòa and Hoà, Đức and Ðức (the Icelandic eth typed for đ) are one name to the duplicate
    rule, which keys only the names that fold alike: every two alike by their key fold alike.
    Each pair is also one name spelled two ways."""
    one = GOOD.replaced(recipient="Lê Văn Đức Hòa", decision=None, decided_on=None)
    for spelled in ("Lê Văn Ðức Hoà", "LÊ VĂN ÐỨC HOÀ", "Lê Văn Đức Hoà"):
        twin = one.replaced(id=2, recipient=spelled)
        assert findings(one, twin) == [("duplicate", (1, 2)), ("spelling", (1, 2))]
    assert findings(one, one.replaced(id=2, recipient="Lê Văn Dức Hòa")) == [("spelling", (1, 2))]


def test_awards_in_parts_are_checked_as_in_one() -> None:
    """check takes the awards in the parts a reading gives them in: cut anywhere, with a part
    empty and a revoked award among them, the findings are those of the awards in one part."""
    twin = GOOD.replaced(id=2, recipient="NGUYỄN VĂN AN", decision=None, decided_on=None)
    revoked = GOOD.replaced(id=3, form="Giấy khen", revoked_decision="9/QĐ")
    outside = GOOD.replaced(id=4, recipient="Lê Chi", year=2024, decision=None, decided_on=None)
    (part,) = stored(GOOD, revoked, twin, outside)
    whole = check([part], PHASES, ISSUERS)
    assert [(f.rule, f.awards) for f in whole] == [
        ("phase-year", (4,)), ("duplicate", (1, 2)), ("spelling", (1, 2))]  # fmt: skip
    for cut in range(len(part) + 1):
        assert check([part[:cut], [], part[cut:]], PHASES, ISSUERS) == whole


def test_units_and_issuers_spelled_two_ways() -> None:
    """Values that differ only by case or diacritics split a tally."""
    one = GOOD.replaced(unit="Công ty Bình An", decision=None)
    two = GOOD.replaced(id=2, recipient="Trần Bình", unit="Cong ty Binh An", decision=None)
    assert findings(one, two) == [("spelling", (1, 2))]
    issuers = [*ISSUERS, Issuer("UBND Tỉnh", "province")]
    three = GOOD.replaced(id=3, recipient="Lê Chi", issuer="UBND Tỉnh", decision=None)
    assert findings(GOOD.replaced(decision=None), three, issuers=issuers) == [("spelling", (1, 3))]


def test_revoked_awards_are_not_checked() -> None:
    """A revoked award has been dealt with."""
    revoked = GOOD.replaced(form="Giấy khen", revoked_decision="9/QĐ", revoked_on="2017-01-01")
    assert findings(revoked) == []


def test_every_rule_has_a_title_and_a_basis() -> None:
    """The table says what each rule is and where it comes from."""
    assert all(rule.title and rule.basis for rule in RULES.values())
    found = {
        f.rule for f in check(stored(GOOD.replaced(issuer="X", form="Cờ thi đua")), PHASES, [])
    }
    assert found <= set(RULES) and found == {"level-unset", "kind-form"}


def test_a_register_of_many_awards_is_checked_as_each_award_would_be() -> None:
    """25,000 awards, so that names are folded and keyed many at a time: a misspelling, a
    duplicate in another case and tone placement, a decision of another year and a name in
    NFD lie in different parts, and each is found with exactly its awards; the rest, each its
    own name, pass."""
    awards = [GOOD.replaced(id=n, recipient=f"Trần Thị Hòa {n}", decision=None)
              for n in range(1, 25_001)]  # fmt: skip
    awards[2] = awards[2].replaced(recipient="Nguyễn Thị Hoà")  # id 3
    awards[23_999] = awards[23_999].replaced(recipient="Nguyen Thi Hoa")  # id 24,000
    awards[4] = awards[4].replaced(recipient="Lê Thủy")  # id 5
    awards[15_004] = awards[15_004].replaced(recipient="LÊ THUỶ")  # id 15,005
    awards[6] = awards[6].replaced(decided_on="2017-01-05")  # id 7
    nfd = unicodedata.normalize("NFD", "Đặng Văn Ảnh")
    awards[12_344] = awards[12_344].replaced(recipient=nfd)  # id 12,345
    awards[20_000] = awards[20_000].replaced(recipient=nfd)  # id 20,001
    assert findings(*awards) == [
        ("decision-year", (7,)),
        ("duplicate", (5, 15_005)),
        ("duplicate", (12_345, 20_001)),
        ("spelling", (3, 24_000)),
        ("spelling", (5, 15_005)),
    ]


def test_the_duplicate_keys_of_many_records_are_each_record_s() -> None:
    """``duplicate_keys`` over stored records, one line and clean or not, agrees with
    ``duplicate_key`` of each: case, NFD, old tone placement, no unit, no decision."""
    from awards.domain.records import duplicate_key, duplicate_keys

    records = [record for part in stored(
        GOOD, GOOD.replaced(id=2, recipient="NGUYỄN  VĂN AN", unit=None),
        GOOD.replaced(id=3, recipient=unicodedata.normalize("NFD", "Hòa Thủy"), decision=None),
        GOOD.replaced(id=4, recipient="Hoà Thuỷ", decision="12/qđ-ubnd"),
        GOOD.replaced(id=5, recipient="Line\nbreak"),
    ) for _, record in part]  # fmt: skip
    keys = duplicate_keys(records)
    assert keys == list(map(duplicate_key, records))
    assert keys[2][0] == keys[3][0]  # one name, its tones placed two ways
    assert keys[3][1] == keys[0][1]  # one decision, in another case
