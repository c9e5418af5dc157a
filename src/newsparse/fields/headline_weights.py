"""The headline model's weights (``headline_model``), written by ``benchmarks/train_headline.py``
from the zyte and articles dumps (the three styles of each). Do not edit by hand: train again."""

from types import MappingProxyType

WEIGHTS = MappingProxyType(
    {
        "words": 0.9361,
        "short": -1.6212,
        "long": -0.6130,
        "full_stop": -0.9002,
        "clause_end": -0.2914,
        "question": 0.0774,
        "inner_stop": -0.2567,
        "bar": -0.7028,
        "titled": 1.1954,
        "first_line": -0.1656,
        "distance": -0.6932,
        "after_start": -0.8301,
        "at_start": -0.4797,
        "meta_after": 1.7859,
        "meta_next": 0.7110,
        "prose_next": 0.5035,
        "prose_after": 0.8764,
        "lead_overlap": 1.7957,
        "capitalised": -0.6643,
        "lower_start": -0.5106,
        "repeated": 0.0243,
        "digit": 0.1704,
        "credit": -0.1771,
        "all_caps": -0.1640,
        "slug_overlap": 3.3825,
        "title_overlap": 0.9817,
        "nearest": 0.1793,
        "longest": 0.0462,
        "bullet": -1.0831,
        "named": 0.0829,
        "sentence": -0.5226,
    }
)
