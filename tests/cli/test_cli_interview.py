"""`withhold interview`: the answer parser, scripted sessions (saving, resuming, going back, stopping), and
the real command driven through a pseudo-terminal in English and in Spanish."""

from __future__ import annotations

import builtins
import datetime as dt
import os
import pty
import re
import select
import signal
import stat
import sys
import time
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner

from withhold.cli.app import app
from withhold.facts.loading import parse_case
from withhold.facts.source import NOT_FILED
from withhold.interview.bank import SECTIONS, Question, bank, question_for
from withhold.interview.sections import sections
from withhold.interview.typed_answer import Answer, Back, DontKnow, Help, Invalid, parse_answer
from withhold.language import Language, Localized
from withhold.language.gender import Reader

# A case where most facts are known: five questions remain, one of each kind but numbers
# (yes/no, several choices, a count, a date, one choice).
SMALL = """\
withhold: case/1
law_as_of: 2026-11-23
proceedings: {kind: affirmative, reinstated_order: false}
entry:
  last_arrival_date: 2025-03-14
  inspected: true
  status_at_entry: B-2
  unaccompanied_child: false
  southwest_border_from_mexico: false
  with_entry_documents: true
asylum:
  previously_denied: false
  safe_third_country_agreement: false
  firmly_resettled: false
  frivolous_finding: false
  discretion_favorable: true
claim:
  country: IR
  harm_is_persecution: true
  nexus: one_central_reason
  past_persecution: true
  future_fear_unrelated_to_past: false
  fundamental_change: false
  relocation_reasonable: false
  credible: true
torture:
  country: IR
  likelihood: more_likely_than_not
  official_involvement: direct
  severe_pain_or_suffering: true
  specific_intent: true
  in_custody_or_control: true
  lawful_sanction: false
conduct: {serious_nonpolitical_crime_abroad: false, danger_to_security: false, terrorist_activity: false}
"""

# The order the planner asks them in — the open bars first (a bar that applies settles a protection at
# once, and `barred` overrides every element) — and an answer to each (the same keys in both languages).
ORDER = ("conduct.persecuted_others", "convictions", "asylum.filed_on", "claim.grounds", "claim.persecutor")
ANSWERS = {
    "conduct.persecuted_others": "n",
    "claim.grounds": "2",  # religion
    "convictions": "0",
    "asylum.filed_on": "2025-06-02",
    "claim.persecutor": "1",  # the government
}


def document(path: Path) -> dict[str, Any]:
    loaded = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(loaded, dict)
    return loaded


def flat(text: str) -> str:
    """Output with line wrapping undone (Rich wraps at the terminal's width)."""
    return " ".join(text.split())


def question(path: str, language: Language = "en") -> str:
    return flat(question_for(path).render(language))


# --- the answer parser ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "language", "expected"),
    [
        ("y", "en", True),
        (" Yes ", "en", True),
        ("n", "en", False),
        ("NO", "en", False),
        ("s", "es", True),
        ("Sí", "es", True),
        ("si", "es", True),
        ("n", "es", False),
        ("no", "es", False),
        ("y", "es", True),
    ],
)
def test_yes_no(line: str, language: Language, expected: bool) -> None:
    assert parse_answer(line, question_for("conduct.persecuted_others"), language) == Answer(expected)


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("line", ["maybe", "", "   ", "yy", "1"])
def test_yes_no_invalid_shows_the_question_message_in_its_language(line: str, language: Language) -> None:
    asked = question_for("conduct.persecuted_others")
    assert parse_answer(line, asked, language) == Invalid(asked.invalid.get(language))


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize(
    "path", ["conduct.persecuted_others", "claim.grounds", "convictions", "asylum.filed_on"]
)
def test_keys_work_for_every_kind_in_both_languages(path: str, language: Language) -> None:
    asked = question_for(path)
    assert parse_answer("?", asked, language) == Help()
    assert parse_answer("<", asked, language) == Back()
    assert parse_answer("!", asked, language) == DontKnow()
    assert parse_answer(" I don’t know ", asked, language) == DontKnow()
    assert parse_answer("No sé", asked, language) == DontKnow()
    assert parse_answer("no se", asked, language) == DontKnow()


