"""Text clean-up, folding and safe display."""

import itertools
import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from awards import text


def test_clean_makes_nfc_and_collapses_spaces() -> None:
    """NFD input, tabs, non-breaking and repeated spaces all give the same stored text."""
    nfd = unicodedata.normalize("NFD", "Bằng khen")
    assert text.clean(f"  {nfd}\t \u00a0") == "Bằng khen"
    assert text.clean(" Bằng   khen ") == "Bằng khen"


def test_clean_removes_escape_sequences_whole() -> None:
    """Colour, OSC 8 hyperlink and OSC 0 title sequences vanish with their parameters."""
    assert text.clean("\x1b[31mĐỏ\x1b[0m") == "Đỏ"
    assert text.clean("\x1b]8;;http://x\x1b\\link\x1b]8;;\x1b\\") == "link"
    assert text.clean("\x1b]0;title\x07Tên") == "Tên"
    assert text.clean("a\x9b1mb\x07c\rd") == "abcd"


def test_clean_removes_zero_width_and_lone_surrogates() -> None:
    """Invisible characters that split categories, or cannot be encoded, are dropped."""
    assert text.clean("Giấy\u200b khen\ufeff") == "Giấy khen"
    assert text.clean("a\ud800b") == "ab"


def test_multiline_keeps_line_breaks_only() -> None:
    """A note keeps its lines (CRLF becomes LF), each cleaned, with no blank ends."""
    assert text.clean("\r\n dòng  1 \r\n\tdòng 2\n\n", multiline=True) == "dòng 1\ndòng 2"


def test_key_ignores_case_and_normal_form_but_not_accents() -> None:
    """`ubnd tỉnh` matches `UBND tỉnh`; `UBND tinh` does not."""
    assert text.key("ubnd  TỈNH") == text.key(unicodedata.normalize("NFD", "UBND tỉnh"))
    assert text.key("UBND tinh") != text.key("UBND tỉnh")


def test_fold_drops_accents_and_d_stroke() -> None:
    """Folding is what `--search` and 'did you mean' compare."""
    assert text.fold("Nguyễn Văn Đức") == "nguyen van duc"
    assert text.fold("ĐOÀN") == "doan"


def test_every_vietnamese_letter_folds_to_its_plain_letter() -> None:
    """Each vowel with each modifier and tone, in either case and as typed or decomposed, folds
    to its plain letter; đ (and the ð typed for it) to d; a tone left apart on a consonant, as
    NFC leaves it, is dropped too."""
    tones = ["", "\u0300", "\u0309", "\u0303", "\u0301", "\u0323"]
    for plain, modifiers in (
        ("a", ["", "\u0306", "\u0302"]),
        ("e", ["", "\u0302"]),
        ("i", [""]),
        ("o", ["", "\u0302", "\u031b"]),
        ("u", ["", "\u031b"]),
        ("y", [""]),
    ):
        for modifier in modifiers:
            for tone in tones:
                for case in (str.lower, str.upper):
                    letter = case(plain) + modifier + tone
                    for form in ("NFC", "NFD"):
                        word = unicodedata.normalize(form, f"Ng{letter}n {letter}")
                        assert text.fold(word) == f"ng{plain}n {plain}", word
    assert text.folds(["Đoàn Ðức", "Mạnh m\u0301"]) == ["doan duc", "manh m"]


def test_fold_drops_the_marks_of_other_scripts_and_keeps_their_letters() -> None:
    """Greek, Cyrillic and Hebrew lose their nonspacing marks as Vietnamese does; a letter
    with no mark to drop (ø, ß folded to ss, a Han character) stays, beside Vietnamese text."""
    assert text.fold("Ἀθῆναι") == "αθηναι"
    assert text.fold("Йошкар-Ола") == "иошкар-ола"
    assert text.fold("שָׁלוֹם") == "שלום"
    assert text.fold("Søren Straße 漢 Đức") == "søren strasse 漢 duc"


def test_printable_escapes_control_characters() -> None:
    """A hand-edited file's ESC or BEL never reaches the terminal raw."""
    assert text.printable("a\x1b[31mb\x07") == "a\\x1b[31mb\\x07"
    assert text.printable("x\ny", keep_newlines=True) == "x\ny"
    assert text.printable("x\ny") == "x\\ny"


@given(st.text())
def test_clean_is_idempotent_and_leaves_nothing_invisible(value: str) -> None:
    """Cleaning twice changes nothing, and no control or format character survives."""
    once = text.clean(value)
    assert text.clean(once) == once
    assert unicodedata.is_normalized("NFC", once)
    assert once == once.strip()
    assert all(
        unicodedata.category(ch)[0] != "C" or unicodedata.category(ch) in ("Co", "Cn")
        for ch in once
    )


@given(st.text(alphabet="aăâbdđeêioôơuưyAĂÂĐ \u0300\u0301\u0303\u0309\u0323"))
def test_key_agrees_across_normal_forms_and_case(value: str) -> None:
    """NFC, NFD and upper-case forms of one text share a key and a fold."""
    for variant in (unicodedata.normalize("NFD", value), value.upper(), f"  {value} "):
        assert text.key(variant) == text.key(value)
        assert text.fold(variant) == text.fold(value)


@given(st.text())
def test_the_key_of_a_clean_value_is_its_key(value: str) -> None:
    """clean_key, used on values already cleaned, agrees with key on any text."""
    assert text.clean_key(text.clean(value)) == text.key(value)


