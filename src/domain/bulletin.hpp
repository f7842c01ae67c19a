#pragma once
// The campaign bulletin (通报) as content: title, headline, sections of paragraphs and tables, the
// date the figures are as of. Built from a CampaignSummary in one language; the renderers in
// src/report/ only lay it out (Markdown, HTML, DOCX), so every format says the same thing.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/campaign.hpp"

namespace sanpi::domain {

enum class BulletinLang { kZh, kEn };

std::string_view to_string(BulletinLang lang);  // "zh" / "en"
std::optional<BulletinLang> bulletin_lang_from_string(std::string_view s);

// Whose figures the bulletin reports: the reader's scope, named in the bulletin's language.
struct BulletinScope {
    enum class Level { kNation, kProvince, kCity, kZone };
    Level level = Level::kProvince;
    std::string name;  // "山西省" / "Shanxi", "全国" / "Nationwide", a zone's name
};

struct BulletinTable {
    std::string caption;
    std::vector<std::string> header;
    std::vector<std::vector<std::string>> rows;  // each as wide as the header
    std::vector<std::string> totals;             // the totals row; empty when the table has none
    std::size_t text_columns = 1;                // the first columns hold text, the others numbers
};

// A paragraph, or a table when `table` is set.
struct BulletinBlock {
    std::string paragraph;
    std::optional<BulletinTable> table;
};

struct BulletinSection {
    std::string heading;  // numbered: "一、总体情况" / "1. Overview"
    std::vector<BulletinBlock> blocks;
};

struct Bulletin {
    BulletinLang lang = BulletinLang::kZh;
    std::string title;              // "山西省开发区“三个一批”活动情况通报"
    std::string subtitle;           // the campaign's name and date
    std::string headline;           // the sentence that opens the bulletin
    std::vector<std::string> lead;  // what follows the headline before the sections
    std::vector<BulletinSection> sections;
    std::string figures_as_of;  // "数据截至2022年6月22日。"; empty when the summary does not say
};

// Tables by batch, industry and city; size bands and top projects when the summary has them; the
// comparison with the previous campaign ("first campaign" without one); the conversion rates.
// Industries are named once each, in the summary's (the catalogue's) order, when they have a
// project in any batch; the text leaves out the catch-all "other" (其他), the tables keep it.
Bulletin build_bulletin(const CampaignSummary& summary, BulletinLang lang, const BulletinScope& scope);

}  // namespace sanpi::domain
