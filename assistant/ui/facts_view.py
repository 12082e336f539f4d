"""The Facts tab: the extracted facts with their provenance, editable; every edit re-runs the
rule core at once.

Edits made in the table arrive as Streamlit's edit state (``edited_rows``/``deleted_rows``)
under the editor's key. ``consume_table_edits`` applies them at the top of the next run, before
anything is drawn, then retires the key (a versioned key), so the table is rebuilt from the
updated case instead of replaying stale edits over it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import streamlit as st

from assistant.facts import Case, Provenance, set_fact
from assistant.ui.analysis import apply_edits, describe_changes, fact_label
from assistant.ui.fact_values import addable_paths, fact_kind, fact_rows
from assistant.ui.widgets import safe
from assistant.vocabulary import Harm, Role

__all__ = ["consume_table_edits", "editor_key", "render_facts"]

_VERSION = "_facts_editor_version"
_FLASH = "_facts_flash"

# (new case, description of the change) -> saves and re-assesses
CommitFn = Callable[[Case, list[str]], object]


def editor_key() -> str:
    """The current key of the fact table (changes after every applied edit)."""
    return f"facts_editor_{st.session_state.get(_VERSION, 0)}"


def _retire_editor() -> None:
    st.session_state[_VERSION] = st.session_state.get(_VERSION, 0) + 1


def _table_edits(case: Case, raw: Any) -> tuple[dict[str, str | None], list[str]]:
    rows = fact_rows(case)
    edits: dict[str, str | None] = {}
    problems: list[str] = []
    if not isinstance(raw, dict):
        return edits, problems
    for index, change in (raw.get("edited_rows") or {}).items():
        try:
            row = rows[int(index)]
        except (ValueError, IndexError):
            problems.append("an edited row no longer exists; edit it again")
            continue
        if isinstance(change, dict) and "value" in change:
            value = change["value"]
            edits[row.path] = None if value is None else str(value)
    for index in raw.get("deleted_rows") or []:
        try:
            edits[rows[int(index)].path] = None
        except (ValueError, IndexError):
            continue
    return edits, problems


def consume_table_edits(case: Case, commit: CommitFn) -> None:
    """Apply pending edits from the fact table (call before drawing anything)."""
    key = editor_key()
    raw = st.session_state.get(key)
    edits, problems = _table_edits(case, raw)
    if not edits and not problems:
        return
    _retire_editor()
    new_case, errors = apply_edits(case, edits)
    changes = describe_changes(case, new_case)
    if changes:
        commit(new_case, changes)
    st.session_state[_FLASH] = (changes, problems + errors)


def _flash() -> None:
    changes, errors = st.session_state.pop(_FLASH, ([], []))
    if changes:
        st.success("Updated — findings re-computed: " + "; ".join(safe(c) for c in changes[:8]))
    for error in errors:
        st.error(safe(error))


def _set_fact_form(case: Case, first: list[str], commit: CommitFn) -> None:
    paths = addable_paths(case, first)
    path = st.selectbox(
        "Fact",
        paths,
        key="fact_path",
        format_func=lambda p: fact_label(case, p),
        help="The open questions' facts come first.",
    )
    if not path:
        return
    kind = fact_kind(path)
    if kind.base == "bool" and not kind.is_list:
        text: str | None = st.radio(
            "Value", ["yes", "no", "unknown"], horizontal=True, key=f"fact_value_b:{path}"
        )
    elif kind.base == "enum" and not kind.is_list:
        text = st.selectbox("Value", ["", *kind.choices], key=f"fact_value_e:{path}")
    elif kind.base == "enum":
        text = ", ".join(st.multiselect("Values", list(kind.choices), key=f"fact_value_m:{path}"))
    else:
        text = st.text_input("Value", key=f"fact_value_t:{path}", help=kind.hint())
    if st.button("Set fact", key="fact_set"):
        new_case, errors = apply_edits(case, {path: text})
        for error in errors:
            st.error(safe(error))
        changes = describe_changes(case, new_case)
        if changes:
            commit(new_case, changes)
            st.session_state[_FLASH] = (changes, [])
            st.rerun()


def _add_actor_form(case: Case, commit: CommitFn) -> None:
    with st.form("add_actor", clear_on_submit=True):
        name = st.text_input("Name of the company or person")
        roles = st.multiselect("Roles in the value chain", [r.value for r in Role])
        if st.form_submit_button("Add actor"):
            if not name.strip():
                st.error("Give the actor a name.")
                return
            path = f"actors[{len(case.actors)}]"
            try:
                new_case = set_fact(
                    case, path, {"name": name.strip(), "roles": roles}, Provenance.user()
                )
            except ValueError as exc:
                st.error(safe(str(exc)))
                return
            commit(new_case, [f"added actor {name.strip()}"])
            st.session_state[_FLASH] = ([f"added actor {name.strip()}"], [])
            st.rerun()


def _add_harm_form(case: Case, commit: CommitFn) -> None:
    with st.form("add_harm", clear_on_submit=True):
        harm = st.selectbox("Type of harm", [h.value for h in Harm])
        if st.form_submit_button("Add harm"):
            path = f"damage[{len(case.damage or [])}]"
            new_case = set_fact(case, path, {"type": harm}, Provenance.user())
            commit(new_case, [f"added harm {harm}"])
            st.session_state[_FLASH] = ([f"added harm {harm}"], [])
            st.rerun()


def render_facts(case: Case, question_paths: list[str], commit: CommitFn) -> None:
    """The fact sheet: table with provenance, set-a-fact form, add actor / harm."""
    _flash()
    rows = fact_rows(case)
    if rows:
        st.caption(
            "Edit a value and press Enter: the analysis updates at once. Delete a row to mark "
            "the fact unknown. Source: user = you said it; extracted = read from your text "
            "(with the words it rests on); assumed = a default to confirm."
        )
        st.data_editor(
            {
                "fact": [fact_label(case, r.path) for r in rows],
                "value": [r.value for r in rows],
                "source": [r.source for r in rows],
                "based on": [r.quote for r in rows],
                "path": [r.path for r in rows],
            },
            key=editor_key(),
            disabled=["fact", "source", "based on", "path"],
            num_rows="delete",
            hide_index=True,
            width="stretch",
        )
    else:
        st.info(
            "No facts yet. Paste a narrative in Triage, answer the interview, or set facts below."
        )
    left, right = st.columns(2)
    with left, st.container(border=True):
        st.markdown("**Set a fact**")
        _set_fact_form(case, question_paths, commit)
    with right:
        with st.container(border=True):
            st.markdown("**Add an actor**")
            _add_actor_form(case, commit)
        with st.container(border=True):
            st.markdown("**Add a harm**")
            _add_harm_form(case, commit)
