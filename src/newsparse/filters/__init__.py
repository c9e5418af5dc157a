"""The two filter families, in the order they run.

* ``noise``: scraper noise recognised line by line (widgets, prompts, ad labels).
* ``boilerplate``: blocks dropped for where they stand on the page (before the headline,
  after the article's end).

A filter never changes a block: it returns a ``Removal`` that names the rule and what it
measured, or None.
"""

from newsparse.filters.noise import NOISE_RULES, NoiseRule, noise_rule

__all__ = ["NOISE_RULES", "NoiseRule", "noise_rule"]