def test_dont_know_letters_are_per_language() -> None:
    asked = question_for("claim.persecutor")
    assert parse_answer("d", asked, "en") == DontKnow()
    assert parse_answer("ns", asked, "es") == DontKnow()
    assert isinstance(parse_answer("d", asked, "es"), Invalid)


@pytest.mark.parametrize("language", ["en", "es"])
def test_choice_by_number_or_value(language: Language) -> None:
    asked = question_for("claim.persecutor")  # government, non_state
    assert parse_answer("1", asked, language) == Answer("government")
    assert parse_answer("2", asked, language) == Answer("non_state")
    assert parse_answer("non_state", asked, language) == Answer("non_state")
    for wrong in ("0", "3", "-1", "1,2", "gobierno"):
        assert parse_answer(wrong, asked, language) == Invalid(asked.invalid.get(language)), wrong


def test_choice_numbers_follow_the_options_even_when_values_are_numbers() -> None:
    asked = question_for("proceedings.circuit")  # "1" … "11", "DC"
    assert parse_answer("9", asked, "en") == Answer("9")
    assert parse_answer("12", asked, "es") == Answer("DC")
    assert parse_answer("dc", asked, "en") == Answer("DC")


@pytest.mark.parametrize("language", ["en", "es"])
def test_several_choices(language: Language) -> None:
    asked = question_for("claim.grounds")  # race, religion, nationality, political_opinion, psg
    assert parse_answer("1,3", asked, language) == Answer(["race", "nationality"])
    assert parse_answer("3, 1 3", asked, language) == Answer(["race", "nationality"])
    assert parse_answer("5", asked, language) == Answer(["particular_social_group"])
    assert parse_answer("0", asked, language) == Answer([])
    assert parse_answer("none", asked, language) == Answer([])
    assert parse_answer("Ninguna", asked, language) == Answer([])
    for wrong in ("1,9", "0,1", "", ",", "a,b"):
        assert parse_answer(wrong, asked, language) == Invalid(asked.invalid.get(language)), wrong


@pytest.mark.parametrize("language", ["en", "es"])
def test_dates(language: Language) -> None:
    arrival = question_for("entry.last_arrival_date")
    assert parse_answer("2025-06-02", arrival, language) == Answer(dt.date(2025, 6, 2))
    assert parse_answer("2025-6-2", arrival, language) == Answer(dt.date(2025, 6, 2))
    # As people write them (issue 17): day first or month first when only one order makes a date, the
    # month in words in any language.
    assert parse_answer("25/03/2024", arrival, language) == Answer(dt.date(2024, 3, 25))
    assert parse_answer("3-25-2024", arrival, language) == Answer(dt.date(2024, 3, 25))
    assert parse_answer("25 de marzo de 2024", arrival, language) == Answer(dt.date(2024, 3, 25))
    assert parse_answer("March 25, 2024", arrival, language) == Answer(dt.date(2024, 3, 25))
    assert parse_answer("5 dic. 2023", arrival, language) == Answer(dt.date(2023, 12, 5))
    # Figures that make two dates are asked back in words, never guessed.
    which = parse_answer("02/06/2025", arrival, language)
    assert isinstance(which, Invalid) and which != Invalid(arrival.invalid.get(language))
    assert ("February 6, 2025" if language == "en" else "2 de junio de 2025") in which.message
    assert ("June 2, 2025" if language == "en" else "6 de febrero de 2025") in which.message
    for wrong in (
        "2025-02-30",
        "31/02/2025",
        "20250602",
        "2025-06",
        "0",
        "ayer",
        "marzo 2024",
        "25 de marzo",
    ):
        assert parse_answer(wrong, arrival, language) == Invalid(arrival.invalid.get(language)), wrong


@pytest.mark.parametrize("language", ["en", "es"])
def test_asylum_filing_date_can_be_not_filed_yet(language: Language) -> None:
    filed = question_for("asylum.filed_on")
    assert parse_answer("0", filed, language) == Answer(NOT_FILED)
    assert parse_answer("2024-01-20", filed, language) == Answer(dt.date(2024, 1, 20))


