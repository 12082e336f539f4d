"""Evaluation harness: run case files through the app's pipeline and measure the answers.

Modules (pure logic first, I/O last):

* ``cases``       case-file models and a loader that reports one error per bad file
* ``prediction``  the pipeline's report JSON as the scorer reads it
* ``matching``    actor-name normalisation and one-to-one matching
* ``provisions``  provision recall/precision with partial credit; hallucinated citations
* ``regimes``     regime x actor precision/recall/F1 and excluded-row accuracy
* ``must_not``    rule-based must_not checks (AILD as law, quoted text, regimes, risk label)
* ``questions``   question coverage by embedding similarity, threshold calibration
* ``scoring``     all of the above for one case -> ``CaseScore``
* ``judge``       optional LLM-as-judge with validation on deliberately wrong answers
* ``runner``      ``Pipeline`` protocol, running cases, one failure never stops a run
* ``resolver``    corpus-backed citation resolution with a grammar fallback
* ``retrieval``   recall@k / MRR on ``evals/retrieval`` through the app's retriever
* ``results``, ``report``, ``plots``, ``diff``  results.json, report.md, PNGs, run comparison
* ``cli``         ``assistant eval`` / ``assistant eval diff``

Nothing heavy is imported here: ``assistant --help`` stays fast.
"""
