#include "report/summary_table.hpp"

#include <array>
#include <map>
#include <tuple>

#include "report/bulletin_report.hpp"
#include "report/table_frame.hpp"

namespace sanpi::report {

namespace {

using domain::BatchKind;

constexpr std::size_t kSummaryBatches = 3;  // sign, start, produce

// What the rows are: the summary's cities, its zones, or (national) the whole country.
enum class SummaryRows { kCities, kZones, kNation };

struct SummaryLine {
    std::string name;
    std::array<std::int64_t, kSummaryBatches> projects{};
    std::array<domain::Money, kSummaryBatches> investment{};
};

std::string summary_batch_label(BatchKind b, bool zh) {
    if (zh) return std::string(domain::label_zh(b));
    switch (b) {
        case BatchKind::kSign:
            return "Signed";
        case BatchKind::kStart:
            return "Started";
        case BatchKind::kProduce:
            return "Producing";
    }
    return "Signed";
}

SummaryRows rows_of(const domain::CampaignSummary& summary) {
    std::map<std::string, bool> cities;
    bool zones = false;
    for (const auto& b : summary.batches) {
        for (const auto& c : b.by_city) cities[c.city_code] = true;
        zones = zones || !b.by_zone.empty();
    }
    if (cities.size() > 1) return SummaryRows::kCities;
    return cities.empty() && !zones ? SummaryRows::kNation : SummaryRows::kZones;
}

// The lines in the summary's order: cities by code, zones by city code then id.
std::vector<SummaryLine> summary_lines(const domain::CampaignSummary& summary, SummaryRows rows, bool zh,
                                       std::string_view scope_name) {
    std::map<std::tuple<std::string, std::int64_t>, SummaryLine> keyed;
    for (const auto& b : summary.batches) {
        const auto slot = static_cast<std::size_t>(b.batch);
        if (slot >= kSummaryBatches) continue;
        if (rows == SummaryRows::kNation) {
            auto& line = keyed[{"", 0}];
            line.name = std::string(scope_name);
            line.projects[slot] = b.projects;
            line.investment[slot] = b.total_investment;
        } else if (rows == SummaryRows::kCities) {
            for (const auto& c : b.by_city) {
                auto& line = keyed[{c.city_code, 0}];
                line.name = !zh && !c.name_en.empty() ? c.name_en : !c.name.empty() ? c.name : c.city_code;
                line.projects[slot] = c.projects;
                line.investment[slot] = c.investment;
            }
        } else {
            for (const auto& z : b.by_zone) {
                auto& line = keyed[{z.city_code, z.zone_id}];
                line.name = z.name;
                line.projects[slot] = z.projects;
                line.investment[slot] = z.investment;
            }
        }
    }
    std::vector<SummaryLine> out;
    for (auto& [key, line] : keyed) out.push_back(std::move(line));
    return out;
}

TableSpec summary_spec(const domain::CampaignSummary& summary, SummaryRows rows, domain::BulletinLang lang,
                       domain::MoneyUnit unit, std::string_view filled_by) {
    const bool zh = lang == domain::BulletinLang::kZh;
    const auto count = rows == SummaryRows::kCities  ? std::pair{"个地市", " cities"}
                       : rows == SummaryRows::kZones ? std::pair{"个开发区", " zones"}
                                                     : std::pair{"个地区", " areas"};
    TableSpec spec = table_frame({lang, unit, filled_by, summary.figures_as_of, count.first, count.second});
    spec.sheet_name = zh ? "汇总" : "Summary";
    spec.title = summary.campaign.name + (zh ? "汇总表" : ": summary");
    const char* first = rows == SummaryRows::kCities  ? (zh ? "所属地市" : "City")
                        : rows == SummaryRows::kZones ? (zh ? "所属开发区" : "Development zone")
                                                      : (zh ? "地区" : "Area");
    spec.columns.push_back({first, "", TableColumnKind::kText});
    for (const auto kind : {BatchKind::kSign, BatchKind::kStart, BatchKind::kProduce}) {
        const auto group = summary_batch_label(kind, zh);
        spec.columns.push_back({zh ? "项目数" : "Projects", group, TableColumnKind::kInteger});
        spec.columns.push_back({zh ? "总投资" : "Investment", group, TableColumnKind::kMoney});
    }
    return spec;
}

}  // namespace

SummaryTable summary_table(const domain::CampaignSummary& summary, domain::BulletinLang lang, domain::MoneyUnit unit,
                           std::string_view filled_by) {
    const bool zh = lang == domain::BulletinLang::kZh;
    const auto rows = rows_of(summary);
    SummaryTable out{summary_spec(summary, rows, lang, unit, filled_by), {}};
    for (auto& line : summary_lines(summary, rows, zh, filled_by)) {
        std::vector<TableCell> cells{std::move(line.name)};
        for (std::size_t b = 0; b < kSummaryBatches; ++b) {
            cells.emplace_back(line.projects[b]);
            cells.emplace_back(line.investment[b]);
        }
        out.rows.push_back(std::move(cells));
    }
    return out;
}

std::string summary_table_file_name(domain::BulletinLang lang, domain::Date as_of, const domain::Campaign& campaign) {
    std::string name = file_name_safe(campaign.name);
    if (name.empty()) name = "campaign-" + std::to_string(campaign.id);
    return dated_file_name(name + (lang == domain::BulletinLang::kZh ? "-汇总" : "-summary"), as_of);
}

}  // namespace sanpi::report
