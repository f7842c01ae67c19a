// The bulletin's sentences: headline, the comparison with the previous campaign, the conversion.
#include <array>

#include "domain/bulletin_parts.hpp"
#include "domain/number_text.hpp"
#include "domain/rates.hpp"
#include "domain/text_list.hpp"

namespace sanpi::domain::bulletin_parts {
namespace {

const BatchSummary* find_batch(const std::vector<BatchSummary>& batches, BatchKind kind) {
    for (const auto& b : batches) {
        if (b.batch == kind) return &b;
    }
    return nullptr;
}

std::int64_t projects_of(const std::vector<BatchSummary>& batches, BatchKind kind) {
    const auto* b = find_batch(batches, kind);
    return b ? b->projects : 0;
}

Money investment_of(const std::vector<BatchSummary>& batches, BatchKind kind) {
    const auto* b = find_batch(batches, kind);
    return b ? b->total_investment : Money();
}

constexpr std::array<BatchKind, 3> kBatchOrder{BatchKind::kSign, BatchKind::kStart, BatchKind::kProduce};

std::string scope_subject_zh(const BulletinScope& scope) {
    switch (scope.level) {
        case BulletinScope::Level::kNation:
            return "全国开发区";
        case BulletinScope::Level::kProvince:
            return "全省开发区";
        case BulletinScope::Level::kCity:
            return "全市开发区";
        case BulletinScope::Level::kZone:
            return scope.name;
    }
    return "全省开发区";
}

std::string scope_subject_en(const BulletinScope& scope) {
    switch (scope.level) {
        case BulletinScope::Level::kNation:
            return "Development zones nationwide";
        case BulletinScope::Level::kProvince:
            return "Development zones across the province";
        case BulletinScope::Level::kCity:
            return "Development zones across the city";
        case BulletinScope::Level::kZone:
            return "The development zone";
    }
    return "Development zones across the province";
}

std::string headline_zh(const CampaignSummary& s, const BulletinScope& scope) {
    const std::array<std::string_view, 3> verbs{"集中签约项目", "集中开工项目", "集中投产项目"};
    std::string out = scope_subject_zh(scope);
    for (std::size_t i = 0; i < kBatchOrder.size(); ++i) {
        if (i > 0) out += "，";
        out += std::string(verbs[i]) + count_text(projects_of(s.batches, kBatchOrder[i]), BulletinLang::kZh) +
               "个、总投资" + amount_phrase(investment_of(s.batches, kBatchOrder[i]), BulletinLang::kZh);
    }
    const auto industries = industries_named(s, BulletinLang::kZh, true);
    if (!industries.empty()) out += "，涉及" + join_list_zh(industries) + "等产业";
    return out + "。";
}

std::string headline_en(const CampaignSummary& s, const BulletinScope& scope) {
    const std::int64_t signed_count = projects_of(s.batches, BatchKind::kSign);
    std::string out = scope_subject_en(scope) + " signed " + count_text(signed_count, BulletinLang::kEn) +
                      (signed_count == 1 ? " project" : " projects") + ", started " +
                      count_text(projects_of(s.batches, BatchKind::kStart), BulletinLang::kEn) + " and put " +
                      count_text(projects_of(s.batches, BatchKind::kProduce), BulletinLang::kEn) + " into production";
    const auto industries = industries_named(s, BulletinLang::kEn, true);
    if (!industries.empty()) out += ", in " + join_list_en(industries);
    return out + ".";
}

// "增加12个" / "减少3个" / "持平"; "12 more" / "3 fewer" / "the same number of".
std::string count_change(std::int64_t d, BulletinLang lang) {
    if (lang == BulletinLang::kZh) {
        return d == 0 ? "持平" : (d > 0 ? "增加" : "减少") + count_text(d > 0 ? d : -d, lang) + "个";
    }
    return d == 0 ? "the same number of projects"
                  : count_text(d > 0 ? d : -d, lang) + (d > 0 ? " more" : " fewer") +
                        (d == 1 || d == -1 ? " project" : " projects");
}

std::string money_change(Money now, Money before, BulletinLang lang) {
    const Money d = now - before;
    const Money m = d.magnitude();
    if (lang == BulletinLang::kZh) {
        return hundredths_of_yi(d) == 0 ? "总投资持平"
                                        : (!d.is_negative() ? "总投资增加" : "总投资减少") + amount_phrase(m, lang);
    }
    return hundredths_of_yi(d) == 0 ? "the same investment"
                                    : amount_phrase(m, lang) + (!d.is_negative() ? " more investment" : " less investment");
}

}  // namespace

std::string headline(const CampaignSummary& summary, BulletinLang lang, const BulletinScope& scope) {
    return lang == BulletinLang::kZh ? headline_zh(summary, scope) : headline_en(summary, scope);
}

std::vector<std::string> lead_after_headline(const CampaignSummary& s, BulletinLang lang) {
    if (lang == BulletinLang::kZh) return {};  // the Chinese headline carries the investment itself
    std::vector<std::string> amounts;
    for (const auto kind : kBatchOrder) amounts.push_back(amount_phrase(investment_of(s.batches, kind), lang));
    return {"Their total investment is " + amounts[0] + ", " + amounts[1] + " and " + amounts[2] + " respectively."};
}

std::vector<BulletinBlock> comparison_blocks(const CampaignSummary& s, BulletinLang lang) {
    if (!s.previous) {
        return {{pick(lang, "本次为首次“三个一批”活动，暂无上次活动可比。",
                      "This is the first campaign: there is no earlier campaign to compare with."),
                 std::nullopt}};
    }
    const std::array<std::string_view, 3> zh_batches{"签约项目", "开工项目", "投产项目"};
    const std::array<std::string_view, 3> en_batches{"the sign batch has", "the start batch", "the production batch"};
    std::string text = lang == BulletinLang::kZh
                           ? "与上次活动（" + s.previous->name + "，" + date_text(s.previous->date, lang) + "）相比，"
                           : "Compared with the previous campaign, " + s.previous->name + " of " +
                                 date_text(s.previous->date, lang) + ", ";
    for (std::size_t i = 0; i < kBatchOrder.size(); ++i) {
        const auto kind = kBatchOrder[i];
        const auto count = count_change(projects_of(s.batches, kind) - projects_of(s.previous_batches, kind), lang);
        const auto money = money_change(investment_of(s.batches, kind), investment_of(s.previous_batches, kind), lang);
        if (lang == BulletinLang::kZh) {
            text += (i > 0 ? "；" : "") + std::string(zh_batches[i]) + count + "、" + money;
        } else {
            text += (i > 0 ? "; " : "") + std::string(en_batches[i]) + " " + count + " and " + money;
        }
    }
    text += pick(lang, "。", ".");
    return {{text, std::nullopt}, {"", comparison_table(s, lang)}};
}

std::string conversion_paragraph(const Conversion& c, BulletinLang lang) {
    const Rate start{c.started_since, c.signed_earlier};
    const Rate production{c.producing_since, c.started_earlier};
    std::string out;
    if (lang == BulletinLang::kZh) {
        out = start.defined() ? "此前各次活动签约的" + count_text(c.signed_earlier, lang) + "个项目中，已有" +
                                    count_text(c.started_since, lang) + "个开工，开工率" + start.percent_text()
                              : "此前活动尚无签约项目，暂无开工率";
        out += production.defined()
                   ? "；此前各次活动开工的" + count_text(c.started_earlier, lang) + "个项目中，已有" +
                         count_text(c.producing_since, lang) + "个投产，投产率" + production.percent_text() + "。"
                   : "；此前活动尚无开工项目，暂无投产率。";
        return out;
    }
    out = start.defined()
              ? "Of the " + count_text(c.signed_earlier, lang) + " projects signed at earlier campaigns, " +
                    count_text(c.started_since, lang) + " have started since (start rate " + start.percent_text() + ")"
              : "No project was signed at an earlier campaign, so there is no start rate yet";
    out += production.defined()
               ? "; of the " + count_text(c.started_earlier, lang) + " started at earlier campaigns, " +
                     count_text(c.producing_since, lang) + " now produce (production rate " +
                     production.percent_text() + ")."
               : "; no project was started at an earlier campaign, so there is no production rate yet.";
    return out;
}

}  // namespace sanpi::domain::bulletin_parts
