#pragma once
// The pieces build_bulletin assembles (bulletin_text.cpp: sentences; bulletin_tables.cpp: tables).
// Internal to the bulletin: other code uses bulletin.hpp.
#include <string>
#include <string_view>
#include <vector>

#include "domain/bulletin.hpp"

namespace sanpi::domain::bulletin_parts {

std::string pick(BulletinLang lang, std::string_view zh, std::string_view en);
// A count as the language writes it in text and tables: "1234" / "1,234".
std::string count_text(std::int64_t n, BulletinLang lang);
// An amount for a table, in the language's unit without the unit, all decimals shown so a column
// lines up: 亿元 ("1234.50") or billions ("123.450").
std::string amount_text(Money amount, BulletinLang lang);
// With the unit, for running text: "1234.56亿元" / "RMB 123.456 billion".
std::string amount_phrase(Money amount, BulletinLang lang);
std::string amount_header(BulletinLang lang);                 // "总投资（亿元）" / "Investment (RMB bn)"
std::string batch_label(BatchKind batch, BulletinLang lang);  // "签约一批" / "Signed"
std::string date_text(Date d, BulletinLang lang);

// Every industry with a project in any batch, once, in the order of by_industry, named in the
// language; for running text (`in_text`) English names lower-cased and the catch-all "other" left
// out.
std::vector<std::string> industries_named(const CampaignSummary& summary, BulletinLang lang, bool in_text);

std::string headline(const CampaignSummary& summary, BulletinLang lang, const BulletinScope& scope);
std::vector<std::string> lead_after_headline(const CampaignSummary& summary, BulletinLang lang);
std::vector<BulletinBlock> comparison_blocks(const CampaignSummary& summary, BulletinLang lang);
std::string conversion_paragraph(const Conversion& c, BulletinLang lang);

BulletinTable batch_table(const CampaignSummary& summary, BulletinLang lang);
BulletinTable industry_table(const CampaignSummary& summary, BulletinLang lang);
BulletinTable city_table(const CampaignSummary& summary, BulletinLang lang);
// Rows by batch, a column per band: the projects with their share of the batch, then their investment.
std::vector<BulletinTable> size_band_tables(const CampaignSummary& summary, BulletinLang lang);
BulletinTable top_project_table(const BatchSummary& batch, BulletinLang lang);
BulletinTable comparison_table(const CampaignSummary& summary, BulletinLang lang);

}  // namespace sanpi::domain::bulletin_parts
