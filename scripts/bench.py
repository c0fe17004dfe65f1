"""Benchmark: our build against the stock site of the same size, at N partnerships.

For each N it generates synthetic data shaped like the real records (N partnerships, N/10
events, N/20 publications) and builds our site; then, in the same run, the stock site: as
many pages as ours, plain Markdown, built with Material, its search plugin and
mkdocs-static-i18n in their default settings (no hook, no macros). It prints the page
counts, wall and CPU time and their ratios, the peak memory of both (the build's processes
summed), the growth 3,000/1,000 and the weight of a first visit to a profile page and to the
map (every response, raw and gzip). Separate from the tests: machines are shared and noisy, so it prints numbers, it
asserts nothing; compare the ratios of one run.

With --suites it also times, on the real data, one build of the site (as `make site` runs it)
and the test suites of the Makefile (`make test-fast`; with --full also `make test` and
`make test-data`), and prints each as a multiple of that build: the targets are at most 6 for
test-fast and 60 for test.

    python scripts/bench.py [N ...] [--suites] [--full]   (make bench: 100 1000 3000 --suites)
"""

from __future__ import annotations

import gzip
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from macros.core.checking import site as site_module
from macros.core.pages import profile  # noqa: E402
from macros.core.records.langs import LANGUAGES  # noqa: E402

BUILD_DATE = "1767225600"