def test_the_tones_order_words_of_the_same_letters_by_the_first_that_differs() -> None:
    """None first, then huyền, hỏi, ngã, sắc, nặng; the first syllable whose tone differs
    decides, whatever follows. Value by value and over a list at once, the same order."""
    words = ["Ạnh", "Ma Bà", "Anh", "Ánh", "Mà Ba", "Ảnh", "Ành", "Ma Ba", "Ãnh", "Ma Bạ"]
    expected = ["Anh", "Ành", "Ảnh", "Ãnh", "Ánh", "Ạnh", "Ma Ba", "Ma Bà", "Ma Bạ", "Mà Ba"]
    assert sorted(words, key=text.sort_key) == expected
    assert text.ordered(words, str) == expected


def test_other_characters_sort_before_the_letters_by_code_point() -> None:
    """Digits, signs and other scripts come before every letter, in the order of their code
    points, ASCII first; a letter with a mark that is not Vietnamese after the letter alone.
    Value by value and over a list at once (one part of it in ASCII, one not), the same."""
    words = ["b", "ø", "Ä", "1", "漢", "~", "a", "Ab", "đ", "#"]
    expected = ["#", "1", "~", "ø", "漢", "a", "Ä", "Ab", "b", "đ"]
    assert sorted(words, key=text.sort_key) == expected
    assert text.ordered(words, str) == expected
    assert text.ordered(["~", "1", "ư", "u"], str) == ["1", "~", "u", "ư"]


@given(
    st.lists(st.text(alphabet="aăâbdđeêioôơuưyAĂÂĐ  \t\u00a0\u0300\u0301\u0303\u0309\u0323\x1b"))
)
def test_the_keys_of_a_list_order_it_as_each_value_s_key(values: list[str]) -> None:
    """``sort_keys`` over a list (at once where every value is clean, value by value where
    any is not: NFD, a tab, a double space) orders every two values as their ``sort_key``
    does, whether or not two different values share their letters and tones."""
    for listed in (values, [text.clean(value) for value in values], [*values, *values]):
        keys, each = text.sort_keys(listed), list(map(text.sort_key, listed))
        for i, j in itertools.product(range(len(listed)), repeat=2):
            assert (keys[i] < keys[j], keys[i] == keys[j]) == (
                each[i] < each[j],
                each[i] == each[j],
            )


def test_values_of_the_same_letters_and_tones_are_ordered_by_themselves() -> None:
    """Two names that differ only in case, or in NFC and NFD, are told apart by the names
    themselves (their code points), wherever they stand in the list; the sort of a list at
    once and one of its names one by one agree."""
    nfd = unicodedata.normalize("NFD", "Ánh")
    names = ["anh", "Ánh", "Anh", "ánh", "Anh", "Bình"]
    assert text.ordered(names, str) == ["Anh", "Anh", "anh", "Ánh", "ánh", "Bình"]
    assert text.ordered([*names, nfd], str) == ["Anh", "Anh", "anh", nfd, "Ánh", "ánh", "Bình"]
    assert text.ordered(reversed(names), str) == ["Anh", "Anh", "anh", "Ánh", "ánh", "Bình"]
    assert sorted(names, key=text.sort_key) == text.ordered(names, str)


def test_the_keys_of_a_long_list_are_each_value_s_key_part_by_part() -> None:
    """Keys are made 10,000 names at a time: a name in NFD in one part leaves the parts
    around it made at once, and every name is in its place."""
    names = [f"Nguyễn Thị Ánh {n}" for n in range(25_000)]
    names[12_345] = unicodedata.normalize("NFD", "Đặng Văn Ảnh")
    keys = text.sort_keys(names)
    assert sorted(names, key=text.sort_key) == [names[i] for i in sorted(
        range(len(names)), key=keys.__getitem__)]  # fmt: skip


def test_a_name_sorts_before_the_longer_names_it_begins() -> None:
    """A name that begins a longer one sorts before it, by its key alone or among a list's:
    the letters end before the tones begin."""
    names = ["Nguyễn Văn An Bình", "Nguyễn Văn Ân", "Nguyễn Văn", "Nguyễn Văn An"]
    expected = ["Nguyễn Văn", "Nguyễn Văn An", "Nguyễn Văn An Bình", "Nguyễn Văn Ân"]
    assert sorted(names, key=text.sort_key) == expected
    keys = text.sort_keys(names)
    assert [names[i] for i in sorted(range(len(names)), key=keys.__getitem__)] == expected


@given(
    st.lists(
        st.text(
            alphabet="aăâbdđeêioôơuưyòóọùúủAĐÒ  \t\u00a0\u0300\u0301\u0309\u0323\x1bøß漢\u05b0\n"
        )
    )
)
def test_the_folds_and_same_keys_of_a_list_are_each_value_s(values: list[str]) -> None:
    """``folds`` and ``same_keys`` over a list (at once where every value is one clean line,
    value by value where any is not) give each value's ``fold`` and ``same_key``."""
    for listed in (values, [text.clean(value) for value in values]):
        assert text.folds(listed) == list(map(text.fold, listed))
        assert text.same_keys(listed) == list(map(text.same_key, listed))


def test_the_folds_of_a_long_list_are_each_value_s_part_by_part() -> None:
    """Made 10,000 names at a time: a name in NFD, with a double space or a space at its end in
    one part leaves the parts around it made at once, and every fold and key is its own
    name's, in order."""
    names = [f"Hòa Thủy Đoàn {n}" for n in range(25_000)]
    names[12_345] = unicodedata.normalize("NFD", "Đặng Văn Ảnh")
    names[23_456] = "Lê  Văn Ánh"
    names[-1] = "Lê Văn Ánh "
    assert text.folds(names) == list(map(text.fold, names))
    assert text.same_keys(names) == list(map(text.same_key, names))
    assert text.folds(names)[:2] == ["hoa thuy doan 0", "hoa thuy doan 1"]
    assert text.same_keys(names)[0] == "hoà thuỷ đoàn 0"
