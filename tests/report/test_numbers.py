"""The report's numbers against SQL on the store it was made from, and its filters and command."""
from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from click.testing import CliRunner
from eia_rules_cli.main import cli

from eia_rules.model.record import CHARACTERISTICS
from eia_rules.report import Filters, ReportOptions, build_report

from .conftest import CORPORA, Audited

GAP = "f.severity = 'error' AND f.outcome = 'violation' AND f.suppressed = 0"


def q(db: Path, sql: str, *args: object) -> list[tuple]:
    with sqlite3.connect(db) as conn:
        return conn.execute(sql, args).fetchall()


def soup(html: str) -> BeautifulSoup:
    return BeautifulSoup(html, "html.parser")


def text(page: BeautifulSoup, css: str) -> str:
    return page.select_one(css).get_text(" ", strip=True)


def test_headline_figures_match_the_store(audited: Audited):
    page = soup(audited.html)
    ok = q(audited.db, "SELECT COUNT(*) FROM documents WHERE status = 'ok'")[0][0]
    failed = q(audited.db, "SELECT COUNT(*) FROM documents WHERE status = 'failed'")[0][0]
    with_gap = q(audited.db, f"SELECT COUNT(DISTINCT d.id) FROM documents d JOIN findings f ON f.document_id = d.id "
                             f"WHERE d.status = 'ok' AND {GAP}")[0][0]
    assert ok >= 20 and failed == 1 and 0 < with_gap <= ok
    assert text(page, "#fig-audited") == str(ok)
    assert text(page, "#fig-failed") == str(failed)
    assert text(page, "#fig-gap-count") == str(with_gap)
    assert text(page, "#fig-gap-share") == f"{round(100 * with_gap / ok)}%"
    top_rule, top_count = q(audited.db, f"SELECT f.rule_id, COUNT(DISTINCT d.id) AS n FROM findings f JOIN documents d "
                                        f"ON d.id = f.document_id WHERE d.status = 'ok' AND {GAP} "
                                        f"GROUP BY f.rule_id ORDER BY n DESC, f.rule_id LIMIT 1")[0]
    first_row = page.select_one("#common-gaps tbody tr")
    assert first_row.th.get_text(strip=True) == top_rule
    assert first_row.select("td")[1].get_text(strip=True) == str(top_count)


def test_family_table_counts_assessments_with_a_statutory_gap_per_family(audited: Audited):
    page = soup(audited.html)
    ok = q(audited.db, "SELECT COUNT(*) FROM documents WHERE status = 'ok'")[0][0]
    rows = page.select("#family-table tbody tr")
    assert {r["data-family"] for r in rows} >= {"protected-characteristics", "consultation", "welsh-language"}
    for row in rows:
        family = row["data-family"]
        gap = q(audited.db, f"SELECT COUNT(DISTINCT d.id) FROM documents d JOIN findings f ON f.document_id = d.id "
                            f"WHERE d.status = 'ok' AND f.family = ? AND {GAP}", family)[0][0]
        cells = [td.get_text(strip=True) for td in row.select("td")]
        assert cells[0] == str(ok - gap) and cells[2] == str(gap), family
    assert page.select_one("#families svg[role=img] title").get_text()


def test_heat_map_cells_are_the_records_statuses(audited: Audited):
    page = soup(audited.html)
    expected: dict[tuple[str, str], dict[str, int]] = {}
    for directorate, service, record_json in q(
            audited.db, "SELECT d.directorate, d.service, r.record_json FROM documents d "
                        "JOIN records r ON r.document_id = d.id WHERE d.status = 'ok'"):
        group = directorate or service or "Not stated"
        for key, value in json.loads(record_json)["characteristics"].items():
            cell = expected.setdefault((group, key), {})
            cell[value["status"]] = cell.get(value["status"], 0) + 1
    rows = page.select("#heat-table tbody tr")
    # the documents' own directorate fields, else the manifest's (the folder names, here)
    assert {r.th.get_text(strip=True) for r in rows} == {g for g, _ in expected}
    assert "Education and Lifelong Learning" in {g for g, _ in expected}
    for row in rows:
        group = row.th.get_text(strip=True)
        for td in row.select("td"):
            counts = {s: int(td[f"data-{s}"]) for s in ("assessed", "asserted", "listed", "absent")}
            want = expected[(group, td["data-characteristic"])]
            assert counts == {s: want.get(s, 0) for s in counts}, (group, td["data-characteristic"])
    assert len(rows[0].select("td")) == len(CHARACTERISTICS)


def test_trend_counts_dated_assessments_by_period(audited: Audited):
    page = soup(audited.html)
    dated = q(audited.db, "SELECT COUNT(*) FROM documents WHERE status = 'ok' AND doc_date IS NOT NULL")[0][0]
    totals = [int(tr.select("td")[0].get_text()) for tr in page.select("#trend-table tbody tr")]
    assert dated and sum(totals) == dated
    assert page.select_one("#trend svg[role=img]") is not None


