"""Every EU provision ID the legal spec (LEGAL_RULES.md) cites resolves in the parsed corpus."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.corpus.corpus import Corpus
from assistant.vocabulary import ActCode, ProvisionId, RefKind, find_ids

LEGAL_RULES = Path(__file__).resolve().parents[3] / "shared" / "LEGAL_RULES.md"


def legal_rules_ids() -> list[str]:
    """EU IDs cited by LEGAL_RULES.md (the rule core's list), extracted with the ID grammar."""
    if not LEGAL_RULES.is_file():
        return []
    out: list[str] = []
    for raw in find_ids(LEGAL_RULES.read_text(encoding="utf-8")):
        ident = raw.strip("`")
        pid = ProvisionId.parse(ident)
        if pid.act is not ActCode.NATIONAL:
            out.append(ident)
    return out


def test_the_spec_is_there_and_cites_many_ids() -> None:
    if not LEGAL_RULES.is_file():
        pytest.skip("../shared/LEGAL_RULES.md not present")
    assert len(legal_rules_ids()) > 300


def test_every_legal_rules_id_resolves(mirror_corpus: Corpus) -> None:
    ids = legal_rules_ids()
    if not ids:
        pytest.skip("../shared/LEGAL_RULES.md not present")
    missing = [i for i in ids if not mirror_corpus.resolves(i)]
    assert not missing, missing


def test_act_level_ids_resolve_to_the_act(mirror_corpus: Corpus) -> None:
    for ident in legal_rules_ids():
        pid = ProvisionId.parse(ident)
        if pid.kind is RefKind.ACT:
            node = mirror_corpus.get(ident)
            assert node is not None and node.id == pid.act.value
