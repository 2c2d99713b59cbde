"""The interface in Vietnamese and English: the catalog covers every message, and each way of
choosing the language works."""

from __future__ import annotations

import ast
import gettext
import io
import re
from collections.abc import Callable
from pathlib import Path

import pytest
import typer

from awards import i18n
from tests.catalog import MO, PACKAGE, compiled, messages, read_catalog
from tests.conftest import Run
from tests.test_layers import all_commands

Ok = Callable[..., str]

PLACEHOLDER = re.compile(r"\{[^{}]*\}")


def _strings(message: object) -> tuple[str, ...]:
    return message if isinstance(message, tuple) else (str(message),)


def test_every_message_has_both_languages() -> None:
    """Every message and help paragraph of the code is in the catalog with a Vietnamese text
    (English is the code's own), and the catalog holds nothing the code no longer says."""
    catalog = read_catalog()
    translated = {
        (m.id if isinstance(m.id, str) else m.id[0]): _strings(m.string) for m in catalog if m.id
    }
    wanted = {(m if isinstance(m, str) else m[0]) for m in messages()}
    untranslated = sorted(m for m in wanted if not all(translated.get(m, ("",))))
    assert untranslated == []
    assert sorted(set(translated) - wanted) == []


def test_translations_keep_every_placeholder() -> None:
    """A translation names the same {values} as its English text, so none is lost or mistyped."""
    wrong = []
    for message in read_catalog():
        if not message.id:
            continue
        english = set(PLACEHOLDER.findall(" ".join(_strings(message.id))))
        for text in _strings(message.string):
            if set(PLACEHOLDER.findall(text)) != english:
                wrong.append((message.id, text))
    assert wrong == []


def test_the_compiled_catalog_is_the_po_file() -> None:
    """The .mo in the package is the .po compiled: python tests/catalog.py was run."""
    with MO.open("rb") as shipped:
        ours = gettext.GNUTranslations(shipped)
    fresh = gettext.GNUTranslations(io.BytesIO(compiled(read_catalog())))
    assert _translations(ours) == _translations(fresh)
    assert _plural_rule(ours) == _plural_rule(fresh)


def _translations(catalog: gettext.GNUTranslations) -> dict[object, str]:
    """Every message and its translation; the header (msgid "") is left out, since it names
    the version of the tool that compiled the file, which says nothing about the messages."""
    messages: dict[object, str] = dict(catalog._catalog)  # type: ignore[attr-defined]
    messages.pop("", None)
    return messages


def _plural_rule(catalog: gettext.GNUTranslations) -> tuple[str | None, str | None]:
    """The two header fields that change how messages are read: charset and plural forms."""
    info = catalog.info()
    return info.get("content-type"), info.get("plural-forms")


MESSAGE_CALLS = {"Invalid", "NotFound", "Conflict", "StoreError", "AwardsError", "info", "error"}


def test_messages_are_never_written_in_english_only() -> None:
    """No error or message holds words outside _(): no bare string, no f-string with words
    (an f-string that only indents a translated line is fine)."""
    bare = []
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
            first = node.args[0]
            parts = first.values if isinstance(first, ast.JoinedStr) else [first]
            literal = any(
                isinstance(part, ast.Constant)
                and isinstance(part.value, str)
                and any(ch.isalpha() for ch in part.value)
                for part in parts
            )
            if name in MESSAGE_CALLS and literal:
                bare.append(f"{path.relative_to(PACKAGE)}:{node.lineno}")
    assert bare == []


# ---- choosing the language -----------------------------------------------------------------


def test_lang_option_speaks_vietnamese(run: Run) -> None:
    """--lang vi: the error line is Vietnamese, "Lỗi:" included."""
    result = run("--lang vi show 7")
    assert (result.exit_code, result.stderr) == (1, "Lỗi: không có khen thưởng mã 7\n")


@pytest.mark.parametrize(
    ("variable", "value"),
    [("AWARDS_LANG", "vi"), ("LANG", "vi_VN.UTF-8"), ("LC_ALL", "vi_VN.UTF-8")],
)
def test_the_environment_chooses_vietnamese(
    run: Run, monkeypatch: pytest.MonkeyPatch, variable: str, value: str
) -> None:
    """AWARDS_LANG=vi, or a Vietnamese locale, without any option."""
    monkeypatch.setenv(variable, value)
    assert run("show 7").stderr == "Lỗi: không có khen thưởng mã 7\n"


