"""`fandex analyze --jobs N`: the same results as one process, in input order, errors per file."""

from __future__ import annotations

import functools
import json
from pathlib import Path

import pytest

from conftest import EXAMPLES, SAMPLES
from fandex import cli, parallel
from fandex.commands.analyze import _json_text, _write_json_file
from fandex.errors import FandexError
from fandex.options import Options


def _story_files() -> list[Path]:
    """The bundled examples and the shared samples: the inputs `make run` and the tests know."""
    examples = sorted(p for p in EXAMPLES.rglob("*") if p.is_file()) if EXAMPLES.is_dir() else []
    files = examples + sorted(SAMPLES.glob("*.txt"))
    assert len(files) >= 2, "a parallel batch needs at least two stories"
    return files


def _analyze(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = cli.main(["analyze", *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _json_documents(stdout: str) -> list[dict]:
    return [json.loads(line) for line in stdout.splitlines() if line.strip()]


def test_two_jobs_print_the_same_json_in_the_same_order(
    shared_samples: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    files = [str(p) for p in _story_files()]
    code_one, out_one, _ = _analyze(capsys, *files, "--json", "--jobs", "1")
    code_two, out_two, _ = _analyze(capsys, *files, "--json", "--jobs", "2")
    assert code_one == code_two == 0
    one, two = _json_documents(out_one), _json_documents(out_two)
    assert [d["source"] for d in one] == files  # input order, one document per file
    assert two == one


def test_two_jobs_write_the_same_files(
    shared_samples: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    files = [str(p) for p in sorted(shared_samples.glob("*.txt"))]
    assert _analyze(capsys, *files, "-o", str(tmp_path / "one"), "--jobs", "1")[0] == 0
    code, out, err = _analyze(capsys, *files, "-o", str(tmp_path / "two"), "--jobs", "2")
    assert code == 0
    assert out == ""  # with -o nothing but the count, on stderr
    assert "wrote 2 JSON files" in err
    names = sorted(p.name for p in (tmp_path / "one").iterdir())
    assert names == ["000_9524eb1812e8c07e.json", "002_690171456645192b.json"]
    for name in names:
        assert (tmp_path / "two" / name).read_text(encoding="utf-8") == (tmp_path / "one" / name).read_text(
            encoding="utf-8"
        )


def test_a_failing_file_in_a_parallel_batch_is_reported_and_the_rest_go_through(
    shared_samples: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n", encoding="utf-8")
    missing = tmp_path / "gone.txt"
    samples = sorted(shared_samples.glob("*.txt"))
    batch = [samples[0], empty, samples[1], missing]
    code, out, err = _analyze(capsys, *map(str, batch), "--json", "--jobs", "2")
    assert code == 2
    assert [d["source"] for d in _json_documents(out)] == [str(samples[0]), str(samples[1])]
    errors = [line for line in err.splitlines() if line.startswith("fandex: error:")]
    assert len(errors) == 2
    assert f"{empty}: the file is empty" in errors[0]
    assert f"{missing}: no such file or directory" in errors[1]


def test_results_stream_in_input_order_past_the_backlog(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Long and short stories interleaved, and a backlog of one task per worker: the pool must still
    # hand every result back in the order of the input.
    paths = []
    for index in range(7):
        path = tmp_path / f"story{index}.txt"
        paragraphs = 200 if index % 3 == 0 else 2
        path.write_text(
            f"Story {index}.\n\n" + "She walked home in the rain.\n\n" * paragraphs, encoding="utf-8"
        )
        paths.append(path)
    monkeypatch.setattr(parallel, "BACKLOG_PER_JOB", 1)
    results = list(parallel.analyze_in_parallel(paths, Options(), jobs=2, finish=_json_text))
    assert [path for path, _ in results] == paths
    assert [json.loads(text)["text"].split(".")[0] for _, text in results] == [f"Story {i}" for i in range(7)]


def test_an_error_while_finishing_in_a_worker_comes_back_as_a_fandex_error(tmp_path: Path) -> None:
    stories = []
    for index in range(2):
        story = tmp_path / f"story{index}.txt"
        story.write_text("A short story.\n", encoding="utf-8")
        stories.append(story)
    missing = tmp_path / "no" / "such" / "folder"
    finish = functools.partial(_write_json_file, {story: missing / f"{story.stem}.json" for story in stories})
    results = list(parallel.analyze_in_parallel(stories, Options(), jobs=2, finish=finish))
    assert [path for path, _ in results] == stories
    for _, error in results:
        assert isinstance(error, FandexError)
        assert "cannot write the result" in error.one_line()
        assert str(missing) in error.one_line()


def test_one_job_runs_in_process_and_returns_works(shared_samples: Path) -> None:
    samples = sorted(shared_samples.glob("*.txt"))
    results = list(parallel.analyze_in_parallel(samples, Options(), jobs=1))
    assert [path for path, _ in results] == samples
    assert [work.source for _, work in results] == [str(p) for p in samples]
