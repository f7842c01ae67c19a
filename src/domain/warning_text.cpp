// Names of lights and rules, each reason in words, and the stored form of reasons.
#include <array>
#include <charconv>
#include <string>

#include "domain/warning_light.hpp"

namespace sanpi::domain {

namespace {

struct RuleName {
    WarningRule rule;
    std::string_view name;
    std::string_view zh;
    std::string_view en;
};

constexpr std::array kRules{
    RuleName{WarningRule::kStartOverdue, "start_overdue", "开工逾期", "Start overdue"},
    RuleName{WarningRule::kProductionOverdue, "production_overdue", "投产逾期", "Production overdue"},
    RuleName{WarningRule::kCapacityOverdue, "capacity_overdue", "达产逾期", "Capacity overdue"},
    RuleName{WarningRule::kReportMissing, "report_missing", "月报缺报", "Monthly reports missing"},
    RuleName{WarningRule::kInvestmentBehind, "investment_behind", "投资滞后序时进度", "Investment behind schedule"},
    RuleName{WarningRule::kCoordinationOverdue, "coordination_overdue", "问题诉求逾期", "Coordination item overdue"},
    RuleName{WarningRule::kStatsEntryMissing, "stats_entry_missing", "开工未入库", "Not in the statistics"},
    RuleName{WarningRule::kApprovalLapse, "approval_lapse", "审批手续将失效", "Approval lapsing"},
    RuleName{WarningRule::kCommitmentMissed, "commitment_missed", "未达约定产出", "Commitments missed"},
};

const RuleName& rule_name(WarningRule r) { return kRules.at(static_cast<std::size_t>(r)); }

std::int64_t param(const LightReason& r, std::size_t i) { return i < r.params.size() ? r.params[i] : 0; }
std::string num(std::int64_t n) { return std::to_string(n); }
std::string date_text(std::int64_t days) { return Date::from_days(static_cast<std::int32_t>(days)).iso(); }
std::string month_text(std::int64_t index) {
    auto m = Month::from_ym(static_cast<int>(index / 12), static_cast<int>(index % 12) + 1);
    return m ? m->to_string() : std::string("?");
}
// Basis points as a percentage with one decimal, cut (not rounded) as the comparison is exact.
std::string percent(std::int64_t bp) { return num(bp / 100) + "." + num((bp % 100) / 10); }
std::string share(std::int64_t bp, std::string_view none) { return bp < 0 ? std::string(none) : percent(bp) + "%"; }
ApprovalKind kind_of(const LightReason& r) {
    const auto k = param(r, 0);
    return k >= 0 && k <= 2 ? static_cast<ApprovalKind>(k) : ApprovalKind::kFiling;
}

std::string overdue_zh(const LightReason& r, std::string_view milestone, std::string_view verb) {
    return "计划" + std::string(milestone) + "日期" + date_text(param(r, 0)) + "已过" + num(param(r, 1)) + "天仍未" +
           std::string(verb);
}
std::string overdue_en(const LightReason& r, std::string_view milestone, std::string_view state) {
    return "planned " + std::string(milestone) + " date " + date_text(param(r, 0)) + " passed " + num(param(r, 1)) +
           " days ago; " + std::string(state);
}

}  // namespace

std::string_view to_string(Light l) {
    switch (l) {
        case Light::kGreen: return "green";
        case Light::kYellow: return "yellow";
        case Light::kRed: return "red";
    }
    return "green";
}

std::optional<Light> light_from_string(std::string_view s) {
    for (Light l : {Light::kGreen, Light::kYellow, Light::kRed}) {
        if (to_string(l) == s) return l;
    }
    return std::nullopt;
}

std::string_view to_string(WarningRule r) { return rule_name(r).name; }
std::string_view label_zh(WarningRule r) { return rule_name(r).zh; }
std::string_view label_en(WarningRule r) { return rule_name(r).en; }

std::optional<WarningRule> warning_rule_from_string(std::string_view s) {
    for (const auto& r : kRules) {
        if (r.name == s) return r.rule;
    }
    return std::nullopt;
}

const std::vector<WarningRule>& all_warning_rules() {
    static const std::vector<WarningRule> kAll = [] {
        std::vector<WarningRule> out;
        for (const auto& r : kRules) out.push_back(r.rule);
        return out;
    }();
    return kAll;
}

std::string reason_text_zh(const LightReason& r) {
    switch (r.rule) {
        case WarningRule::kStartOverdue: return overdue_zh(r, "开工", "开工");
        case WarningRule::kProductionOverdue: return overdue_zh(r, "投产", "投产");
        case WarningRule::kCapacityOverdue: return overdue_zh(r, "达产", "达产");
        case WarningRule::kReportMissing:
            return "已连续" + num(param(r, 0)) + "个月无审核通过的月报（" +
                   (param(r, 1) < 0 ? std::string("开工以来尚无") : "最近一期：" + month_text(param(r, 1))) + "）";
        case WarningRule::kInvestmentBehind:
            return "累计完成投资占总投资" + percent(param(r, 1)) + "%，落后序时进度（" + percent(param(r, 0)) + "%）" +
                   percent(param(r, 0) - param(r, 1)) + "个百分点";
        case WarningRule::kCoordinationOverdue:
            return num(param(r, 0)) + "项问题诉求已过办结时限，最早时限" + date_text(param(r, 1)) + "已过" +
                   num(param(r, 2)) + "天";
        case WarningRule::kStatsEntryMissing:
            return date_text(param(r, 0)) + "开工，已超过" + num(param(r, 1)) + "个月仍未入库（固定资产投资统计）";
        case WarningRule::kApprovalLapse:
            if (param(r, 2) <= 0) return std::string(label_zh(kind_of(r))) + "已于" + date_text(param(r, 1)) + "失效，仍未开工";
            return std::string(label_zh(kind_of(r))) + "将于" + date_text(param(r, 1)) + "失效（剩余" +
                   num(param(r, 2)) + "天），仍未开工";
        case WarningRule::kCommitmentMissed:
            return num(param(r, 0)) + "年实际产值为协议的" + share(param(r, 1), "（未约定）") + "、税收为协议的" +
                   share(param(r, 2), "（未约定）") + "，低于" + num(param(r, 3)) + "%";
    }
    return {};
}

std::string reason_text_en(const LightReason& r) {
    switch (r.rule) {
        case WarningRule::kStartOverdue: return overdue_en(r, "start", "not started");
        case WarningRule::kProductionOverdue: return overdue_en(r, "production", "not producing");
        case WarningRule::kCapacityOverdue: return overdue_en(r, "capacity", "not at capacity");
        case WarningRule::kReportMissing:
            return "no approved monthly report for " + num(param(r, 0)) + " months (" +
                   (param(r, 1) < 0 ? std::string("none since the start") : "latest: " + month_text(param(r, 1))) + ")";
        case WarningRule::kInvestmentBehind:
            return "cumulative investment is " + percent(param(r, 1)) + "% of the total, " +
                   percent(param(r, 0) - param(r, 1)) + " points behind the time-elapsed schedule (" +
                   percent(param(r, 0)) + "%)";
        case WarningRule::kCoordinationOverdue:
            return num(param(r, 0)) + " coordination item(s) past the deadline; the earliest, " + date_text(param(r, 1)) +
                   ", passed " + num(param(r, 2)) + " days ago";
        case WarningRule::kStatsEntryMissing:
            return "started " + date_text(param(r, 0)) + ", not entered into the investment statistics more than " +
                   num(param(r, 1)) + " month(s) later";
        case WarningRule::kApprovalLapse:
            if (param(r, 2) <= 0) return "the " + std::string(label_en(kind_of(r))) + " lapsed on " + date_text(param(r, 1)) + "; not started";
            return "the " + std::string(label_en(kind_of(r))) + " lapses on " + date_text(param(r, 1)) + " (" +
                   num(param(r, 2)) + " days left); not started";
        case WarningRule::kCommitmentMissed:
            return num(param(r, 0)) + ": realised output " + share(param(r, 1), "(none agreed)") + " and tax " +
                   share(param(r, 2), "(none agreed)") + " of the agreement, below " + num(param(r, 3)) + "%";
    }
    return {};
}

std::string encode_reasons(const std::vector<LightReason>& reasons) {
    std::string out;
    for (const auto& r : reasons) {
        if (!out.empty()) out += ';';
        out += std::string(to_string(r.rule)) + ":" + std::string(to_string(r.light)) + ":";
        for (std::size_t i = 0; i < r.params.size(); ++i) out += (i ? "," : "") + num(r.params[i]);
    }
    return out;
}

std::vector<LightReason> decode_reasons(std::string_view text) {
    std::vector<LightReason> out;
    while (!text.empty()) {
        const auto end = text.find(';');
        std::string_view part = text.substr(0, end);
        text = end == std::string_view::npos ? std::string_view{} : text.substr(end + 1);
        const auto c1 = part.find(':');
        const auto c2 = c1 == std::string_view::npos ? c1 : part.find(':', c1 + 1);
        if (c2 == std::string_view::npos) continue;
        auto rule = warning_rule_from_string(part.substr(0, c1));
        auto light = light_from_string(part.substr(c1 + 1, c2 - c1 - 1));
        if (!rule || !light) continue;
        LightReason reason{*rule, *light, {}};
        std::string_view rest = part.substr(c2 + 1);
        while (!rest.empty()) {
            const auto comma = rest.find(',');
            const auto piece = rest.substr(0, comma);
            std::int64_t value = 0;
            std::from_chars(piece.data(), piece.data() + piece.size(), value);
            reason.params.push_back(value);
            rest = comma == std::string_view::npos ? std::string_view{} : rest.substr(comma + 1);
        }
        out.push_back(std::move(reason));
    }
    return out;
}

}  // namespace sanpi::domain
