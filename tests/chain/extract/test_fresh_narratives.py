"""Narratives written after the extractor was tuned, in the styles users write (a shop owner, a
German letter, a French parent, a lawyer's memo, a terse founder, a consumer): what a careful
reader takes from each must come out (actors' parts, harm, the contract, the product)."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from assistant.chain.extract import extract_case, find_quote
from assistant.chain.extract.merge import same_actor
from assistant.facts import Case, get_fact

ROWS: list[tuple[str, str, dict[str, set[str]], dict[str, Any]]] = [
    (
        "shop owner, SaaS sold by a company, terms excluding liability",
        "I run a small bakery in Graz. In April 2027 I started using OrderGenie, an AI ordering "
        "assistant sold by Bytewerk GmbH for 49 EUR a month. On 12 May 2027 it ordered 400 kg of "
        "flour instead of 40 kg. That cost me 1,800 EUR. Bytewerk says its terms exclude "
        "liability for automated recommendations.",
        {"Bytewerk GmbH": {"provider"}},
        {
            "claimant.consumer": False,
            "incident.date": "2027-05-12",
            "jurisdiction.member_state": "AT",
        },
    ),
    (
        "German letter: autonomous delivery robot operated by a utility (passive, verb-final)",
        "Sehr geehrte Damen und Herren, mein Vater (78) wurde am 3. März 2027 von einem "
        "Lieferroboter der Firma Robolog GmbH auf dem Gehweg umgestoßen und hat sich die Hüfte "
        "gebrochen. Der Roboter fährt autonom und wird von der Stadtwerke Kiel GmbH betrieben.",
        {"Robolog GmbH": {"developer", "provider"}, "Stadtwerke Kiel GmbH": {"operator"}},
        {"ai.is_ai_system": True, "product.kind": "physical_product"},
    ),
    (
        "French parent: app of a company, monthly payment, depressed child",
        "Madame, mon fils a utilisé l'application de tutorat IA Mathéo de la société EduSmart "
        "SAS. Le 15 mai 2027, l'application lui a donné de mauvaises réponses avant un examen. "
        "Nous payons 9,99 EUR par mois. Il est très déprimé depuis.",
        {"EduSmart SAS": {"developer", "provider"}, "the user's son": {"affected_person"}},
        {"product.kind": "standalone_software"},
    ),
    (
        "memo: tool bought from its maker, patient harmed by a missed tumour",
        "Memo. Client: Dr. Anna Weber, radiologist. Her clinic, Radiologie Mitte MVZ GmbH, bought "
        "the AI tool LungScan from ScanAI GmbH in 2026. On 2 February 2027 LungScan missed a "
        "tumour in a patient's scan; the patient, Mr Klaus Berger, was diagnosed six months "
        "later at a worse stage.",
        {
            "ScanAI GmbH": {"provider"},
            "Radiologie Mitte MVZ GmbH": {"deployer"},
            "Klaus Berger": {"affected_person"},
        },
        {"incident.date": "2027-02-02"},
    ),
    (
        "household 'we', oven that turned itself on, bought at a shop",
        "On 1 July 2027 a smart oven from Kochwerk GmbH (bought in May 2027 at MediaStore) turned "
        "itself on at night while we were asleep and set our kitchen on fire. Nobody was "
        "injured but the kitchen is destroyed. The oven has an AI cooking assistant.",
        {"Kochwerk GmbH": {"developer", "provider"}},
        {
            "claimant.type": "natural_person",
            "incident.obvious_malfunction": True,
            "product.name": "smart oven",
        },
    ),
    (
        "insurer's customer: premium raised using data shared without consent",
        "An insurer, SecurLife SA, uses an AI model from Predicta Ltd to set life insurance "
        "premiums. In September 2027 my premium tripled after the model used my fitness-tracker "
        "data, which I never agreed to share.",
        {"SecurLife SA": {"deployer"}, "Predicta Ltd": {"developer", "provider"}},
        {"ai.annex_iii_point": "5c", "data.personal_data_processed": True},
    ),
]


def _value(case: Case, path: str) -> Any:
    value = get_fact(case, path)
    value = getattr(value, "value", value)
    return value.isoformat() if hasattr(value, "isoformat") else value


@pytest.mark.parametrize(("name", "text", "roles", "facts"), ROWS, ids=[r[0] for r in ROWS])
def test_fresh_narrative(
    name: str, text: str, roles: dict[str, set[str]], facts: dict[str, Any]
) -> None:
    result = extract_case(text, today=date(2027, 12, 1))
    case = result.case
    for actor_name, expected in roles.items():
        actor = next((a for a in case.actors if same_actor(a.name, actor_name)), None)
        assert actor is not None, (actor_name, [a.name for a in case.actors])
        assert expected <= {r.value for r in actor.roles or []}, (actor_name, actor.roles)
    for path, expected in facts.items():
        assert _value(case, path) == expected, (path, _value(case, path))
    for fact in result.added:
        match = find_quote(fact.quote, text)
        assert match is not None and match.exact, (fact.path, fact.quote)