@pytest.mark.parametrize("language", ["en", "es"])
def test_numbers(language: Language) -> None:
    months = question_for("convictions[0].sentence_months")
    assert parse_answer("12", months, language) == Answer(12)
    assert parse_answer("0", months, language) == Answer(0)
    assert parse_answer("1.5", months, language) == Answer(1.5)
    assert parse_answer("1,5", months, language) == Answer(1.5)
    for wrong in ("-3", "nan", "inf", "1e3", "12 months", "1,000.5", ""):
        assert parse_answer(wrong, months, language) == Invalid(months.invalid.get(language)), wrong


@pytest.mark.parametrize("language", ["en", "es"])
def test_counts(language: Language) -> None:
    count = question_for("convictions")
    assert parse_answer("0", count, language) == Answer(0)
    assert parse_answer("2", count, language) == Answer(2)
    for wrong in ("1.5", "-1", "1000", "two", "٣"):
        assert parse_answer(wrong, count, language) == Invalid(count.invalid.get(language)), wrong


@pytest.mark.parametrize("language", ["en", "es"])
def test_free_text_keeps_what_was_typed(language: Language) -> None:
    both = Localized(en="x", es="x")
    free = Question(
        path="person.family_name", kind="text", order=1, sensitivity=0, judgement=False, section="about_you",
        group=None, intake=None, when=(), text=both, help=both, cites="", choices={},
        invalid=Localized("Write it.", "Escríbalo."),
    )  # fmt: skip
    assert parse_answer("  De la Cruz ", free, language) == Answer("De la Cruz")
    assert parse_answer("", free, language) == Invalid(free.invalid.get(language))


# --- scripted sessions ---------------------------------------------------------------------------------


def interview(*args: str, input: str | None = None, audience: str = "attorney") -> Any:
    """The attorney's interview by default: the small case's remaining questions are the attorney's."""
    return CliRunner().invoke(app, ["interview", "--audience", audience, *args], input=input)


@pytest.fixture
def small(tmp_path: Path) -> Path:
    path = tmp_path / "small.yaml"
    path.write_text(SMALL, encoding="utf-8")
    return path


def test_answers_are_saved_after_each_one_and_end_of_input_exits_130(small: Path, tmp_path: Path) -> None:
    out = tmp_path / "answers.yaml"
    result = interview(str(small), "--out", str(out), input="n\n0\n")
    assert result.exit_code == 130, result.output
    assert f"Your answers are saved. File: {out}" in flat(result.stdout)
    saved = document(out)
    assert next(iter(saved)) == "withhold" and saved["withhold"] == "case/1"
    assert saved["conduct"]["persecuted_others"] is False
    assert saved["convictions"] == []
    assert saved["interview"] == {
        "asked": list(ORDER[:2]),
        "language": "en",
        "reviewed": ["conduct.persecuted_others"],  # a finding the attorney answered
    }
    assert stat.S_IMODE(out.stat().st_mode) == 0o600  # a new file: its owner only
    assert small.read_text(encoding="utf-8") == SMALL  # the starting case is untouched
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_a_whole_interview_ends_with_the_screening(small: Path) -> None:
    script = "".join(ANSWERS[path] + "\n" for path in ORDER)
    result = interview(str(small), input=script)
    assert result.exit_code == 0, result.output
    text = flat(result.stdout)
    for number, path in enumerate(ORDER):
        assert f"Answered: {number}. At most" in text
        assert question(path) in text
    assert "No more questions" in text and "What your answers show" in text
    assert "Withhold screening" in text and "Best protection available: Asylum" in text
    saved = document(small)  # CASE itself, without --out
    assert saved["interview"]["asked"] == list(ORDER)
    assert saved["asylum"]["filed_on"] == "2025-06-02"
    assert saved["convictions"] == []
    assert saved["claim"]["persecutor"] == "government"
    parse_case(small.read_text(encoding="utf-8"))  # still a valid case file