def test_the_option_wins_over_the_locale(run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    """--lang en in a Vietnamese locale, and AWARDS_LANG=en too, speak English."""
    monkeypatch.setenv("LANG", "vi_VN.UTF-8")
    assert run("--lang en show 7").stderr == "Error: no award with id 7\n"
    monkeypatch.setenv("AWARDS_LANG", "en")
    assert run("show 7").stderr == "Error: no award with id 7\n"


def test_english_is_the_default(run: Run) -> None:
    """With no choice and an English or C locale, messages are English."""
    assert run("show 7").stderr == "Error: no award with id 7\n"


@pytest.mark.parametrize("args", ["--lang fr list", "--lang= list"])
def test_an_unknown_language_is_a_usage_error(run: Run, args: str, db: Path) -> None:
    """Only en and vi: anything else exits 2 and touches nothing."""
    result = run(args)
    assert result.exit_code == 2
    assert "'fr' is not one of" in result.stderr or "--lang" in result.stderr
    assert not db.exists()


def test_a_wrong_awards_lang_is_a_usage_error(run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    """AWARDS_LANG is checked like the option it stands for."""
    monkeypatch.setenv("AWARDS_LANG", "de")
    result = run("list")
    assert result.exit_code == 2
    assert "Invalid value for '--lang' (env var: 'AWARDS_LANG')" in result.stderr


# ---- what is translated --------------------------------------------------------------------


@pytest.mark.parametrize("words", all_commands(), ids=" ".join)
def test_every_help_is_vietnamese(run: Run, words: list[str]) -> None:
    """Each command's help: Click's headings and every text in Vietnamese, none cut short."""
    english = run([*words, "--help"]).stdout
    result = run(["--lang", "vi", *words, "--help"])
    assert result.exit_code == 0
    assert result.stdout.startswith("Cách dùng: ")
    for word in ("Options:", "Commands:", "Arguments:", "[required]", "Show this message"):
        assert word not in result.stdout
    usage = result.stdout.splitlines()[0]
    assert "[TÙY-CHỌN]" in usage and "OPTIONS" not in usage and "{" not in usage
    assert "{" not in english.splitlines()[0]  # Typer's braces round a required argument
    assert "Tùy chọn:" in result.stdout
    listed = result.stdout.partition("Lệnh:")[2].splitlines()
    assert [line for line in listed if line.endswith("...")] == []  # a first sentence cut short
    described = english.split("\n\n")[1].strip()  # the command's first help paragraph
    assert described not in result.stdout


def test_tables_are_headed_in_vietnamese_and_scripts_get_the_same_json(ok: Ok) -> None:
    """Headings, totals, captions, kinds, methods, dates and shares (with a decimal comma)
    follow the language; JSON and CSV keep their keys, codes and ISO dates."""
    ok("add 'Nguyễn Văn An' --kind individual --form 'Giấy khen' --issuer 'UBND tỉnh' --year 2020"
       " --decided-on 2020-12-20 --method thematic")  # fmt: skip
    assert ok("--lang vi tally --by year") == (
        "Năm        Số người nhận   Tỷ lệ\n"
        "────────────────────────────────\n"
        "2020                   1  100,0%\n"
        "────────────────────────────────\n"
        "Tổng cộng              1  100,0%\n"
    )
    assert ok("--lang vi tally --by kind").splitlines()[2].split() == ["cá", "nhân", "1", "100,0%"]
    assert ok("tally --by kind").splitlines()[2].split() == ["individual", "1", "100.0%"]
    shown = ok("--lang vi show 1")
    assert "20/12/2020" in shown and "Chuyên đề" in shown and "cá nhân" in shown
    assert "2020-12-20" in ok("show 1") and "thematic" in ok("show 1")
    assert '"decided_on": "2020-12-20"' in ok("--lang vi show 1 -f json")
    listed = ok("--lang vi list")
    assert listed.splitlines()[0].split() == [
        "Mã", "Tên", "tập", "thể,", "cá", "nhân", "Đối", "tượng", "Số", "lượng", "Hình", "thức",
        "Cơ", "quan", "khen", "thưởng", "Năm", "Giai", "đoạn", "Số", "quyết", "định", "Đơn", "vị",
    ]  # fmt: skip
    assert listed.splitlines()[-1] == "1 bản ghi khen thưởng, 1 người nhận"
    for fmt in ("json", "csv"):
        assert ok(f"--lang vi list -f {fmt}") == ok(f"list -f {fmt}")
        assert ok(f"--lang vi tally --by year -f {fmt}") == ok(f"tally --by year -f {fmt}")


def test_history_says_what_changed_in_vietnamese(ok: Ok, run: Run) -> None:
    """The file records changes in English words; history and undo show them translated."""
    ok("add A --kind individual --form 'Giấy khen' --issuer 'UBND tỉnh' --year 2020")
    ok("phase add 2018-2023 --program P --start 2018 --end 2023")
    rows = ok("--lang vi history -f table").splitlines()
    assert rows[0].split()[:3] == ["#", "Thời", "điểm"]
    assert rows[2].endswith("thêm giai đoạn 2018-2023")
    assert rows[3].endswith("thêm khen thưởng 1")
    assert ok("history -f json").count("added phase 2018-2023") == 1
    undone = run("--lang vi undo")
    assert undone.stderr.startswith("đã hoàn tác thay đổi 2: thêm giai đoạn 2018-2023")


def test_an_import_reports_its_rows_in_vietnamese(run: Run, tmp_path: Path) -> None:
    """Row and column words, counts and the refusal line."""
    sheet = tmp_path / "khen.csv"
    sheet.write_text(
        "Họ và tên,Loại,Hình thức,Cấp khen,Năm\nA,cá nhân,Giấy khen,UBND tỉnh,1800\n",
        encoding="utf-8",
    )
    result = run(["--lang", "vi", "import", str(sheet)])
    assert (result.exit_code, result.stderr) == (
        1,
        "Lỗi: 1 lỗi ở 1 chỗ; không nhập gì\n"
        f"  dòng 2, cột Năm: năm 1800 nằm ngoài khoảng cho phép (1945–{i18n_last_year()})\n",
    )


def i18n_last_year() -> int:
    from awards.domain.values import last_year

    return last_year()


def test_the_report_follows_the_language_asked_for(ok: Ok) -> None:
    """A report is Vietnamese unless English is asked for: by its own --lang, or awards --lang."""
    ok("add A --kind individual --form 'Giấy khen' --issuer 'UBND tỉnh' --year 2020")
    assert ok("report year 2020").startswith("# Báo cáo khen thưởng năm 2020\n")
    assert ok("--lang en report year 2020").startswith("# Awards of 2020\n")
    assert ok("--lang vi report year 2020 --lang en").startswith("# Awards of 2020\n")
    assert ok("report year 2020 --lang en").startswith("# Awards of 2020\n")


def test_the_language_is_chosen_in_order() -> None:
    """--lang, then AWARDS_LANG, then LANGUAGE/LC_ALL/LC_MESSAGES/LANG; English otherwise."""
    assert i18n.chosen("vi") == "vi"
    assert i18n.chosen("en") == "en"
    assert i18n.chosen(None) == "en"  # LANG=C.UTF-8 in every test


@pytest.mark.parametrize(
    ("args", "said"),
    [
        ("list --format foo", "Lỗi: --format foo không phải định dạng lệnh này ghi; lệnh ghi "
                              "table, json, csv, tsv, markdown, text, xlsx"),
        ("report phase P --lang xx", "Lỗi: Giá trị không hợp lệ cho '--lang': cần một trong "
                                    "'en', 'vi'"),
        ("add X --year abc", "Lỗi: Giá trị không hợp lệ cho '--year': cần một số nguyên"),
        ("list --year", "Lỗi: Tùy chọn '--year' cần một giá trị."),
        ("phase lsit", "Lỗi: Không có lệnh 'lsit'. Có phải là 'list'?"),
        ("add", "Lỗi: Thiếu tham số 'NGƯỜI-NHẬN'."),
        ("list extra", "Lỗi: Có tham số thừa (extra)"),
        ("lsit", "Lỗi: Không có lệnh 'lsit'. Có phải là 'list'?"),
        ("list --yaer 2020", "Lỗi: Không có tùy chọn --yaer (Các tùy chọn gần giống: "
                             "--category, --phase, --year)"),
        ("--bogus list", "Lỗi: Không có tùy chọn --bogus"),
    ],
)  # fmt: skip
def test_a_malformed_command_line_is_told_in_vietnamese(
    run: Run, args: str, said: str, db: Path
) -> None:
    """Click's complaints, its usage line and its hint, said in Vietnamese; still exit 2."""
    result = run(["--lang", "vi", *args.split()])
    assert result.exit_code == 2
    lines = result.stderr.splitlines()
    assert lines[-1] == said
    assert all("Usage" not in line and "Try '" not in line for line in lines)
    assert not db.exists()


def test_a_complaint_with_no_known_parts_is_left_as_it_was_said() -> None:
    """An error that names no option, parameter or extra words is shown as it is, not garbled."""
    from awards.commands.translation import complaint

    i18n.use("vi")
    assert complaint(typer.TyperException("Something new.")) == "Something new."
