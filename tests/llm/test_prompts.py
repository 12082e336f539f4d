"""Every prompt file loads; rendering is strict; malformed files are rejected clearly."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.llm.prompts import PromptError, list_prompts, load_prompt, prompts_dir


def test_prompts_folder_has_prompts() -> None:
    assert prompts_dir().is_dir()
    assert "data_policy" in list_prompts()


@pytest.mark.parametrize("name", list_prompts())
def test_every_prompt_loads_and_renders(name: str) -> None:
    prompt = load_prompt(name)
    assert prompt.name == name
    assert prompt.version and prompt.description
    assert len(prompt.sha256) == 64
    text = prompt.render(**{v: f"<{v}>" for v in prompt.input_variables})
    assert text.strip()
    for var in prompt.input_variables:
        assert f"<{var}>" in text


def test_render_is_strict() -> None:
    prompt = load_prompt("json_reply")
    with pytest.raises(PromptError, match="missing"):
        prompt.render()
    with pytest.raises(PromptError, match="unknown"):
        prompt.render(schema="{}", extra="x")


def test_literal_braces_in_values_are_kept() -> None:
    text = load_prompt("json_reply").render(schema='{"type": "object"}')
    assert '{"type": "object"}' in text


def _write(folder: Path, name: str, text: str) -> None:
    (folder / f"{name}.md").write_text(text, encoding="utf-8")


@pytest.mark.parametrize(
    ("text", "match"),
    [
        ("no front matter", "front matter"),
        ("---\nname: other\nversion: 1\ndescription: d\n---\nbody\n", "file name"),
        ("---\nname: p\nversion: 1\ndescription: d\n---\nhello {who}\n", "placeholders"),
        (
            "---\nname: p\nversion: 1\ndescription: d\ninput_variables: [who]\n---\nhi\n",
            "placeholders",
        ),
        ("---\nname: p\nversion: 1\n---\nbody\n", "front matter"),
        ("---\nname: p\nversion: 1\ndescription: d\n---\n{0} {x.y}\n", "plain names"),
    ],
)
def test_malformed_prompt_files_are_rejected(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str, match: str
) -> None:
    monkeypatch.setenv("ASSISTANT_PROMPTS_DIR", str(tmp_path))
    _write(tmp_path, "p", text)
    with pytest.raises(PromptError, match=match):
        load_prompt("p")


def test_unknown_prompt_lists_available(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ASSISTANT_PROMPTS_DIR", str(tmp_path))
    _write(tmp_path, "a", "---\nname: a\nversion: 2\ndescription: d\n---\nA\n")
    assert load_prompt("a").ref == "a@2"
    with pytest.raises(PromptError, match="available: a"):
        load_prompt("b")
    with pytest.raises(PromptError):
        load_prompt("../etc/passwd")


def test_edited_prompt_is_reloaded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ASSISTANT_PROMPTS_DIR", str(tmp_path))
    _write(tmp_path, "a", "---\nname: a\nversion: 1\ndescription: d\n---\nold\n")
    assert load_prompt("a").render() == "old\n"
    _write(tmp_path, "a", "---\nname: a\nversion: 2\ndescription: d\n---\nnew text\n")
    import os

    os.utime(tmp_path / "a.md", ns=(1, 10**18))
    assert load_prompt("a").version == "2"