def test_resume_goes_on_where_it_stopped(small: Path) -> None:
    first = interview(str(small), input="!\n0\n")
    assert first.exit_code == 130
    saved = document(small)
    assert saved["interview"]["asked"] == ["conduct.persecuted_others", "convictions"]
    assert saved["interview"]["dont_know"] == ["conduct.persecuted_others"]

    second = interview(str(small), input="!\n" * 10)  # "I don't know" to whatever is left
    assert second.exit_code == 0, second.output
    text = flat(second.stdout)
    assert "Questions already answered: 2." in text
    assert question("convictions") not in text  # answered
    assert question("conduct.persecuted_others") not in text  # "I don't know" is not asked again
    assert "Answered: 2. At most" in text
    record = document(small)["interview"]
    assert record["asked"][:2] == ["conduct.persecuted_others", "convictions"]
    assert len(record["asked"]) == len(set(record["asked"])) > 2
    assert record["dont_know"] == [record["asked"][0], *record["asked"][2:]]


def test_an_existing_out_file_is_resumed_without_case(small: Path, tmp_path: Path) -> None:
    out = tmp_path / "answers.yaml"
    assert interview(str(small), "--out", str(out), input="n\n").exit_code == 130
    result = interview("--out", str(out), input="0\n")
    assert result.exit_code == 130
    assert question("conduct.persecuted_others") not in flat(result.stdout)
    assert document(out)["interview"]["asked"] == list(ORDER[:2])


def test_a_new_out_file_starts_from_an_empty_case(tmp_path: Path) -> None:
    out = tmp_path / "new.yaml"
    result = interview("--out", str(out), "--as-of", "2026-11-23", input="")
    assert result.exit_code == 130
    assert "Answered: 0. At most" in result.stdout
    assert document(out) == {"withhold": "case/1", "interview": {"language": "en"}}


def test_back_clears_the_last_answer_and_asks_it_again(small: Path) -> None:
    result = interview(str(small), input="n\n!\n<\n<\ny\n")
    text = flat(result.stdout)
    assert text.count(question("conduct.persecuted_others")) == 2
    assert text.count(question("convictions")) >= 2
    saved = document(small)
    assert saved["conduct"]["persecuted_others"] is True  # answered again, differently
    assert saved["interview"]["asked"] == ["conduct.persecuted_others"]
    assert saved["interview"]["dont_know"] == []  # "I don't know" for the convictions was taken back
    assert "convictions" not in saved


def test_back_at_the_first_question_says_so(small: Path) -> None:
    result = interview(str(small), input="<\n")
    assert "This is the first question: there is nothing to go back to." in flat(result.stdout)


def test_help_and_invalid_answers_ask_again(small: Path) -> None:
    result = interview(str(small), input="?\nmaybe\nn\n")
    text = flat(result.stdout)
    assert flat(question_for("conduct.persecuted_others").help.en) in text
    assert flat(question_for("conduct.persecuted_others").invalid.en) in text
    assert document(small)["conduct"]["persecuted_others"] is False


def test_not_filed_yet_is_an_explicit_null(small: Path) -> None:
    result = interview(str(small), input="n\n0\n0\n")
    assert result.exit_code == 130
    saved = document(small)
    assert "filed_on" in saved["asylum"] and saved["asylum"]["filed_on"] is None
    assert parse_case(small.read_text(encoding="utf-8")).asylum.filed_on is None


def test_convictions_are_numbered_and_named(small: Path) -> None:
    known = (
        SMALL.replace("conduct: {", "convictions: [{offense: Robbery}]\nconduct: {persecuted_others: false, ")
        .replace("claim:\n", "claim:\n  grounds: [religion]\n  persecutor: government\n")
        .replace("asylum:\n", "asylum:\n  filed_on: 2025-06-02\n")
    )
    small.write_text(known, encoding="utf-8")
    result = interview(str(small), "--lang", "es", input="")
    assert "Condena 1 (Robbery):" in flat(result.stdout)


