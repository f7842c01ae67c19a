#!/usr/bin/env python3
"""The demo bulletin as a Word file, made by the built `sanpi` CLI and read back with python-docx.

Usage: bulletin_docx_test.py SANPI_BINARY

Creates a demo database in a temporary directory, renders the demo campaign's bulletin as DOCX in
both languages (as the province 140000 sees it, and nationwide), and checks the headline and the
tables' cells as a reader of the file would find them.
"""
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

import docx  # Debian: python3-docx

INDUSTRIES_ZH = ["现代煤化工", "装备制造", "新能源", "新材料", "节能环保", "大数据", "现代医药和大健康"]
FAILURES = []
CHECKS = []


def check(condition, what):
    CHECKS.append(what)
    if not condition:
        FAILURES.append(what)
        print(f"FAIL: {what}")


def run(*args):
    done = subprocess.run(args, capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"{' '.join(args)} exited {done.returncode}:\n{done.stdout}\n{done.stderr}")
    return done


def render(sanpi, db, campaign, lang, out, province=None):
    args = [sanpi, "report", "campaign", str(campaign), "--db", db, "--lang", lang, "--format", "docx", "-o", str(out)]
    if province:
        args += ["--province", province]
    run(*args)
    return docx.Document(str(out))


def table_text(table):
    return [[cell.text for cell in row.cells] for row in table.rows]


def check_chinese(document):
    paragraphs = [p for p in document.paragraphs if p.text]
    check(paragraphs[0].style.name == "Title", "the first paragraph is the title")
    check(paragraphs[0].text == "山西省开发区“三个一批”活动情况通报", f"title: {paragraphs[0].text}")
    headline = next((p.text for p in paragraphs if p.text.startswith("全省开发区")), "")
    check(headline.startswith("全省开发区集中签约项目321个、总投资"), f"headline: {headline}")
    check("集中开工项目302个" in headline and "集中投产项目189个" in headline, f"headline counts: {headline}")
    for industry in INDUSTRIES_ZH:
        check(headline.count(industry) == 1, f"{industry} once in the headline")
    headings = [p.text for p in paragraphs if p.style.name == "Heading 1"]
    check(headings[:3] == ["一、总体情况", "二、分产业情况", "三、分城市情况"], f"headings: {headings}")
    batches = table_text(document.tables[0])
    check(len(batches) == 5, f"batch table rows: {len(batches)}")  # header, three batches, totals
    check([r[:2] for r in batches[1:4]] == [["签约一批", "321"], ["开工一批", "302"], ["投产一批", "189"]],
          f"batch rows: {batches}")
    check(batches[4][:2] == ["合计", "812"], f"totals: {batches[4]}")
    industries = table_text(document.tables[1])
    # The catch-all 其他 has demo projects: a row of the table, though the headline does not name it.
    check([r[0] for r in industries[1:-1]] == INDUSTRIES_ZH + ["其他"], f"industry rows: {[r[0] for r in industries]}")
    check("其他" not in headline, "the headline names real industries only")
    check(industries[-1][0] == "合计" and industries[-1][1::2] == ["321", "302", "189"],
          f"industry totals: {industries[-1]}")
    cities = table_text(document.tables[2])
    check(len(cities) == 13 and cities[1][0] == "太原市", f"city rows: {len(cities)}")  # 11 cities
    check(sum(int(r[1]) for r in cities[1:-1]) == 321, "the cities' signed projects add up to 321")
    check(document.sections[0].page_width == docx.shared.Twips(11906), "A4 width")
    check(document.sections[0].page_height == docx.shared.Twips(16838), "A4 height")


def check_english(document):
    text = "\n".join(p.text for p in document.paragraphs)
    check("Development zones across the province signed 321 projects, started 302 and put 189 into production, in "
          "modern coal chemicals, equipment manufacturing, new energy, new materials, energy saving and "
          "environmental protection, big data, and modern medicine and health." in text, "the English headline")
    batches = table_text(document.tables[0])
    check(batches[0][:2] == ["Batch", "Projects"] and batches[4][:2] == ["Total", "812"], f"batches: {batches}")


def check_nationwide(document):
    paragraphs = [p.text for p in document.paragraphs if p.text]
    check(paragraphs[0] == "全国开发区“三个一批”活动情况通报", f"national title: {paragraphs[0]}")
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    check(not any("分城市" in h for h in headings), "a national bulletin has no city table")


def main():
    sanpi = sys.argv[1]
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "demo.db"
        db = f"sqlite:{path}"
        run(sanpi, "demo", "--db", db)
        with sqlite3.connect(path) as conn:
            (campaign,) = conn.execute("SELECT id FROM campaigns ORDER BY event_date DESC, id DESC LIMIT 1").fetchone()
        check_chinese(render(sanpi, db, campaign, "zh", Path(tmp) / "zh.docx", "140000"))
        check_english(render(sanpi, db, campaign, "en", Path(tmp) / "en.docx", "140000"))
        check_nationwide(render(sanpi, db, campaign, "zh", Path(tmp) / "all.docx"))
    print(f"bulletin docx: {len(CHECKS) - len(FAILURES)} passed, {len(FAILURES)} failed")
    return 1 if FAILURES else 0


if __name__ == "__main__":
    sys.exit(main())
