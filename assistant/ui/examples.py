"""Example incident narratives for first-time users (invented facts, our own words)."""

from __future__ import annotations

__all__ = ["EXAMPLES"]

EXAMPLES: dict[str, str] = {
    "Robot mower injures a neighbour's child": (
        "GreenBlade GmbH (Germany) builds and sells the 'AutoMow X' robot lawn mower, whose "
        "obstacle detection is an image-recognition model it trained itself. The model was "
        "placed on the EU market in March 2027. Lisa bought one for her garden. On 12 June 2027 "
        "the mower did not stop for her neighbour's seven-year-old son and cut his foot; he "
        "needed surgery. GreenBlade says a later software update improved child detection."
    ),
    "Hiring tool built on a general-purpose model": (
        "TalentSift BV (Netherlands) fine-tuned a general-purpose language model from "
        "ModelWorks Inc. to rank job applicants and sells it as a SaaS product since January "
        "2027. RetailCo SE uses it to screen applications in Germany. In May 2027 an applicant "
        "learned that the tool had rejected her automatically because of a gap in her CV "
        "caused by parental leave; no human reviewed the decision. She lost the job "
        "opportunity and wants to know who is responsible."
    ),
}