def test_ctrl_c_exits_130_with_the_file_intact(small: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    lines = iter(["n", "0"])

    def typed(prompt: object = "") -> str:
        try:
            return next(lines)
        except StopIteration:
            raise KeyboardInterrupt from None

    monkeypatch.setattr(builtins, "input", typed)
    result = interview(str(small))
    assert result.exit_code == 130
    assert "Your answers are saved." in result.stdout
    saved = parse_case(small.read_text(encoding="utf-8"))
    assert saved.conduct.persecuted_others is False and saved.convictions == []
    assert saved.interview.asked == list(ORDER[:2])


def test_spanish_session_and_its_language_is_remembered(small: Path) -> None:
    result = interview(str(small), "--lang", "es", input="n\n")
    assert result.exit_code == 130
    text = flat(result.stdout)
    assert question("conduct.persecuted_others", "es") in text
    assert re.search(r"Preguntas contestadas: 0\. Quedan \d+ como máximo", text)
    assert "Sus respuestas están guardadas." in text
    assert document(small)["interview"]["language"] == "es"

    again = interview(str(small), input="")  # no --lang: the file's language
    assert "Seguimos donde se quedó" in again.stdout


def test_json_out_file_is_written_as_json(small: Path, tmp_path: Path) -> None:
    out = tmp_path / "answers.json"
    assert interview(str(small), "--out", str(out), input="n\n").exit_code == 130
    case = parse_case(out.read_text(encoding="utf-8"), "json")
    assert case.conduct.persecuted_others is False


def test_an_existing_other_out_file_is_never_overwritten(small: Path, tmp_path: Path) -> None:
    out = tmp_path / "answers.yaml"
    out.write_text("withhold: case/1\n", encoding="utf-8")
    result = interview(str(small), "--out", str(out), input="n\n")
    assert result.exit_code == 2
    assert f"--out {out} already exists" in flat(result.stderr)
    assert out.read_text(encoding="utf-8") == "withhold: case/1\n"


def test_a_case_file_keeps_its_permissions(small: Path) -> None:
    small.chmod(0o640)
    assert interview(str(small), input="n\n").exit_code == 130
    assert stat.S_IMODE(small.stat().st_mode) == 0o640
    assert document(small)["conduct"]["persecuted_others"] is False


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ((), "give a CASE to resume or --out FILE to save to"),
        (("-",), "give a case file, not -"),
        (("CASE", "--lang", "xx"), "--lang must be one of en, es, ar, fr, ht, pt"),
        (("CASE", "--as-of", "soon"), "--as-of must be a date"),
        (("missing.yaml",), "missing.yaml: no such file"),
        (("CASE", "--out", "no/such/dir/x.yaml"), "no such directory"),
    ],
)
def test_usage_errors_exit_2(small: Path, args: tuple[str, ...], message: str) -> None:
    result = interview(*(str(small) if arg == "CASE" else arg for arg in args), input="")
    assert result.exit_code == 2
    assert message in result.stderr
    assert "Traceback" not in result.output


# --- the real command through a pseudo-terminal ------------------------------------------------------

LIMIT = 180.0
"""Seconds a whole pseudo-terminal session may take; the child is killed after that. A guard against a
hang, not a measure of speed: on two busy workers a fresh interpreter compiling every module has taken
most of a minute before the first question."""

_ESCAPES = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)")


