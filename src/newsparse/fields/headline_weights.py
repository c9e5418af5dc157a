"""The headline model's weights (``headline_model``), written by ``benchmarks/train_headline.py``
from the zyte and articles dumps (the three styles of each). Do not edit by hand: train again."""

from types import MappingProxyType

WEIGHTS = MappingProxyType(
    {
        "words": 0.6854,
        "short": -1.7085,
        "long": -0.7317,
        "full_stop": -1.0548,
        "clause_end": -0.2908,
        "question": -0.0021,
        "inner_stop": -0.3704,
        "bar": -0.5368,
        "titled": 1.1258,
        "first_line": -0.0753,
        "distance": -0.3733,
        "after_start": -1.2035,
        "at_start": -0.4522,
        "meta_after": 1.4386,
        "meta_next": 0.6733,
        "prose_next": 0.5026,
        "prose_after": 0.7835,
        "lead_overlap": 1.7435,
        "capitalised": -0.6141,
        "lower_start": -0.4020,
        "repeated": 0.2736,
        "digit": 0.0927,
        "credit": -0.2392,
        "all_caps": -0.2168,
        "slug_overlap": 3.1183,
        "title_overlap": 0.9448,
        "nearest": 0.0558,
        "longest": -0.0893,
        "bullet": -1.5175,
    }
)
