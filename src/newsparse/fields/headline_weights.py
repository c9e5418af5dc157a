"""The headline model's weights (``headline_model``), written by ``benchmarks/train_headline.py``
from the zyte and articles dumps (the three styles of each). Do not edit by hand: train again."""

from types import MappingProxyType

WEIGHTS = MappingProxyType(
    {
        "words": 0.7914,
        "short": -1.5450,
        "long": -0.6215,
        "full_stop": -1.0959,
        "clause_end": -0.3784,
        "question": 0.1235,
        "inner_stop": -0.2838,
        "bar": -0.7024,
        "titled": 1.3196,
        "first_line": -0.1450,
        "distance": -0.9438,
        "after_start": -0.9151,
        "at_start": -0.4602,
        "meta_after": 1.9453,
        "meta_next": 0.6461,
        "prose_next": 0.3896,
        "prose_after": 0.9923,
        "lead_overlap": 2.2743,
        "capitalised": -0.5743,
        "lower_start": -0.5991,
        "repeated": 0.1927,
        "digit": 0.1395,
        "credit": -0.1962,
        "all_caps": -0.1970,
        "slug_overlap": 1.7223,
        "title_overlap": 1.3317,
        "nearest": 0.1017,
        "longest": 0.0042,
        "bullet": -1.2030,
        "named": -0.0894,
        "sentence": -0.6983,
        "slug_cover": 1.9877,
    }
)
