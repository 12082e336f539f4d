"""``assistant chat``: the interview in the terminal.

Start with a narrative (or nothing), then answer the rule core's most useful questions one at a
time; after each answer the findings are re-evaluated and what changed is shown. Commands:
``/report`` (full verified report), ``/facts`` (the fact sheet with sources), ``/skip`` (next
question), ``/quit``. :class:`ChatSession` holds the logic (no printing) so it can be tested
without a terminal.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.console import Console
from rich.markdown import Markdown
from rich.table import Table
from rich.text import Text

from assistant.chain.cli import AsOfOpt, JurisdictionOpt, ProviderOpt, fail, parse_as_of
from assistant.errors import AssistantError

if TYPE_CHECKING:
    from langchain_core.language_models import BaseChatModel

    from assistant.chain.pipeline import TriageResult
    from assistant.facts import Case
    from assistant.rules import Assessment

__all__ = ["ChatSession", "chat_cmd"]

console = Console(soft_wrap=True)
COMMANDS = ("/report", "/facts", "/skip", "/quit")


@dataclass
class ChatSession:
    """One interview: the case, its assessment, the questions already skipped."""

    provider: str | None = None
    as_of: date | None = None
    jurisdiction: str | None = None
    model: BaseChatModel | None = None
    case: Case | None = None
    assessment: Assessment | None = None
    skipped: set[str] = field(default_factory=set)
    notes: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        from assistant.chain.pipeline import _prepare_model
        from assistant.facts import Case
        from assistant.settings import get_settings

        settings = get_settings()
        self.as_of = self.as_of or settings.analysis_date()
        self.model, self.provider = _prepare_model(settings, self.provider, self.model, self.notes)
        case = Case()
        if self.jurisdiction:
            from assistant.facts import Provenance, set_fact

            case = set_fact(case, "jurisdiction.member_state", self.jurisdiction.upper(),
                            Provenance.user())  # fmt: skip
        self._set(case)

    def _set(self, case: Case) -> list[str]:
        from assistant.rules import evaluate

        assert self.as_of is not None
        before = {
            f.key(): f.status.value for f in (self.assessment.public if self.assessment else [])
        }
        self.case = case
        self.assessment = evaluate(case, self.as_of)
        changes = []
        for f in self.assessment.public:
            old = before.get(f.key())
            if old is not None and old != f.status.value:
                changes.append(f"{f.actor} · {f.regime.value}: {old} → {f.status.value}")
            elif old is None and before and f.status.value != "excluded":
                changes.append(f"{f.actor} · {f.regime.value}: {f.status.value} (new)")
        return changes

    def narrative(self, text: str) -> list[str]:
        """Extract facts from a narrative into the case; returns extraction notes."""
        from assistant.chain.extract import extract_case

        result = extract_case(text, model=self.model, base_case=self.case, today=self.as_of)
        self._set(result.case)
        return list(result.notes)

    def next_question(self) -> Any | None:
        """The most useful question not yet skipped (a ``PhrasedQuestion``), or None."""
        from assistant.chain.interview import phrase_questions

        assert self.case is not None and self.assessment is not None
        for q in phrase_questions(self.case, self.assessment, model=self.model, limit=5):
            if q.id not in self.skipped:
                return q
        return None

    def answer(self, question: Any, text: str) -> tuple[Any, list[str]]:
        """Apply an answer; returns the ``AnswerResult`` and the findings that changed."""
        from assistant.chain.interview import apply_answer

        assert self.case is not None
        result = apply_answer(self.case, question, text, model=self.model)
        changes = self._set(result.case) if result.ok else []
        if result.ok and not result.changed:
            self.skipped.add(question.id)  # "don't know": move on
        return result, changes

    def report(self, on_token: Any = None) -> TriageResult:
        """The full verified report for the case as it stands."""
        from assistant.chain.pipeline import assess_case

        assert self.case is not None
        return assess_case(self.case, provider=self.provider, as_of=self.as_of, model=self.model,
                           on_token=on_token)  # fmt: skip

    def facts(self) -> list[tuple[str, str, str]]:
        """(path, value, source) for every known fact."""
        from assistant.facts import iter_facts

        assert self.case is not None
        rows = []
        for entry in iter_facts(self.case):
            source = entry.provenance.source.value if entry.provenance else "—"
            rows.append((entry.path, _show(entry.value), source))
        return rows


def _show(value: Any) -> str:
    if isinstance(value, list):
        return ", ".join(_show(v) for v in value)
    return str(getattr(value, "value", value))


def _findings_table(assessment: Assessment) -> Table:
    table = Table(title="Findings (rule core)", show_lines=False)
    for col in ("actor", "regime", "status"):
        table.add_column(col)
    for f in assessment.public:
        if f.status.value != "excluded":
            table.add_row(f.actor, f.regime.value, f.status.value)
    return table


def _ask(prompt: str) -> str | None:
    try:
        return console.input(f"[bold cyan]{prompt}[/] ")
    except (EOFError, KeyboardInterrupt):
        return None


def chat_cmd(
    provider: ProviderOpt = None,
    as_of: AsOfOpt = None,
    jurisdiction: JurisdictionOpt = None,
    max_turns: Annotated[int, typer.Option(help="Stop after this many questions.")] = 50,
) -> None:
    """Interview in the terminal: describe the incident, answer questions, get the report."""
    try:
        session = ChatSession(provider=provider, as_of=parse_as_of(as_of),
                              jurisdiction=jurisdiction)  # fmt: skip
    except AssistantError as exc:
        fail(exc)
        return
    for note in session.notes:
        console.print(Text.assemble(("note: ", "yellow"), note))
    console.print("[bold]AI liability interview[/] — first-pass analysis, not legal advice.")
    console.print(f"Commands: {', '.join(COMMANDS)}. Provider: {session.provider}.", markup=False)
    first = _ask("Describe what happened (or press Enter to start with questions):")
    if first is None:
        return
    if first.strip() and not first.strip().startswith("/"):
        with console.status("reading the narrative…"):
            for note in session.narrative(first):
                console.print(Text.assemble(("note: ", "yellow"), note))
    assert session.assessment is not None
    console.print(_findings_table(session.assessment))
    for _ in range(max_turns):
        with console.status("choosing the next question…"):
            question = session.next_question()
        if question is None:
            console.print("No open questions left. Type /report for the report or /quit.")
        else:
            options = ", ".join(o.label for o in question.options)
            console.print()
            console.print(
                Text.assemble((question.text, "bold"), (f" ({options})" if options else "", "dim"))
            )
            console.print(Text(f"why: {question.reason}", style="dim"))
        line = _ask(">")
        if line is None or line.strip() == "/quit":
            break
        command = line.strip()
        if command == "/facts":
            table = Table(title="Facts")
            for col in ("fact", "value", "source"):
                table.add_column(col)
            for row in session.facts():
                table.add_row(*row)
            console.print(table)
        elif command == "/report":
            _print_report(session)
        elif command == "/skip" and question is not None:
            session.skipped.add(question.id)
        elif command.startswith("/"):
            console.print(f"Unknown command. Use {', '.join(COMMANDS)}.", markup=False)
        elif question is not None:
            result, changes = session.answer(question, line)
            if result.clarification:
                console.print(Text(result.clarification, style="yellow"))
                continue
            if result.understood:
                console.print(Text(result.understood, style="green"))
            for change in changes:
                console.print(Text.assemble(("  changed: ", "magenta"), change))
    console.print("Bye. Nothing is stored by this command; rerun `assistant chat` to start over.")


def _print_report(session: ChatSession) -> None:
    from assistant.report import to_markdown

    def on_token(piece: str) -> None:
        console.print(piece, end="", style="dim", markup=False, highlight=False)

    with console.status("writing and checking the analysis…"):
        result = session.report(on_token if session.model is not None else None)
    console.print()
    console.print(Markdown(to_markdown(result.report)))
