#include "domain/bulletin.hpp"

#include "domain/bulletin_parts.hpp"
#include "domain/number_text.hpp"
#include "domain/text_list.hpp"

namespace sanpi::domain {

namespace bulletin_parts {

// The dictionary's catch-all: its projects count in the tables, but running text names only real
// industries ("涉及…等产业" covers the rest).
constexpr std::string_view kCatchAllIndustry = "other";

std::string pick(BulletinLang lang, std::string_view zh, std::string_view en) {
    return std::string(lang == BulletinLang::kZh ? zh : en);
}

std::string count_text(std::int64_t n, BulletinLang lang) {
    return lang == BulletinLang::kZh ? std::to_string(n) : group_thousands(n);
}

std::string amount_text(Money amount, BulletinLang lang) {
    return lang == BulletinLang::kZh ? yi_text(amount, true) : billion_text(amount, true);
}

std::string amount_phrase(Money amount, BulletinLang lang) {
    return lang == BulletinLang::kZh ? yi_text(amount) + "亿元" : "RMB " + billion_text(amount) + " billion";
}

std::string amount_header(BulletinLang lang) { return pick(lang, "总投资（亿元）", "Investment (RMB bn)"); }

std::string batch_label(BatchKind batch, BulletinLang lang) {
    switch (batch) {
        case BatchKind::kSign:
            return pick(lang, "签约一批", "Signed");
        case BatchKind::kStart:
            return pick(lang, "开工一批", "Started");
        case BatchKind::kProduce:
            return pick(lang, "投产一批", "In production");
    }
    return "";
}

std::string date_text(Date d, BulletinLang lang) {
    return lang == BulletinLang::kZh ? date_text_zh(d) : date_text_en(d);
}

std::vector<std::string> industries_named(const CampaignSummary& summary, BulletinLang lang, bool in_text) {
    std::vector<std::string> codes, names;
    for (const auto& b : summary.batches) {
        for (const auto& line : b.by_industry) {
            if (line.projects == 0 || (in_text && line.industry_code == kCatchAllIndustry)) continue;
            bool seen = false;
            for (const auto& c : codes) seen = seen || c == line.industry_code;
            if (seen) continue;
            // The first batch that names an industry places it: batches list the catalogue's order.
            std::string name = lang == BulletinLang::kZh ? line.name : line.name_en;
            if (name.empty()) name = line.industry_code;
            codes.push_back(line.industry_code);
            names.push_back(in_text && lang == BulletinLang::kEn ? lower_initial_en(name) : name);
        }
    }
    if (summary.batches.empty()) return names;
    // Keep the catalogue's order even when a later batch brought an industry the first lacks.
    std::vector<std::string> ordered;
    for (const auto& line : summary.batches.front().by_industry) {
        for (std::size_t i = 0; i < codes.size(); ++i) {
            if (codes[i] == line.industry_code) ordered.push_back(names[i]);
        }
    }
    return ordered.size() == names.size() ? ordered : names;
}

namespace {

std::string section_number(std::size_t i, BulletinLang lang) {
    static const char* const kZhNumbers[] = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};
    if (lang == BulletinLang::kEn || i >= std::size(kZhNumbers)) return std::to_string(i + 1) + ". ";
    return std::string(kZhNumbers[i]) + "、";
}

void add_section(Bulletin& b, std::string_view zh, std::string_view en, std::vector<BulletinBlock> blocks) {
    b.sections.push_back({section_number(b.sections.size(), b.lang) + pick(b.lang, zh, en), std::move(blocks)});
}

BulletinBlock table_block(BulletinTable t) { return {"", std::move(t)}; }

bool has_cities(const CampaignSummary& s) { return !s.batches.empty() && !s.batches.front().by_city.empty(); }

bool has_size_bands(const CampaignSummary& s) { return !s.batches.empty() && !s.batches.front().size_bands.empty(); }

std::vector<BulletinBlock> top_project_blocks(const CampaignSummary& s, BulletinLang lang) {
    std::vector<BulletinBlock> out;
    for (const auto& batch : s.batches) {
        if (!batch.top_projects.empty()) out.push_back(table_block(top_project_table(batch, lang)));
    }
    return out;
}

std::string title_of(const BulletinScope& scope, BulletinLang lang) {
    if (lang == BulletinLang::kEn) return "“Three Batches” Campaign Bulletin: " + scope.name;
    const bool zone = scope.level == BulletinScope::Level::kZone;
    return scope.name + (zone ? "" : "开发区") + "“三个一批”活动情况通报";
}

// "表1　…" / "Table 1. …" in the order the tables come, whichever sections the summary has.
void number_tables(Bulletin& b) {
    int n = 0;
    for (auto& section : b.sections) {
        for (auto& block : section.blocks) {
            if (!block.table) continue;
            const auto number = std::to_string(++n);
            block.table->caption = pick(b.lang, "表" + number + "　", "Table " + number + ". ") + block.table->caption;
        }
    }
}

}  // namespace
}  // namespace bulletin_parts

std::string_view to_string(BulletinLang lang) { return lang == BulletinLang::kZh ? "zh" : "en"; }

std::optional<BulletinLang> bulletin_lang_from_string(std::string_view s) {
    if (s == "zh") return BulletinLang::kZh;
    if (s == "en") return BulletinLang::kEn;
    return std::nullopt;
}

Bulletin build_bulletin(const CampaignSummary& s, BulletinLang lang, const BulletinScope& scope) {
    namespace bp = bulletin_parts;
    using bp::add_section, bp::table_block;
    Bulletin b;
    b.lang = lang;
    b.title = bp::title_of(scope, lang);
    b.subtitle = lang == BulletinLang::kZh ? s.campaign.name + "（" + bp::date_text(s.campaign.date, lang) + "）"
                                           : s.campaign.name + ", " + bp::date_text(s.campaign.date, lang);
    b.headline = bp::headline(s, lang, scope);
    b.lead = bp::lead_after_headline(s, lang);
    add_section(b, "总体情况", "Overview", {table_block(bp::batch_table(s, lang))});
    add_section(b, "分产业情况", "By industry", {table_block(bp::industry_table(s, lang))});
    if (bp::has_cities(s)) add_section(b, "分城市情况", "By city", {table_block(bp::city_table(s, lang))});
    if (auto top = bp::top_project_blocks(s, lang); !top.empty()) {
        add_section(b, "重点项目", "Largest projects", std::move(top));
    }
    if (bp::has_size_bands(s)) {
        std::vector<BulletinBlock> blocks;
        for (auto& t : bp::size_band_tables(s, lang)) blocks.push_back(table_block(std::move(t)));
        add_section(b, "投资规模分布", "By size of investment", std::move(blocks));
    }
    add_section(b, "与上次活动比较", "Compared with the previous campaign", bp::comparison_blocks(s, lang));
    add_section(b, "项目转化情况", "Conversion of earlier campaigns' projects",
                {{bp::conversion_paragraph(s.conversion, lang), std::nullopt}});
    if (s.figures_as_of != Date::from_days(0)) {
        b.figures_as_of = lang == BulletinLang::kZh ? "数据截至" + bp::date_text(s.figures_as_of, lang) + "。"
                                                    : "Figures as of " + bp::date_text(s.figures_as_of, lang) + ".";
    }
    bp::number_tables(b);
    return b;
}

}  // namespace sanpi::domain