class Terminal:
    """The command on a pseudo-terminal: what it writes (escapes and carriage returns removed), lines sent
    as from a keyboard, and a deadline after which the child is killed."""

    def __init__(self, args: list[str], cwd: Path, audience: str = "attorney") -> None:
        # Bytecode may be written (a machine may forbid it): each session after the first starts faster.
        skipped = {"NO_COLOR", "FORCE_COLOR", "PYTHONDONTWRITEBYTECODE"}
        env = {key: value for key, value in os.environ.items() if key not in skipped}
        env.update(TERM="xterm-256color", COLUMNS="100", LINES="40", PYTHONUTF8="1")
        command = [sys.executable, "-m", "withhold.cli.app", "interview", "--audience", audience, *args]
        pid, fd = pty.fork()
        if pid == 0:  # the child: the pseudo-terminal is its controlling terminal
            try:
                # As a shell starts it for a person: a run started in the background (`cmd &` in a script)
                # would hand down an ignored Ctrl-C, which Python then honours.
                signal.signal(signal.SIGINT, signal.SIG_DFL)
                os.chdir(cwd)
                os.execve(sys.executable, command, env)
            finally:
                os._exit(127)
        self.pid, self.fd = pid, fd
        self.deadline = time.monotonic() + LIMIT
        self.raw = b""
        self.seen = 0
        self.status: int | None = None

    @property
    def text(self) -> str:
        return _ESCAPES.sub("", self.raw.decode("utf-8", errors="replace")).replace("\r", "")

    def _read(self) -> bool:
        """Read what is there (waiting at most a second); False at the end of the output."""
        left = self.deadline - time.monotonic()
        if left <= 0:
            self.kill()
            pytest.fail(f"the interview did not finish in {LIMIT:.0f} s; its output:\n{self.text[-3000:]}")
        ready, _, _ = select.select([self.fd], [], [], min(left, 1.0))
        if not ready:
            return True
        try:
            data = os.read(self.fd, 65536)
        except OSError:  # EIO: the child closed the terminal
            return False
        self.raw += data
        return bool(data)

    def expect(self, pattern: str) -> re.Match[str]:
        compiled = re.compile(pattern, re.MULTILINE)
        while True:
            found = compiled.search(self.text, self.seen)
            if found:
                self.seen = found.end()
                return found
            if not self._read():
                pytest.fail(f"the output ended before {pattern!r}:\n{self.text[-3000:]}")

    def send(self, line: str) -> None:
        os.write(self.fd, line.encode("utf-8") + b"\r")  # the Enter key

    def press(self, key: bytes) -> None:
        os.write(self.fd, key)

    def wait(self) -> int:
        while self._read():
            pass
        while self.status is None:
            if time.monotonic() > self.deadline:
                self.kill()
                pytest.fail("the interview did not exit")
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                self.status = os.waitstatus_to_exitcode(status)
            else:
                time.sleep(0.05)
        os.close(self.fd)
        return self.status

    def kill(self) -> None:
        if self.status is None:
            try:
                os.kill(self.pid, signal.SIGKILL)
                _, status = os.waitpid(self.pid, 0)
                self.status = os.waitstatus_to_exitcode(status)
            except ChildProcessError:
                self.status = -1
        os.close(self.fd)


PROGRESS = {
    "en": r"Answered: (\d+)\. At most (\d+) left\.",
    "es": r"Preguntas contestadas: (\d+)\. Quedan (\d+) como máximo\.",
}
RESULT = {"en": "What your answers show", "es": r"Lo que muestran sus respuestas \(en inglés\)"}


def answer_every_question(terminal: Terminal, language: Language, extra: tuple[str, ...] = ()) -> list[str]:
    """Answer each question the command shows, whatever the order, until the result; return the paths."""
    asked: list[str] = []
    pending = list(extra)
    while True:
        found = terminal.expect(f"{PROGRESS[language]}|{RESULT[language]}")
        if found.group(1) is None:
            return asked
        assert int(found.group(1)) == len(asked)
        start = found.end()
        terminal.expect(r"^> ")
        shown = flat(terminal.text[start : terminal.seen])
        matching = [path for path in ANSWERS if question(path, language) in shown]
        assert len(matching) == 1, shown
        while pending:  # before answering: a help request or a wrong answer, then the prompt again
            terminal.send(pending.pop(0))
            terminal.expect(r"^> ")
        terminal.send(ANSWERS[matching[0]])
        asked.append(matching[0])


@pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals are POSIX")
@pytest.mark.parametrize("language", ["en", "es"])
def test_a_pty_session_answers_every_question_until_the_result(
    small: Path, tmp_path: Path, language: Language
) -> None:
    terminal = Terminal([str(small), "--lang", language], tmp_path)
    try:
        asked = answer_every_question(terminal, language, ("?", "quizás" if language == "es" else "maybe"))
        terminal.expect("Best protection available: Asylum")
        terminal.expect("Sus respuestas están guardadas" if language == "es" else "Your answers are saved")
        assert terminal.wait() == 0, terminal.text[-3000:]
    finally:
        if terminal.status is None:
            terminal.kill()
    assert sorted(asked) == sorted(ORDER)
    text = flat(terminal.text)
    assert flat(question_for(asked[0]).help.get(language)) in text  # "?" showed the help
    assert flat(question_for(asked[0]).invalid.get(language)) in text  # the wrong answer was refused
    saved = parse_case(small.read_text(encoding="utf-8"))
    assert saved.interview.asked == asked and saved.interview.language == language
    assert saved.asylum.filed_on == dt.date(2025, 6, 2)


@pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals are POSIX")
@pytest.mark.parametrize(("key", "name"), [(b"\x03", "Ctrl-C"), (b"\x04", "Ctrl-D")])
def test_a_pty_session_stopped_by_ctrl_c_or_ctrl_d_keeps_the_answers(
    small: Path, tmp_path: Path, key: bytes, name: str
) -> None:
    terminal = Terminal([str(small)], tmp_path)
    try:
        terminal.expect(r"^> ")
        terminal.send("n")
        terminal.expect(r"Answered: 1\.")
        terminal.expect(r"^> ")
        terminal.press(key)
        terminal.expect(f"Your answers are saved. File: {re.escape(str(small))}")
        assert terminal.wait() == 130, name
    finally:
        if terminal.status is None:
            terminal.kill()
    assert "Traceback" not in terminal.text
    saved = parse_case(small.read_text(encoding="utf-8"))
    assert saved.conduct.persecuted_others is False
    assert saved.interview.asked == ["conduct.persecuted_others"]


# --- the client's interview: the person and their story first, never a finding --------------------------


SECTION_TITLES = {
    language: {key: found.title.get(language).upper() for key, found in sections().items()}
    for language in ("en", "es")
}


def client_session(terminal: Terminal, language: Language) -> tuple[list[str], list[str]]:
    """Answer a client's interview from an empty case: "I don't know" to everything but the country and
    the kind of case, skip the first question of the story for now. Returns the questions' paths as shown
    (recognised by their text) and the section titles shown, in order."""
    texts = {path: question(path, language) for path in bank()}
    asked: list[str] = []
    done = {"en": "No more questions", "es": "No hay más preguntas"}[language]
    while True:
        found = terminal.expect(f"{PROGRESS[language]}|{done}")
        if found.group(1) is None:
            break
        start = found.end()
        terminal.expect(r"^> ")
        shown = flat(terminal.text[start : terminal.seen])
        matching = sorted((path for path, wording in texts.items() if wording in shown), key=len)
        assert matching, shown
        path = matching[-1]
        asked.append(path)
        if path == "proceedings.kind":
            terminal.send("1")  # removal proceedings
        elif path == "claim.country":
            terminal.send("Honduras")
        elif question_for(path).section == "what_happened" and "what_happened" not in {
            question_for(p).section for p in asked[:-1]
        }:
            terminal.send("-")  # skip for now
        else:
            terminal.send("!")
    titles = {key: terminal.text.find(title) for key, title in SECTION_TITLES[language].items()}
    return asked, sorted((key for key, at in titles.items() if at >= 0), key=titles.__getitem__)


@pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals are POSIX")
@pytest.mark.parametrize("language", ["en", "es"])
def test_a_client_interview_starts_with_the_person_and_never_asks_a_finding(
    tmp_path: Path, language: Language
) -> None:
    target = tmp_path / "new.yaml"
    terminal = Terminal(["--out", str(target), "--lang", language], tmp_path, audience="client")
    asked, shown_sections = client_session(terminal, language)
    assert terminal.wait() == 0
    assert not [path for path in asked if question_for(path).judgement]  # no finding put to a client
    assert "proceedings.circuit" not in asked  # the circuit follows from the court, never asked
    order = [question_for(path).section for path in asked]
    assert order[0] == "about_you"
    assert order == sorted(order, key=SECTIONS.index)  # sections in their natural order
    assert shown_sections[0] == "about_you" and shown_sections[-1] == "everyone"
    assert question_for(asked[0]).sensitivity < 3  # never a trauma-heavy question first
    first_bar = next(i for i, path in enumerate(asked) if question_for(path).section == "everyone")
    assert all(question_for(path).section != "what_happened" for path in asked[first_bar:])
    assert {"proceedings.kind", "claim.country", "proceedings.hearings"} <= set(asked)  # in court: hearings
    saved = document(target)
    assert saved["claim"]["country"] == "HN" and saved["proceedings"]["kind"] == "removal"
    assert len(saved["interview"]["skipped"]) == 1
    assert "reviewed" not in saved["interview"]
    # Statuses waiting for the attorney's findings are said to be not final, never "eligible".
    assert flat({"en": "Not final yet:", "es": "Todavía no es definitivo:"}[language]) in flat(terminal.text)
    assert "--audience attorney" in flat(terminal.text)
    assert RESULT[language].replace("\\", "") not in terminal.text  # no screening shown to the client


@pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals are POSIX")
def test_a_date_as_people_write_it_through_a_pty(tmp_path: Path) -> None:
    """Issue 17: in Spanish, 03/01/1990 is asked back in words (never guessed); 25/03/1990 is taken, said
    back in words before the next question, and saved as the 25th of March."""
    target = tmp_path / "new.yaml"
    terminal = Terminal(["--out", str(target), "--lang", "es"], tmp_path, audience="client")
    texts = {path: question(path, "es") for path in bank()}
    for _ in range(20):
        found = terminal.expect(PROGRESS["es"])
        start = found.end()
        terminal.expect(r"^> ")
        shown = flat(terminal.text[start : terminal.seen])
        path = sorted((p for p, wording in texts.items() if wording in shown), key=len)[-1]
        if path != "person.date_of_birth":
            terminal.send("!")
            continue
        terminal.send("03/01/1990")
        terminal.expect(r"¿Quiere decir el 3 de enero de 1990 o el 1 de marzo de 1990\?")
        terminal.expect(r"^> ")
        terminal.send("25/03/1990")
        terminal.expect(r"Entendido: 25 de marzo de 1990\.")
        break
    else:
        pytest.fail("the date of birth was not asked")
    terminal.expect(PROGRESS["es"])
    terminal.press(b"\x03")  # Ctrl-C: what was answered stays saved
    assert terminal.wait() == 130  # interrupted
    assert document(target)["person"]["date_of_birth"] == "1990-03-25"


def test_a_woman_is_asked_in_the_feminine_through_a_pty(tmp_path: Path) -> None:
    """Issue 17, gender: once the client says she is a woman, the Spanish questions agree with her ("¿Está
    usted casada?"); before, and for anyone who does not say, they read for anyone."""
    target = tmp_path / "new.yaml"
    terminal = Terminal(["--out", str(target), "--lang", "es"], tmp_path, audience="client")
    # Before she says, the texts read for anyone; once she has said, they agree with her.
    texts = [(path, question(path, reader)) for path in bank() for reader in ("es", Reader("es", "female"))]
    asked: list[str] = []
    for _ in range(60):
        found = terminal.expect(PROGRESS["es"])
        start = found.end()
        terminal.expect(r"^> ")
        shown = flat(terminal.text[start : terminal.seen])
        if "¿Está usted casada?" in shown:
            break
        assert "casado o casada" not in shown, f"the question did not agree with her: {asked}"
        matching = sorted((path for path, wording in texts if wording in shown), key=len)
        assert matching, shown
        asked.append(matching[-1])
        woman = re.search(r"(\d) Mujer", shown)
        terminal.send(woman.group(1) if asked[-1] == "person.sex" and woman else "!")
    else:
        pytest.fail(f"the marital status was not asked: {asked}")
    terminal.press(b"\x03")
    assert terminal.wait() == 130
    assert document(target)["person"]["sex"] == "female"


def test_the_attorney_sees_the_authority_under_the_help(tmp_path: Path) -> None:
    """Issue 17, help texts: "?" shows why in plain words; the attorney also reads the authority, on a line
    of its own; the client's help has no citation."""
    for audience, shows in (("attorney", True), ("client", False)):
        target = tmp_path / f"{audience}.yaml"
        terminal = Terminal(["--out", str(target), "--lang", "es"], tmp_path, audience=audience)
        terminal.expect(PROGRESS["es"])
        terminal.expect(r"^> ")
        start = terminal.seen
        terminal.send("?")
        terminal.expect(r"Por qué preguntamos")
        terminal.expect(r"^> ")
        helped = flat(terminal.text[start : terminal.seen])
        assert ("Fundamento legal:" in helped) is shows, helped
        assert ("CFR" in helped or "INA" in helped or "Form I-589" in helped) is shows, helped
        terminal.press(b"\x03")
        assert terminal.wait() == 130
