#include "report/markdown.hpp"

namespace sanpi::report {
namespace {

std::string markdown_row(const std::vector<std::string>& cells, bool bold) {
    std::string out = "|";
    for (const auto& cell : cells) {
        const auto text = markdown_escape(cell);
        out += " " + (bold && !text.empty() ? "**" + text + "**" : text) + " |";
    }
    return out + "\n";
}

std::string markdown_table(const domain::BulletinTable& t) {
    std::string out = t.caption.empty() ? "" : "**" + markdown_escape(t.caption) + "**\n\n";
    out += markdown_row(t.header, false) + "|";
    for (std::size_t i = 0; i < t.header.size(); ++i) out += i < t.text_columns ? " --- |" : " ---: |";
    out += "\n";
    for (const auto& row : t.rows) out += markdown_row(row, false);
    if (!t.totals.empty()) out += markdown_row(t.totals, true);
    return out + "\n";
}

}  // namespace

std::string markdown_escape(std::string_view text) {
    std::string out;
    for (const char c : text) {
        if (std::string_view("\\`*_[]<>|#").find(c) != std::string_view::npos) out += '\\';
        out += c == '\n' ? ' ' : c;
    }
    return out;
}

std::string render_markdown(const domain::Bulletin& b) {
    std::string out = "# " + markdown_escape(b.title) + "\n\n";
    if (!b.subtitle.empty()) out += "*" + markdown_escape(b.subtitle) + "*\n\n";
    out += markdown_escape(b.headline) + "\n\n";
    for (const auto& p : b.lead) out += markdown_escape(p) + "\n\n";
    for (const auto& section : b.sections) {
        out += "## " + markdown_escape(section.heading) + "\n\n";
        for (const auto& block : section.blocks) {
            out += block.table ? markdown_table(*block.table) : markdown_escape(block.paragraph) + "\n\n";
        }
    }
    if (!b.figures_as_of.empty()) out += "*" + markdown_escape(b.figures_as_of) + "*\n";
    return out;
}

}  // namespace sanpi::report
