"""newsparse.dask on a real LocalCluster of two worker processes: the same records as parse_many."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator

import dask.bag as db
import pandas as pd
import pytest
from dask.distributed import Client, LocalCluster

import newsparse
import newsparse.dask
from conftest import FIXTURES, PROSE, SEED
from newsparse import VoteCount
from newsparse.batch.records import Parsed


@pytest.fixture(scope="module")
def client() -> Iterator[Client]:
    with (
        LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster,
        Client(cluster) as connected,
    ):
        yield connected


def test_the_cluster_gives_parse_many_records(client: Client, tmp_path_factory: pytest.TempPathFactory) -> None:
    missing = tmp_path_factory.mktemp("none") / "missing.html"
    bag = newsparse.dask.read_records([FIXTURES, missing], files_per_partition=10)
    assert bag.npartitions > 2  # the work is spread over the workers
    records = bag.compute()
    expected = list(newsparse.parse_many([FIXTURES, missing], workers=0))
    assert records == expected
    assert len(client.run(lambda: 1)) == 2  # one answer per worker process


def test_the_dask_dataframe_has_the_pandas_columns_and_types(client: Client) -> None:
    bag = newsparse.dask.read_records([FIXTURES], files_per_partition=25)
    lazy = newsparse.dask.to_dataframe(bag)
    frame = lazy.compute().reset_index(drop=True)
    assert lazy.dtypes.to_dict() == frame.dtypes.to_dict()  # the meta Dask plans with is the truth
    local = newsparse.to_dataframe(newsparse.parse_many([FIXTURES], workers=0))
    assert list(frame.columns) == list(local.columns)
    assert frame.dtypes.to_dict() == local.dtypes.to_dict()
    assert frame["source"].tolist() == local["source"].tolist()
    assert frame["votes"].sum() == local["votes"].sum()


def test_records_go_to_parquet_with_list_columns(client: Client, tmp_path_factory: pytest.TempPathFactory) -> None:
    out = tmp_path_factory.mktemp("parquet") / "articles"
    bag = newsparse.dask.read_records([FIXTURES], files_per_partition=25)
    newsparse.dask.to_parquet(bag, out)
    frame = pd.read_parquet(out).sort_values("source").reset_index(drop=True)
    local = newsparse.to_dataframe(newsparse.parse_many([FIXTURES], workers=0))
    assert frame["source"].tolist() == local["source"].tolist()
    assert [list(a) for a in frame["authors"]] == local["authors"].tolist()
    assert frame["published"].tolist() == local["published"].tolist()


def test_vote_counts_past_int64_do_not_break_the_dataframe(
    client: Client, tmp_path_factory: pytest.TempPathFactory
) -> None:
    folder = tmp_path_factory.mktemp("huge-votes")
    (folder / "huge.txt").write_text(f"A headline of the day\n\n9999999999999999999999k Points\n\n{PROSE['en']}")
    shutil.copy(SEED / "input.txt", folder / "seed.txt")
    by_hand = Parsed("by-hand", newsparse.Article(headline="Set by hand", votes=VoteCount(10**30, "a lot", "likes")))
    records = db.concat([newsparse.dask.read_records([folder]), db.from_sequence([by_hand])])
    frame = newsparse.dask.to_dataframe(records).compute()
    assert frame["source"].tolist() == [str(folder / "huge.txt"), str(folder / "seed.txt"), "by-hand"]
    assert frame["votes"].tolist() == [pd.NA, 5500, pd.NA]


def test_a_lone_surrogate_goes_to_parquet_as_a_replacement(
    client: Client, tmp_path_factory: pytest.TempPathFactory
) -> None:
    # A JSON escape gives a str no UTF-8 can write; Parquet's strings are UTF-8, and pyarrow
    # refused the whole partition. As parse_many's Parquet writer does, it becomes U+FFFD.
    folder = tmp_path_factory.mktemp("surrogate")
    source = FIXTURES / "html-nl-nieuws" / "input.html"
    page = json.dumps({"id": "story-\udc80", "html": source.read_text()})
    (folder / "pages.jsonl").write_text(page + "\n", encoding="utf-8")
    out = folder / "articles"
    newsparse.dask.to_parquet(newsparse.dask.read_records([folder], field="html", id_field="id"), out)
    frame = pd.read_parquet(out)
    assert frame["source"].tolist() == ["story-\ufffd"]
    assert frame["headline"].tolist() == [newsparse.parse_html(source.read_bytes()).headline]