def test_challenge_questions_name_the_rules_and_services_that_recur(audited: Audited):
    page = soup(audited.html)
    ok = q(audited.db, "SELECT COUNT(*) FROM documents WHERE status = 'ok'")[0][0]
    questions = page.select("#questions .question")
    assert questions
    wording = " ".join(qn.get_text(" ", strip=True) for qn in questions)
    for rule_id, count in q(audited.db, f"SELECT f.rule_id, COUNT(DISTINCT d.id) FROM findings f JOIN documents d "
                                        f"ON d.id = f.document_id WHERE d.status = 'ok' AND {GAP} "
                                        f"GROUP BY f.rule_id HAVING COUNT(DISTINCT d.id) >= 2 "
                                        f"ORDER BY 2 DESC LIMIT 3"):
        assert f"{count} of {ok} assessments" in wording and f"({rule_id})" in wording, rule_id
    services = {s for (s,) in q(audited.db, "SELECT service FROM documents WHERE service != ''")}
    asks = [text(qn, ".ask") for qn in questions]
    assert all(a.startswith("Ask: ") and "{" not in a for a in asks)
    assert any(s in a for a in asks for s in services), "a question names a real service"


def test_comparison_with_the_previous_run_uses_its_snapshot(audited: Audited):
    page = soup(audited.html)
    changes = text(page, "#changes")
    assert f"run {audited.first_run}" in changes
    then = q(audited.db, "SELECT COUNT(DISTINCT s.path) FROM run_documents s JOIN run_findings f ON f.run_id = s.run_id "
                         "AND f.path = s.path WHERE s.run_id = ? AND s.status = 'ok' AND " + GAP,
             audited.first_run)[0][0]
    then_ok = q(audited.db, "SELECT COUNT(*) FROM run_documents WHERE run_id = ? AND status = 'ok'", audited.first_run)[0][0]
    assert f"({then} of {then_ok})" in changes
    had_gap = {p for (p,) in q(audited.db, f"SELECT DISTINCT path FROM run_findings f WHERE run_id = ? AND {GAP}",
                               audited.first_run)}
    has_gap = {p for (p,) in q(audited.db, f"SELECT DISTINCT d.path FROM documents d JOIN findings f "
                                           f"ON f.document_id = d.id WHERE {GAP}")}
    both = {p for (p,) in q(audited.db, "SELECT path FROM documents WHERE status = 'ok'")}
    fixed, newly = len((had_gap - has_gap) & both), len((has_gap - had_gap) & both)
    assert (text(page, "#fixed-count"), text(page, "#newly-count")) == (str(fixed), str(newly))
    assert fixed >= 1, "the thorough rewrite between the runs fixes one assessment"
    # the chart shows the table's figures: each family's then and now shares, as printed in it
    chart = page.select_one("#changes svg[role=img]")
    assert chart is not None and chart.title.get_text().endswith("and now")
    labels = [t.get_text() for t in chart.select("text")]
    for row in page.select("#change-table tbody tr"):
        before, after = (td.get_text(strip=True) for td in row.select("td")[:2])
        assert row.th.get_text(strip=True)[:20] in " ".join(labels)
        assert before in labels and after in labels


def test_every_top_assessment_links_to_its_located_findings(audited: Audited):
    page = soup(audited.html)
    links = page.select("#top-table a[href^='#doc-']")
    assert 1 <= len(links) <= 10
    for link in links:
        detail = page.select_one(link["href"])
        assert detail is not None and link.get_text(strip=True) in detail.h3.get_text()
        findings = detail.select("li.finding")
        assert findings or detail.select("table.warnings tbody tr")
        assert all("At:" in f.get_text() for f in findings)
    assert "Legal basis:" in page.select_one(links[0]["href"]).get_text()


def test_directorate_date_and_family_filters(audited: Audited):
    page = soup(build_report(audited.db, ReportOptions(filters=Filters(directorate="Education"))))  # the README's
    assert text(page, "#fig-audited") == str(q(audited.db, "SELECT COUNT(*) FROM documents WHERE status = 'ok' AND "
                                                           "'education' IN (lower(directorate), lower(service))")[0][0])
    assert text(page, "#fig-audited") != "0"
    page = soup(build_report(audited.db, ReportOptions(filters=Filters(since="2024-07", until="2024"))))
    assert text(page, "#fig-audited") == str(q(audited.db, "SELECT COUNT(*) FROM documents WHERE status = 'ok' "
                                                           "AND doc_date >= '2024-07' AND doc_date < '2025'")[0][0])
    page = soup(build_report(audited.db, ReportOptions(filters=Filters(families=frozenset({"welsh-language"})))))
    assert [r["data-family"] for r in page.select("#family-table tbody tr")] == ["welsh-language"]
    assert text(page, "#fig-gap-count") == str(q(
        audited.db, f"SELECT COUNT(DISTINCT d.id) FROM documents d JOIN findings f ON f.document_id = d.id "
                    f"WHERE d.status = 'ok' AND f.family = 'welsh-language' AND {GAP}")[0][0])


