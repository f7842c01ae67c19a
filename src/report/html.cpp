#include "report/html.hpp"

#include "report/xml_text.hpp"

namespace sanpi::report {
namespace {

// Official documents set body text in 仿宋 and headings in 黑体; each stack falls back through the
// names Windows, macOS and Linux (Noto CJK) give those faces, then to the generic family.
constexpr std::string_view kBulletinCss = R"css(
:root { --ink: #1a1a1a; --rule: #8c8c8c; --head: #ececec; }
* { box-sizing: border-box; }
html { background: #e9e9e6; }
body { margin: 0; color: var(--ink); line-height: 1.75; font-size: 16px;
  font-family: "Times New Roman", "FangSong_GB2312", "FangSong", "仿宋", "STFangsong", "Noto Serif CJK SC",
    "Source Han Serif SC", "Songti SC", "SimSun", "宋体", serif; }
main.bulletin { max-width: 210mm; margin: 24px auto; padding: 22mm 20mm; background: #fff;
  box-shadow: 0 1px 6px rgba(0, 0, 0, 0.15); }
h1, h2 { font-family: "SimHei", "黑体", "Heiti SC", "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei",
  sans-serif; font-weight: bold; }
:lang(en) body { font-family: "Times New Roman", "Liberation Serif", "DejaVu Serif", "Noto Serif CJK SC", serif; }
:lang(en) h1, :lang(en) h2 { font-family: "Helvetica Neue", Arial, "Liberation Sans", "DejaVu Sans",
  "Noto Sans CJK SC", sans-serif; }
h1 { font-size: 24px; text-align: center; color: #a4000f; margin: 0 0 8px; line-height: 1.4; }
.subtitle { text-align: center; margin: 0 0 20px; color: #444; }
h2 { font-size: 18px; margin: 22px 0 8px; }
p { margin: 0 0 10px; }
:lang(zh) p.text { text-indent: 2em; text-align: justify; }
table { width: 100%; border-collapse: collapse; margin: 4px 0 16px; font-size: 13px; line-height: 1.45; }
caption { caption-side: top; font-weight: bold; padding: 4px 0; }
th, td { border: 1px solid var(--rule); padding: 3px 6px; vertical-align: middle; }
th { background: var(--head); text-align: center; }
table.lines td:first-child { min-width: 7em; }
table.ranked th:first-child, table.ranked td:first-child { width: 3em; white-space: nowrap; text-align: center; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tfoot td { font-weight: bold; background: #f6f6f4; }
.as-of { margin-top: 18px; text-align: right; color: #444; }
@page { size: A4; margin: 25mm 20mm 22mm; }
@media print {
  html, body { background: none; }
  main.bulletin { max-width: none; margin: 0; padding: 0; box-shadow: none; }
  nav, .no-print { display: none; }
  h2 { break-after: avoid; }
  /* A bulletin's tables are short (a province's cities, ten projects): each is kept whole on a
     page, caption and header with it; one longer than a page still splits, its header repeated. */
  table { break-inside: avoid; }
  caption { break-after: avoid; }
  thead { display: table-header-group; }
  tfoot { display: table-row-group; }
  tr { break-inside: avoid; }
  p { orphans: 3; widows: 3; }
}
)css";

std::string html_row(const std::vector<std::string>& cells, std::size_t text_columns, const char* cell) {
    std::string out = "<tr>";
    for (std::size_t i = 0; i < cells.size(); ++i) {
        const bool numeric = std::string_view(cell) == "td" && i >= text_columns;
        out += std::string("<") + cell + (numeric ? " class=\"num\"" : "") + ">" + html_escape(cells[i]) + "</" + cell +
               ">";
    }
    return out + "</tr>\n";
}

std::string html_table(const domain::BulletinTable& t) {
    // A table of lines (by batch, industry, city…) labels each row in its first column only; a
    // ranking (the largest projects) numbers them there.
    std::string out = t.text_columns == 1 ? "<table class=\"lines\">\n" : "<table class=\"ranked\">\n";
    if (!t.caption.empty()) out += "<caption>" + html_escape(t.caption) + "</caption>\n";
    out += "<thead>" + html_row(t.header, t.text_columns, "th") + "</thead>\n<tbody>\n";
    for (const auto& row : t.rows) out += html_row(row, t.text_columns, "td");
    out += "</tbody>\n";
    if (!t.totals.empty()) out += "<tfoot>" + html_row(t.totals, t.text_columns, "td") + "</tfoot>\n";
    return out + "</table>\n";
}

}  // namespace

// The XML escaping is also HTML's (the page is well-formed XML too): &apos; is HTML5.
std::string html_escape(std::string_view text) { return xml_escape(text); }

std::string render_html(const domain::Bulletin& b) {
    const bool zh = b.lang == domain::BulletinLang::kZh;
    std::string out =
        std::string("<!DOCTYPE html>\n<html lang=\"") + (zh ? "zh-CN" : "en") + "\">\n<head>\n" +
        "<meta charset=\"utf-8\" />\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />\n" +
        "<title>" + html_escape(b.title) + "</title>\n<style>" + std::string(kBulletinCss) +
        "</style>\n</head>\n<body>\n<main class=\"bulletin\">\n<header>\n<h1>" + html_escape(b.title) + "</h1>\n";
    if (!b.subtitle.empty()) out += "<p class=\"subtitle\">" + html_escape(b.subtitle) + "</p>\n";
    out += "</header>\n<p class=\"text headline\">" + html_escape(b.headline) + "</p>\n";
    for (const auto& p : b.lead) out += "<p class=\"text\">" + html_escape(p) + "</p>\n";
    for (const auto& section : b.sections) {
        out += "<section>\n<h2>" + html_escape(section.heading) + "</h2>\n";
        for (const auto& block : section.blocks) {
            out +=
                block.table ? html_table(*block.table) : "<p class=\"text\">" + html_escape(block.paragraph) + "</p>\n";
        }
        out += "</section>\n";
    }
    if (!b.figures_as_of.empty()) out += "<p class=\"as-of\">" + html_escape(b.figures_as_of) + "</p>\n";
    return out + "</main>\n</body>\n</html>\n";
}

}  // namespace sanpi::report
