#pragma once
// Campaign summaries for the bulletin's unit tests: the demo campaign's figures (321 / 302 / 189
// in the report's seven industries, "other" at zero unless a test gives it projects), with every
// part a bulletin shows.
#include <string>
#include <vector>

#include "domain/campaign.hpp"

namespace sanpi::testing {

inline domain::Money yi(std::int64_t hundredths) { return domain::Money::from_fen(hundredths * 100'000'000); }

struct IndustryName {
    const char* code;
    const char* zh;
    const char* en;
};

inline const std::vector<IndustryName>& demo_industry_names() {
    static const std::vector<IndustryName> names = {
        {"modern_coal_chemical", "现代煤化工", "Modern coal chemicals"},
        {"equipment_manufacturing", "装备制造", "Equipment manufacturing"},
        {"new_energy", "新能源", "New energy"},
        {"new_materials", "新材料", "New materials"},
        {"energy_saving", "节能环保", "Energy saving and environmental protection"},
        {"big_data", "大数据", "Big data"},
        {"medicine_health", "现代医药和大健康", "Modern medicine and health"},
        {"other", "其他", "Other"},
    };
    return names;
}

// One batch: `projects` spread over the first seven industries (the eighth at zero) and two
// cities, its investment `hundredths` of a 亿元.
inline domain::BatchSummary make_batch(domain::BatchKind kind, std::int64_t projects, std::int64_t hundredths) {
    domain::BatchSummary b;
    b.batch = kind;
    b.projects = projects;
    b.total_investment = yi(hundredths);
    std::int64_t left = projects, money_left = hundredths;
    for (std::size_t i = 0; i < demo_industry_names().size(); ++i) {
        const auto& n = demo_industry_names()[i];
        const bool last = i + 2 == demo_industry_names().size();
        const bool zero = i + 1 == demo_industry_names().size();
        const std::int64_t count = zero ? 0 : (last ? left : projects / 7);
        const std::int64_t money = zero ? 0 : (last ? money_left : hundredths / 7);
        left -= count;
        money_left -= money;
        b.by_industry.push_back({n.code, n.zh, n.en, count, yi(money)});
    }
    b.by_city.push_back({"140100", "太原市", "Taiyuan", projects - projects / 3, yi(hundredths - hundredths / 3)});
    b.by_city.push_back({"140200", "大同市", "Datong", projects / 3, yi(hundredths / 3)});
    return b;
}

inline domain::CampaignSummary demo_summary() {
    domain::CampaignSummary s;
    s.campaign.id = 1;
    s.campaign.name = "2022年全省开发区第二次“三个一批”活动";
    s.campaign.date = domain::Date::from_ymd(2022, 6, 22).value();
    s.batches = {make_batch(domain::BatchKind::kSign, 321, 245678), make_batch(domain::BatchKind::kStart, 302, 198765),
                 make_batch(domain::BatchKind::kProduce, 189, 87654)};
    return s;
}

// The demo summary with the parts the summary's later fields carry: size bands, top projects, a
// previous campaign, the conversion and the date of the figures.
inline domain::CampaignSummary full_summary() {
    auto s = demo_summary();
    for (auto& b : s.batches) {
        b.size_bands = {
            {1, b.projects / 2, yi(100000)}, {10, b.projects / 4, yi(80000)}, {50, 5, yi(40000)}, {100, 2, yi(30000)}};
        b.top_projects.push_back({7, "年产60万吨煤制烯烃项目 <一期> & \"配套\"", 3, "长治经济技术开发区", "140400",
                                  "长治市", "Changzhi", "modern_coal_chemical", "现代煤化工", "Modern coal chemicals",
                                  yi(18050)});
        b.top_projects.push_back({9, "储备项目 A-12", 4, "大同经济技术开发区", "140200", "", "", "x", "", "", yi(999)});
    }
    domain::Campaign previous;
    previous.id = 0;
    previous.name = "2022年全省开发区第一次“三个一批”活动";
    previous.date = domain::Date::from_ymd(2022, 3, 18).value();
    s.previous = previous;
    s.previous_batches = {make_batch(domain::BatchKind::kSign, 300, 200000),
                          make_batch(domain::BatchKind::kStart, 310, 198765),
                          make_batch(domain::BatchKind::kProduce, 189, 90000)};
    for (auto& b : s.previous_batches) b.by_city.clear(), b.by_industry.clear();
    s.conversion = {300, 214, 310, 95};
    s.figures_as_of = domain::Date::from_ymd(2022, 6, 30).value();
    return s;
}

}  // namespace sanpi::testing