def test_report_command_from_a_store_and_from_a_folder(audited: Audited, tmp_path: Path):
    out = tmp_path / "r.html"
    result = CliRunner().invoke(cli, ["report", "--db", str(audited.db), "-o", str(out), "--compare-run", "0"])
    assert result.exit_code == 0, result.output
    assert "There is no earlier audit run" in out.read_text("utf-8")
    out2 = tmp_path / "folder.html"
    result = CliRunner().invoke(cli, ["report", str(CORPORA / "json"), "-o", str(out2)])
    assert result.exit_code == 0, result.output
    assert text(soup(out2.read_text("utf-8")), "#fig-audited") == str(
        len([p for p in (CORPORA / "json").iterdir() if not p.name.endswith(".expected.json")]))
    result = CliRunner().invoke(cli, ["report", "--db", str(audited.db), "-o", str(out), "--family", "nonsense"])
    assert result.exit_code == 2 and "unknown rule family" in result.output


def test_a_rule_found_several_times_in_a_document_is_one_detail_entry_with_its_places(audited: Audited):
    page = soup(audited.html)
    repeated = q(audited.db, f"SELECT d.path, f.rule_id, COUNT(*) AS n FROM findings f JOIN documents d "
                             f"ON d.id = f.document_id WHERE d.status = 'ok' AND {GAP} "
                             f"GROUP BY d.id, f.rule_id HAVING n > 1")
    shown = 0
    for article in page.select("article.detail"):
        path = article.select_one("p.meta").get_text(" ", strip=True).split("File: ")[-1]
        for doc_path, rule_id, n in repeated:
            if doc_path != path:
                continue
            entries = [li for li in article.select("li.finding") if li.strong.get_text().startswith(rule_id + ":")]
            assert len(entries) == 1, (path, rule_id)
            assert f"({n} findings)" in entries[0].get_text(" ")
            shown += 1
    assert shown, "some document in the report repeats a statutory gap"


def test_a_filter_that_matches_nothing_is_an_error_naming_what_exists(audited: Audited):
    from eia_rules.errors import EiaRulesError

    with pytest.raises(EiaRulesError) as err:
        build_report(audited.db, ReportOptions(filters=Filters(directorate="Educashun")))
    assert "Educashun" in str(err.value) and "Education and Lifelong Learning" in str(err.value)
    with pytest.raises(EiaRulesError, match="dated"):
        build_report(audited.db, ReportOptions(filters=Filters(since="2099")))


def test_the_trend_shows_empty_periods_between_dated_ones():
    from eia_rules.report.data import Doc
    from eia_rules.report.metrics import trend

    docs = [Doc(f"{d}.md", "ok", "", "", d) for d in ("2021-02-01", "2022-01-10")]
    granularity, periods = trend(docs)
    assert granularity == "quarter" and len(periods) == 5
    assert [p.total for p in periods] == [1, 0, 0, 0, 1]


def test_ranking_by_directorate_counts_gaps_sign_off_and_needs_review(audited: Audited):
    page = soup(audited.html)
    rows = page.select("#owner-table tbody tr")
    assert rows
    ok = q(audited.db, "SELECT COUNT(*) FROM documents WHERE status = 'ok'")[0][0]
    assert sum(int(r.select("td")[0].get_text()) for r in rows) == ok
    review = q(audited.db, "SELECT COUNT(*) FROM findings f JOIN documents d ON d.id = f.document_id "
                           "WHERE d.status = 'ok' AND f.outcome = 'needs_review' AND NOT f.suppressed")[0][0]
    assert sum(int(r.select("td")[4].get_text()) for r in rows) == review
    shares = [float(r.select("td")[1].get_text()) / float(r.select("td")[0].get_text()) for r in rows]
    assert shares == sorted(shares, reverse=True)
    header = [th.get_text(strip=True) for th in page.select("#top-table thead th")]
    assert {"Owner", "Signed off by", "Needs review"} <= set(header)
    assert all(a["href"].startswith("#doc-") for a in page.select("#top-table tbody a"))


def test_a_report_over_corpus_files_names_no_folder_and_counts_no_readme(tmp_path: Path):
    """The corpus's README files are left out, and the folders (formats, here) are never
    directorates: the report's groups are the documents' own fields or 'Not stated'."""
    import shutil

    from eia_rules.audit import AuditOptions, run_audit

    for rel in ("README.md", "real/README.md", "examples/thorough-iia.docx", "examples/weak-iia.md",
                "pdf/penrhyn-council-tax-reduction.pdf"):
        (tmp_path / "archive" / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(CORPORA / rel, tmp_path / "archive" / rel)
    db = tmp_path / "a.sqlite"
    run = run_audit([str(tmp_path / "archive")], AuditOptions(db=db, jobs=1))
    assert run.not_assessments == 2
    page = soup(build_report(db))
    assert text(page, "#fig-audited") == "3"
    groups = {r.th.get_text(strip=True) for r in page.select("#owner-table tbody tr")}
    assert groups and not groups & {"examples", "real", "pdf", "archive"}