def synthetic_data(target: Path, n: int) -> None:
    """Real phases, organisations, series and interface texts; N partnerships cycled from the
    real ones with unique names; events and publications likewise."""
    data = ROOT / "data"
    target.mkdir(parents=True)
    shutil.copy(data / "ui.yml", target / "ui.yml")
    for folder in ("phases", "organisations", "series", "totals", "contacts"):
        shutil.copytree(data / folder, target / folder, ignore=shutil.ignore_patterns("_example.yml"))
    for folder in ("phases",):
        for path in (target / folder).glob("*.yml"):  # synthetic events do not keep the phases' event links
            record = yaml.safe_load(path.read_text(encoding="utf-8"))
            record.pop("kickoff", None), record.pop("results", None)
            path.write_text(yaml.safe_dump(record, allow_unicode=True, sort_keys=False), encoding="utf-8")
    templates = {}
    for collection in ("partnerships", "events", "publications"):
        templates[collection] = [yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted((data / collection).glob("[!_]*.yml"))]
        (target / collection).mkdir()
    counts = {"partnerships": n, "events": max(n // 10, 1), "publications": max(n // 20, 1)}
    # the real publications keep their names: records, series and organisations cite them by id
    for path in sorted((data / "publications").glob("[!_]*.yml")):
        record = yaml.safe_load(path.read_text(encoding="utf-8"))
        record.pop("documents_event", None)  # synthetic events have other names
        (target / "publications" / path.name).write_text(yaml.safe_dump(record, allow_unicode=True, sort_keys=False), encoding="utf-8")
    counts["publications"] = max(counts["publications"] - len(templates["publications"]), 0)
    for collection, count in counts.items():
        for i in range(count):
            record = dict(templates[collection][i % len(templates[collection])])
            if collection == "partnerships":
                record["german"] = dict(record["german"], name=f"Kommune {i}")
                record["partner"] = dict(record["partner"], name=f"Partner {i}")
            if collection == "events":
                record.pop("documentation", None)
                record["partnerships"] = []
            if collection == "publications":
                record.pop("documents_event", None)
            (target / collection / f"x{i:05d}.yml").write_text(
                yaml.safe_dump(record, allow_unicode=True, sort_keys=False), encoding="utf-8")


def our_project(work: Path, n: int) -> Path:
    project = work / f"ours-{n}"
    project.mkdir()
    shutil.copy(ROOT / "mkdocs.yml", project)
    shutil.copytree(ROOT / "docs", project / "docs")
    for name in ("macros", "overrides"):
        (project / name).symlink_to(ROOT / name, target_is_directory=True)
    synthetic_data(project / "data", n)
    return project


BASELINE_CONFIG = """site_name: Baseline
site_url: https://example.org/
theme:
  name: material
  font: false
plugins:
  - search
  - i18n:
      docs_structure: suffix
      languages:
        - locale: de
          default: true
          name: Deutsch
        - locale: en
          name: English
        - locale: fr
          name: Français
"""


def page_count(site: Path) -> int:
    """HTML pages of a built site (the 404 pages not counted)."""
    return sum(1 for path in site.rglob("*.html") if path.name != "404.html")


def baseline_project(work: Path, ours: Path, n: int) -> Path:
    """The stock site: as many pages as our build made, plain Markdown, built with Material,
    its search plugin and mkdocs-static-i18n in their default settings; no hook, no macros.

    The hand-written pages (macro calls removed) keep our navigation; the other pages, each
    the text of one of our profile pages without its HTML, in paragraphs under the page's
    title, sit outside it, as ours do. They have no subheadings: with one, every section
    becomes a search entry, and mkdocs-static-i18n's de-duplication of the search index
    (which compares every entry of the default language with every entry of the others)
    then takes most of the stock build's time at N = 1,000, a baseline that would flatter us."""
    project = work / f"baseline-{n}"
    shutil.copytree(ROOT / "docs", project / "docs", ignore=shutil.ignore_patterns("*.js"))
    for page in (project / "docs").rglob("*.md"):
        page.write_text(re.sub(r"\{\{.*?\}\}", "", page.read_text(encoding="utf-8")), encoding="utf-8")
    (project / "docs" / "p").mkdir(parents=True)
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    nav = re.search(r"^nav:\n(?:  - .*\n)+", config, flags=re.M).group(0)
    (project / "mkdocs.yml").write_text(BASELINE_CONFIG + nav, encoding="utf-8")
    data = site_module.load_or_raise(ours / "data")
    hand_written = len(list((project / "docs").rglob("*.de.md")))
    fillers = page_count(ours / "site") // len(LANGUAGES) - hand_written
    texts = {}
    for index in range(fillers):
        key = data.partnerships[index % len(data.partnerships)][0]
        for lang in LANGUAGES:
            if (key, lang) not in texts:
                page = profile.profile_page(data, key, lang, "https://example.org/")
                body = "\n\n".join(part.text if hasattr(part, "text") else str(part) for part in page.parts)
                texts[key, lang] = re.sub(r"<[^>]+>", " ", body)  # plain Markdown: the same text without our HTML
            (project / "docs" / "p" / f"p{index:05d}.{lang}.md").write_text(f"# Page {index}\n\n{texts[key, lang]}\n", encoding="utf-8")
    return project


def _tree(root: int) -> list[int]:
    """The process and every process under it (a build starts processes: Pagefind, and one
    per language built in parallel)."""
    parents = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            parents[int(entry)] = int(stat.rsplit(")", 1)[1].split()[1])
    tree, todo = [], [root]
    while todo:
        pid = todo.pop()
        tree.append(pid)
        todo.extend(child for child, parent in parents.items() if parent == pid)
    return tree


def _pss_mib(pids: list[int]) -> float:
    """Memory of the processes together: their proportional set sizes (memory shared between
    them, as after a fork, counted once), in MiB."""
    total = 0
    for pid in pids:
        try:
            for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
                if line.startswith("Pss:"):
                    total += int(line.split()[1])
                    break
        except OSError:
            continue
    return total / 1024


def timed_build(project: Path) -> dict:
    """Wall and CPU time of one build, and its peak memory: the largest sum, sampled every
    0.1 s, of the memory of the build's processes."""
    env = dict(os.environ, SOURCE_DATE_EPOCH=BUILD_DATE, NO_MKDOCS_2_WARNING="1", SITE_URL="https://example.org/")  # the notice left out of the timing
    start = time.perf_counter()
    process = subprocess.Popen([sys.executable, "-m", "mkdocs", "build", "-q", "--site-dir", str(project / "site")],
                               cwd=project, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak = [0.0]
    done = threading.Event()

    def sample():
        while not done.wait(0.1):
            peak[0] = max(peak[0], _pss_mib(_tree(process.pid)))

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    errors = process.stderr.read()
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    done.set()
    sampler.join()
    if status != 0:
        raise SystemExit(f"build failed in {project}:\n{errors.decode()[-3000:]}")
    return {"wall": wall, "cpu": usage.ru_utime + usage.ru_stime, "rss": peak[0]}


def browser_visits(site: Path, pages: list[str]) -> dict[str, tuple[int, int, int, int]]:
    """Load each page once in headless Chromium (a first visit: empty cache) and sum every
    response: (requests, raw bytes, gzip bytes, gzip bytes of the page's own HTML)."""
    sys.path.insert(0, str(ROOT / "tests"))
    from browser import CHROMIUM_ARGS, chromium_path, free_port, serve
    from playwright.sync_api import sync_playwright

    port = free_port()
    results = {}
    with serve(site, port) as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        for page_path in pages:
            context = browser.new_context()
            page = context.new_page()
            bodies = []
            page.on("response", lambda response: bodies.append(response))
            page.goto(url + page_path, wait_until="networkidle")
            sizes = []
            for response in bodies:
                try:
                    body = response.body()
                except Exception:  # a response without a body (redirect)
                    continue
                sizes.append((response.url, len(body), len(gzip.compress(body, 9))))
            own = next(g for u, _, g in sizes if u.rstrip("/").endswith(page_path.rstrip("/")))
            results[page_path] = (len(sizes), sum(r for _, r, _ in sizes), sum(g for _, _, g in sizes), own)
            context.close()
        browser.close()
    return results


#: Targets at 1,000 partnerships, against the stock site: CPU time, wall time, memory.
TARGETS = {"cpu": 1.3, "wall": 1.10, "rss": 2.0}
#: The Makefile's test suites (pytest arguments) and their target, as a multiple of one build.
SUITES = {"test-fast": (["-m", "unit or build"], 6), "test": (["-m", "not data"], 60), "test-data": (["-m", "data"], None)}


def _timed(command: list[str], env: dict | None = None) -> tuple[float, float, int]:
    """Wall and CPU time (this command and every process it waited for) and exit status."""
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    return time.perf_counter() - start, usage.ru_utime + usage.ru_stime, status


def suite_ratios(full: bool) -> None:
    """The real site's build, then each test suite, as a multiple of that build's wall time."""
    with tempfile.TemporaryDirectory(prefix="kkp-bench-site-") as folder:
        site_wall, site_cpu, status = _timed([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "--site-dir", folder])
    if status != 0:
        raise SystemExit("the real site did not build")
    print(f"make site (the build of the real data): {site_wall:.1f} s wall, {site_cpu:.1f} s CPU")
    for name, (arguments, target) in SUITES.items():
        if name != "test-fast" and not full:
            continue
        wall, cpu, status = _timed([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-n", "auto",
                                    "--dist", "loadfile", *arguments])
        goal = f" (target at most {target})" if target else ""
        print(f"make {name}: {wall:.1f} s wall, {cpu:.1f} s CPU, {wall / site_wall:.1f} x the build{goal}"
              f"{'' if status == 0 else ', FAILED'}")


def main(sizes: list[int]) -> None:
    work = Path(tempfile.mkdtemp(prefix="kkp-bench-"))
    results = {}
    try:
        for n in sizes:
            ours = our_project(work, n)
            results[n] = {"ours": timed_build(ours)}
            baseline = baseline_project(work, ours, n)
            results[n]["base"] = timed_build(baseline)
            results[n]["pages"] = (page_count(ours / "site"), page_count(baseline / "site"))
            visits = browser_visits(ours / "site", ["partnerschaften/x00000/", "karte/"])
            results[n]["visit"] = visits["partnerschaften/x00000/"]
            results[n]["map"] = visits["karte/"]
            print(f"N={n} done", file=sys.stderr, flush=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(f"{'N':>6} {'pages':>11} {'ours wall':>10} {'base wall':>10} {'ratio':>6} {'ours cpu':>9} {'base cpu':>9} {'ratio':>6} "
          f"{'ours MiB':>9} {'base MiB':>9} {'ratio':>6} {'visit req':>9} {'visit raw':>10} {'visit gz':>9} {'html gz':>8} {'map gz':>8}")
    for n, r in results.items():
        o, b = r["ours"], r["base"]
        requests, raw, packed, own = r["visit"]
        print(f"{n:>6} {r['pages'][0]:>5}/{r['pages'][1]:<5} {o['wall']:>9.1f}s {b['wall']:>9.1f}s {o['wall'] / b['wall']:>6.2f} {o['cpu']:>8.1f}s {b['cpu']:>8.1f}s "
              f"{o['cpu'] / b['cpu']:>6.2f} {o['rss']:>9.0f} {b['rss']:>9.0f} {o['rss'] / b['rss']:>6.2f} {requests:>9} {raw / 1024:>8.1f}KB "
              f"{packed / 1024:>7.1f}KB {own / 1024:>6.1f}KB {r['map'][2] / 1024:>6.1f}KB")
    if 1000 in results:
        o, b = results[1000]["ours"], results[1000]["base"]
        print("at 1,000 partnerships: " + ", ".join(
            f"{name} {o[name] / b[name]:.2f} (target at most {target})" for name, target in TARGETS.items()))
    if 1000 in results and 3000 in results:
        growth = results[3000]["ours"]["wall"] / results[1000]["ours"]["wall"]
        print(f"growth ours 3000/1000: {growth:.2f} (target at most 3.3); "
              f"baseline: {results[3000]['base']['wall'] / results[1000]['base']['wall']:.2f}")


if __name__ == "__main__":
    flags = {arg for arg in sys.argv[1:] if arg.startswith("--")}
    numbers = [int(arg) for arg in sys.argv[1:] if not arg.startswith("--")]
    if numbers or "--suites" not in flags:
        main(numbers or [100, 1000, 3000])
    if "--suites" in flags:
        suite_ratios("--full" in flags)
