"""newsparse in a notebook: parse a folder of pages, look at the articles as a DataFrame, plot them.

Run it as a script, or open it in VS Code or Jupyter (jupytext) and run it cell by cell:

    python examples/notebook.py [FOLDER] [OUTPUT_DIR]

FOLDER defaults to the repository's tests/fixtures; the figure is saved as a PNG in OUTPUT_DIR
(default: newsparse-example-output/ in the system's temporary folder, so that a run leaves
nothing in the working tree). Needs pandas and matplotlib:

    pip install 'newsparse[pandas]' matplotlib

``parse_many`` starts worker processes, and each of them imports the running script again
(under the name ``__mp_main__``). So every cell that does work sits under
``if __name__ == "__main__":``, or each worker would parse the folder too. In a notebook the
guard is always true.
"""

# %% Setup: where the pages are, where the figure goes
import os
import sys
import tempfile
from pathlib import Path

import newsparse

REPO = Path(__file__).resolve().parent.parent if "__file__" in globals() else Path.cwd()
# In a notebook, sys.argv holds the kernel's own arguments: use the defaults there.
ARGS = [] if "ipykernel" in sys.modules else sys.argv[1:]
FOLDER = Path(ARGS[0]) if ARGS else REPO / "tests" / "fixtures"
# Not the current directory: run from a checkout, the figure would land in the working tree.
OUTPUT_DIR = Path(ARGS[1]) if len(ARGS) > 1 else Path(tempfile.gettempdir()) / "newsparse-example-output"

# %% Parse every page under FOLDER: one worker process per CPU, a progress bar on stderr
if __name__ == "__main__":
    if not FOLDER.is_dir():
        sys.exit(f"no such folder: {FOLDER} (usage: python examples/notebook.py [FOLDER] [OUTPUT_DIR])")
    # A Path is walked for pages (.html, .txt, .jsonl, .warc ...); a str would be parsed as a page itself.
    records = list(newsparse.parse_many([FOLDER], progress=True))

# %% One row per input, with the flat columns of docs/batch.md; failed inputs have `error` set
if __name__ == "__main__":
    import pandas as pd

    pd.set_option("display.width", 120)
    pd.set_option("display.max_colwidth", 40)
    df = newsparse.to_dataframe(records)
    articles = df[df["error"].isna()]

# %% Summary: languages, what share of the articles has each field, what went wrong
if __name__ == "__main__":
    print(f"{len(df)} inputs under {FOLDER}: {len(articles)} articles, {len(df) - len(articles)} failed\n")
    languages = articles["language"].value_counts(dropna=False)
    print("Articles by language:")
    print(languages.to_string() if len(languages) else "  none")
    if len(articles):
        shares = {
            "votes": articles["votes"].notna().mean(),
            "byline": articles["authors"].map(len).gt(0).mean(),
            "date": articles["published"].notna().mean(),
            "related links": articles["related_titles"].map(len).gt(0).mean(),
        }
        print("\nShare of articles with:")
        print("\n".join(f"  {name:<14}{share:6.0%}" for name, share in shares.items()))
    errors = df["error"].value_counts()
    print("\nErrors:", ", ".join(f"{n} {kind}" for kind, n in errors.items()) if len(errors) else "none")
    for failure in (r for r in records if not r.ok):
        print(f"  {failure.source}: {failure.error}: {failure.message}")

# %% The first rows (in a notebook, `df.head()` alone shows a table)
if __name__ == "__main__":
    shown = df.assign(source=df["source"].map(lambda source: os.path.relpath(source, FOLDER)))
    columns = ["source", "headline", "language", "words", "votes", "authors", "published"]
    print(shown[columns].head().to_string(max_colwidth=45))

# %% One article: the most voted one, else the first (in a notebook, the Article alone shows a card)
if __name__ == "__main__":
    parsed = [r for r in records if r.ok]
    if parsed:
        top = max(parsed, key=lambda r: r.article.votes.count if r.article.votes else float("-inf"))
        print(top.source)
        print(repr(top.article))

# %% A figure: languages, lengths, votes and removed blocks, saved as a PNG
if __name__ == "__main__":
    try:
        import matplotlib
    except ImportError:
        sys.exit("this cell needs matplotlib: pip install matplotlib")
    matplotlib.use("Agg")  # no window: the figure only goes to a file
    import matplotlib.pyplot as plt
    import numpy as np

    fig, axes = plt.subplots(2, 2, figsize=(11, 8), layout="constrained")
    fig.suptitle(f"newsparse on {FOLDER.name}: {len(articles)} articles, {len(df) - len(articles)} failed")

    languages = articles["language"].fillna("unknown").value_counts()
    axes[0, 0].bar(languages.index.astype(str), languages.to_numpy())
    axes[0, 0].set(title="Articles per language", ylabel="articles")

    words = articles["words"].dropna().to_numpy(dtype=int)
    axes[0, 1].hist(words, bins=20)
    axes[0, 1].set(title="Words per article", xlabel="words in the body", ylabel="articles")

    votes = articles["votes"].dropna().to_numpy(dtype=int)
    positive = votes[votes > 0]
    ax = axes[1, 0]
    if len(positive):
        ax.hist(positive, bins=np.logspace(0, np.log10(positive.max()) + 0.1, 20))
        ax.set_xscale("log")
    else:
        ax.text(0.5, 0.5, "no page with votes", ha="center", va="center", transform=ax.transAxes)
    ax.set(title=f"Votes: {len(positive)} pages (not shown: {len(votes) - len(positive)} at 0 or below)")
    ax.set(xlabel="votes (log scale)", ylabel="articles")

    removed = articles["removed"].dropna().to_numpy(dtype=int)
    top_removed = int(removed.max()) if len(removed) else 0
    axes[1, 1].hist(removed, bins=np.arange(top_removed + 2) - 0.5)
    axes[1, 1].set(title="Blocks removed per article", xlabel="removed blocks", ylabel="articles")

    OUTPUT_DIR.mkdir(parents=True, exist_ok=True)
    figure_path = OUTPUT_DIR / "newsparse-overview.png"
    fig.savefig(figure_path, dpi=100)
    plt.close(fig)
    print(f"figure saved: {figure_path}")
