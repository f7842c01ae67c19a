// The bulletin's tables: by batch, industry, city and size band, top projects, the comparison.
#include <array>

#include "domain/bulletin_parts.hpp"
#include "domain/number_text.hpp"
#include "domain/rates.hpp"

namespace sanpi::domain::bulletin_parts {
namespace {

constexpr std::array<BatchKind, 3> kTableBatches{BatchKind::kSign, BatchKind::kStart, BatchKind::kProduce};

const BatchSummary* batch_in(const std::vector<BatchSummary>& batches, BatchKind kind) {
    for (const auto& b : batches) {
        if (b.batch == kind) return &b;
    }
    return nullptr;
}

// Label column(s), then a count and an investment column per batch.
std::vector<std::string> per_batch_header(std::vector<std::string> labels, BulletinLang lang) {
    // English headers stay short enough for a column of figures; the caption says the units.
    const std::array<std::string_view, 3> en{"Signed", "Started", "Producing"};
    for (std::size_t i = 0; i < kTableBatches.size(); ++i) {
        labels.push_back(lang == BulletinLang::kZh ? batch_label(kTableBatches[i], lang) + "（个）"
                                                   : std::string(en[i]));
        labels.push_back(pick(lang, "投资（亿元）", "RMB bn"));
    }
    return labels;
}

void add_figures(std::vector<std::string>& row, std::int64_t projects, Money investment, BulletinLang lang) {
    row.push_back(count_text(projects, lang));
    row.push_back(amount_text(investment, lang));
}

std::vector<std::string> totals_row(const CampaignSummary& s, BulletinLang lang) {
    std::vector<std::string> row{pick(lang, "合计", "Total")};
    for (const auto kind : kTableBatches) {
        const auto* b = batch_in(s.batches, kind);
        add_figures(row, b ? b->projects : 0, b ? b->total_investment : Money(), lang);
    }
    return row;
}

// The lines of one breakdown (by_industry or by_city) of every batch, matched by key, in the
// order the sign batch lists them (each batch lists the same keys).
template <class Line, class Key, class Keep>
BulletinTable breakdown_table(const CampaignSummary& s, BulletinLang lang, std::string label,
                              std::vector<Line> BatchSummary::*lines, Key key, Keep keep) {
    BulletinTable t;
    t.header = per_batch_header({std::move(label)}, lang);
    const auto* first = batch_in(s.batches, BatchKind::kSign);
    if (first == nullptr) return t;
    for (const auto& line : (*first).*lines) {
        if (!keep(s, key(line))) continue;
        std::vector<std::string> row{key(line)};
        for (const auto kind : kTableBatches) {
            const auto* b = batch_in(s.batches, kind);
            std::int64_t projects = 0;
            Money investment;
            for (const auto& other : b ? (*b).*lines : std::vector<Line>{}) {
                if (key(other) == key(line)) projects = other.projects, investment = other.investment;
            }
            add_figures(row, projects, investment, lang);
        }
        t.rows.push_back(std::move(row));
    }
    t.totals = totals_row(s, lang);
    return t;
}

std::string band_label(std::int64_t threshold_yi, BulletinLang lang) {
    if (lang == BulletinLang::kZh) return std::to_string(threshold_yi) + "亿元及以上";
    // 1亿元 is 100 million yuan; 10亿元 and more are whole billions.
    return threshold_yi < 10 ? "RMB " + std::to_string(threshold_yi * 100) + "m and above"
                             : "RMB " + std::to_string(threshold_yi / 10) + "bn and above";
}

}  // namespace

BulletinTable batch_table(const CampaignSummary& s, BulletinLang lang) {
    BulletinTable t;
    t.caption = pick(lang, "各批次项目情况", "Projects by batch");
    t.header = {pick(lang, "批次", "Batch"), pick(lang, "项目数（个）", "Projects"), amount_header(lang)};
    std::int64_t projects = 0;
    Money investment;
    for (const auto kind : kTableBatches) {
        const auto* b = batch_in(s.batches, kind);
        t.rows.push_back({batch_label(kind, lang)});
        add_figures(t.rows.back(), b ? b->projects : 0, b ? b->total_investment : Money(), lang);
        projects += b ? b->projects : 0;
        if (b) investment += b->total_investment;
    }
    t.totals = {pick(lang, "合计", "Total")};
    add_figures(t.totals, projects, investment, lang);
    return t;
}

BulletinTable industry_table(const CampaignSummary& s, BulletinLang lang) {
    const auto named = industries_named(s, lang, false);
    auto name = [lang](const BatchIndustryLine& l) {
        const auto& n = lang == BulletinLang::kZh ? l.name : l.name_en;
        return n.empty() ? l.industry_code : n;
    };
    auto keep = [&named](const CampaignSummary&, const std::string& n) {
        for (const auto& x : named) {
            if (x == n) return true;
        }
        return false;
    };
    auto t = breakdown_table(s, lang, pick(lang, "产业", "Industry"), &BatchSummary::by_industry, name, keep);
    t.caption = pick(lang, "分产业项目情况", "Projects and investment by industry");
    return t;
}

BulletinTable city_table(const CampaignSummary& s, BulletinLang lang) {
    auto name = [lang](const BatchCityLine& l) {
        const auto& n = lang == BulletinLang::kZh ? l.name : l.name_en;
        return n.empty() ? l.city_code : n;
    };
    auto keep = [](const CampaignSummary&, const std::string&) { return true; };
    auto t = breakdown_table(s, lang, pick(lang, "城市", "City"), &BatchSummary::by_city, name, keep);
    t.caption = pick(lang, "分城市项目情况", "Projects and investment by city");
    return t;
}

std::vector<BulletinTable> size_band_tables(const CampaignSummary& s, BulletinLang lang) {
    BulletinTable counts, amounts;
    counts.caption =
        pick(lang, "各投资规模项目数（个，占本批次比重）", "Projects by size of investment (share of the batch)");
    amounts.caption = pick(lang, "各投资规模项目总投资（亿元）", "Investment by size of project (RMB bn)");
    const auto* sign = batch_in(s.batches, BatchKind::kSign);
    counts.header = {pick(lang, "批次", "Batch")};
    for (const auto& band : sign ? sign->size_bands : std::vector<SizeBand>{}) {
        counts.header.push_back(band_label(band.threshold_yi, lang));
    }
    amounts.header = counts.header;
    for (const auto kind : kTableBatches) {
        const auto* b = batch_in(s.batches, kind);
        counts.rows.push_back({batch_label(kind, lang)});
        amounts.rows.push_back({batch_label(kind, lang)});
        for (std::size_t i = 0; i + 1 < counts.header.size(); ++i) {
            const SizeBand band = b && i < b->size_bands.size() ? b->size_bands[i] : SizeBand{};
            const Rate share{band.projects, b ? b->projects : 0};
            counts.rows.back().push_back(
                count_text(band.projects, lang) +
                (share.defined() ? pick(lang, "（", " (") + share.percent_text() + pick(lang, "）", ")") : ""));
            amounts.rows.back().push_back(amount_text(band.investment, lang));
        }
    }
    return {std::move(counts), std::move(amounts)};
}

BulletinTable top_project_table(const BatchSummary& b, BulletinLang lang) {
    BulletinTable t;
    const std::string_view en_batch = b.batch == BatchKind::kSign    ? "sign"
                                      : b.batch == BatchKind::kStart ? "start"
                                                                     : "production";
    t.caption = pick(lang, batch_label(b.batch, lang) + "投资前" + std::to_string(b.top_projects.size()) + "位项目",
                     "Largest projects of the " + std::string(en_batch) + " batch");
    t.header = {pick(lang, "序号", "No."),  pick(lang, "项目名称", "Project"), pick(lang, "开发区", "Zone"),
                pick(lang, "城市", "City"), pick(lang, "产业", "Industry"),    amount_header(lang)};
    t.text_columns = 5;
    const bool zh = lang == BulletinLang::kZh;
    for (std::size_t i = 0; i < b.top_projects.size(); ++i) {
        const auto& p = b.top_projects[i];
        const auto& city = zh ? p.city_name : p.city_name_en;
        const auto& industry = zh ? p.industry_name : p.industry_name_en;
        t.rows.push_back({std::to_string(i + 1), p.name, p.zone_name, city.empty() ? p.city_code : city,
                          industry.empty() ? p.industry_code : industry, amount_text(p.investment, lang)});
    }
    return t;
}

BulletinTable comparison_table(const CampaignSummary& s, BulletinLang lang) {
    BulletinTable t;
    t.caption = pick(lang, "与上次活动比较", "Compared with the previous campaign");
    t.header = {pick(lang, "批次", "Batch"),
                pick(lang, "本次（个）", "This (projects)"),
                pick(lang, "上次（个）", "Previous (projects)"),
                pick(lang, "增减（个）", "Change"),
                pick(lang, "本次投资（亿元）", "This (RMB bn)"),
                pick(lang, "上次投资（亿元）", "Previous (RMB bn)"),
                pick(lang, "增减（亿元）", "Change (RMB bn)")};
    auto signed_text = [](std::string text) {
        return text.front() == '-' || text.find_first_not_of("0.,") == std::string::npos ? text : "+" + text;
    };
    for (const auto kind : kTableBatches) {
        const auto* now = batch_in(s.batches, kind);
        const auto* before = batch_in(s.previous_batches, kind);
        const std::int64_t n = now ? now->projects : 0, p = before ? before->projects : 0;
        const Money nm = now ? now->total_investment : Money(), pm = before ? before->total_investment : Money();
        t.rows.push_back({batch_label(kind, lang), count_text(n, lang), count_text(p, lang),
                          signed_text(count_text(n - p, lang)), amount_text(nm, lang), amount_text(pm, lang),
                          signed_text(amount_text(nm - pm, lang))});
    }
    return t;
}

}  // namespace sanpi::domain::bulletin_parts
