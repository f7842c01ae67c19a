// word/document.xml of the bulletin: title, headline, headings, paragraphs and real Word tables
// (w:tbl with a grid, the header row repeated on each page, rows kept whole), on an A4 page.
#include <numeric>

#include "report/docx_xml.hpp"
#include "report/xml_text.hpp"

namespace sanpi::report::docx_xml {
namespace {

// A4 in twentieths of a point, with the margins of a Chinese official document (GB/T 9704:
// 37 mm top, 35 mm bottom, 28 mm left, 26 mm right).
constexpr int kPageWidth = 11906, kPageHeight = 16838;
constexpr int kMarginTop = 2098, kMarginBottom = 1984, kMarginLeft = 1588, kMarginRight = 1474;
constexpr int kTextWidth = kPageWidth - kMarginLeft - kMarginRight;

std::string text_run(const std::string& text, const std::string& rpr = "") {
    return "<w:r>" + (rpr.empty() ? "" : "<w:rPr>" + rpr + "</w:rPr>") + "<w:t xml:space=\"preserve\">" +
           xml_escape(text) + "</w:t></w:r>";
}

std::string styled_paragraph(const char* style, const std::string& text, const std::string& rpr = "") {
    return std::string("<w:p><w:pPr><w:pStyle w:val=\"") + style + "\"/></w:pPr>" + text_run(text, rpr) + "</w:p>";
}

// Body text: in Chinese the first line indented two characters, as official documents are.
std::string body_paragraph(const std::string& text, domain::BulletinLang lang) {
    const std::string ppr = lang == domain::BulletinLang::kZh
                                ? "<w:pPr><w:ind w:firstLineChars=\"200\" w:firstLine=\"640\"/></w:pPr>"
                                : "<w:pPr><w:spacing w:after=\"120\"/></w:pPr>";
    return "<w:p>" + ppr + text_run(text) + "</w:p>";
}

// Column widths in proportion: an ordinal first column narrow, the name after it wide and the zone next when a
// table has several text columns; a label wider than the figures otherwise.
std::vector<int> column_widths(const domain::BulletinTable& t) {
    std::vector<int> weights;
    for (std::size_t i = 0; i < t.header.size(); ++i) {
        if (i >= t.text_columns) {
            weights.push_back(t.text_columns > 1 ? 3 : 2);
        } else if (t.text_columns > 1) {
            weights.push_back(i == 0 ? 2 : (i == 1 ? 6 : (i == 2 ? 4 : 3)));
        } else {
            weights.push_back(3);
        }
    }
    const int total = std::accumulate(weights.begin(), weights.end(), 0);
    std::vector<int> widths;
    for (const int w : weights) widths.push_back(total == 0 ? 0 : kTextWidth * w / total);
    return widths;
}

enum class RowKind { kHeader, kBody, kTotals };

std::string table_cell(const std::string& text, int width, const char* align, RowKind kind) {
    const bool strong = kind != RowKind::kBody;
    std::string out = "<w:tc><w:tcPr><w:tcW w:w=\"" + std::to_string(width) + "\" w:type=\"dxa\"/>";
    if (strong)
        out += std::string("<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"") +
               (kind == RowKind::kHeader ? "E7E6E6" : "F2F2F2") + "\"/>";
    out +=
        "<w:vAlign w:val=\"center\"/></w:tcPr><w:p><w:pPr><w:spacing w:before=\"0\" w:after=\"0\" "
        "w:line=\"300\" w:lineRule=\"auto\"/><w:ind w:firstLineChars=\"0\" w:firstLine=\"0\"/><w:jc w:val=\"" +
        std::string(align) + "\"/></w:pPr>";
    return out +
           text_run(text, std::string(strong ? "<w:b/><w:bCs/>" : "") + "<w:sz w:val=\"21\"/><w:szCs w:val=\"21\"/>") +
           "</w:p></w:tc>";
}

std::string table_row(const std::vector<std::string>& cells, const domain::BulletinTable& t,
                      const std::vector<int>& widths, RowKind kind) {
    std::string out = "<w:tr><w:trPr><w:cantSplit/>";
    if (kind == RowKind::kHeader) out += "<w:tblHeader/>";
    out += "</w:trPr>";
    for (std::size_t i = 0; i < widths.size(); ++i) {
        const char* align = kind == RowKind::kHeader ? "center" : (i < t.text_columns ? "left" : "right");
        out += table_cell(i < cells.size() ? cells[i] : "", widths[i], align, kind);
    }
    return out + "</w:tr>";
}

std::string word_table(const domain::BulletinTable& t) {
    const auto widths = column_widths(t);
    std::string out = t.caption.empty() ? "" : styled_paragraph("Caption", t.caption);
    out += "<w:tbl><w:tblPr><w:tblStyle w:val=\"BulletinTable\"/><w:tblW w:w=\"" + std::to_string(kTextWidth) +
           "\" w:type=\"dxa\"/><w:jc w:val=\"center\"/><w:tblLayout w:type=\"fixed\"/><w:tblLook w:val=\"04A0\" "
           "w:firstRow=\"1\" w:lastRow=\"" +
           (t.totals.empty() ? "0" : "1") +
           "\" w:firstColumn=\"1\" "
           "w:lastColumn=\"0\" w:noHBand=\"1\" w:noVBand=\"1\"/></w:tblPr><w:tblGrid>";
    for (const int w : widths) out += "<w:gridCol w:w=\"" + std::to_string(w) + "\"/>";
    out += "</w:tblGrid>" + table_row(t.header, t, widths, RowKind::kHeader);
    for (const auto& row : t.rows) out += table_row(row, t, widths, RowKind::kBody);
    if (!t.totals.empty()) out += table_row(t.totals, t, widths, RowKind::kTotals);
    // An empty paragraph after the table keeps the next caption or heading off its last row.
    return out + "</w:tbl><w:p><w:pPr><w:spacing w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/></w:pPr></w:p>";
}

std::string section_properties() {
    return "<w:sectPr><w:pgSz w:w=\"" + std::to_string(kPageWidth) + "\" w:h=\"" + std::to_string(kPageHeight) +
           "\"/><w:pgMar w:top=\"" + std::to_string(kMarginTop) + "\" w:right=\"" + std::to_string(kMarginRight) +
           "\" w:bottom=\"" + std::to_string(kMarginBottom) + "\" w:left=\"" + std::to_string(kMarginLeft) +
           "\" w:header=\"851\" w:footer=\"992\" w:gutter=\"0\"/><w:cols w:space=\"425\"/></w:sectPr>";
}

}  // namespace

std::string document(const domain::Bulletin& b) {
    std::string body = styled_paragraph("Title", b.title);
    if (!b.subtitle.empty()) body += styled_paragraph("Subtitle", b.subtitle);
    body += body_paragraph(b.headline, b.lang);
    for (const auto& p : b.lead) body += body_paragraph(p, b.lang);
    for (const auto& section : b.sections) {
        body += styled_paragraph("Heading1", section.heading);
        for (const auto& block : section.blocks) {
            body += block.table ? word_table(*block.table) : body_paragraph(block.paragraph, b.lang);
        }
    }
    if (!b.figures_as_of.empty()) body += styled_paragraph("AsOf", b.figures_as_of);
    return std::string(kXmlDeclaration) + "<w:document xmlns:w=\"" + kWordNamespace + "\"><w:body>" + body +
           section_properties() + "</w:body></w:document>";
}

}  // namespace sanpi::report::docx_xml
