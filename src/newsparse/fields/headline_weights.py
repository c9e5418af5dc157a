"""The headline model's weights (``headline_model``), written by ``benchmarks/train_headline.py``
from the zyte and articles dumps (the three styles of each). Do not edit by hand: train again."""

from types import MappingProxyType

WEIGHTS = MappingProxyType(
    {
        "words": 0.6837,
        "short": -1.7059,
        "long": -0.7011,
        "full_stop": -1.0661,
        "clause_end": -0.2887,
        "question": -0.0031,
        "inner_stop": -0.3698,
        "bar": -0.5314,
        "titled": 1.1281,
        "first_line": -0.0761,
        "distance": -0.3713,
        "after_start": -1.1970,
        "at_start": -0.4563,
        "meta_after": 1.4293,
        "meta_next": 0.6763,
        "prose_next": 0.4994,
        "prose_after": 0.7805,
        "lead_overlap": 1.7474,
        "capitalised": -0.6087,
        "lower_start": -0.4020,
        "repeated": 0.2727,
        "digit": 0.0908,
        "credit": -0.2303,
        "all_caps": -0.2053,
        "slug_overlap": 3.1175,
        "title_overlap": 0.9443,
        "nearest": 0.0622,
        "longest": -0.0843,
        "bullet": -1.5195,
    }
)
