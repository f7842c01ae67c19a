#include "domain/escalation_ladder.hpp"

#include <array>

#include "domain/field_checks.hpp"
#include "domain/warning_light.hpp"

namespace sanpi::domain {

namespace {

using LadderAlias = EscalationLadder;

constexpr std::array kLadderSettings{
    LadderSetting{"yellow_streak_days", &LadderAlias::yellow_streak_days, 1, 3660},
    LadderSetting{"red_after_days", &LadderAlias::red_after_days, 0, 3660},
    LadderSetting{"city_deadline_days", &LadderAlias::city_deadline_days, 1, 365},
    LadderSetting{"province_deadline_days", &LadderAlias::province_deadline_days, 1, 365},
};

std::string ladder_reasons_zh(const std::vector<LightReason>& reasons) {
    std::string out;
    for (const auto& r : reasons) out += (out.empty() ? "" : "；") + reason_text_zh(r);
    return out.empty() ? "（无）" : out;
}

std::int32_t ladder_days_between(Date from, Date to) { return to.days_since_epoch() - from.days_since_epoch(); }

}  // namespace

std::span<const LadderSetting> ladder_settings() { return kLadderSettings; }

std::vector<FieldError> validate_ladder(const EscalationLadder& ladder) {
    std::vector<FieldError> out;
    for (const auto& s : kLadderSettings) {
        const auto v = ladder.*s.member;
        if (v < s.min || v > s.max) {
            const auto lo = std::to_string(s.min);
            const auto hi = std::to_string(s.max);
            add_field_error(out, std::string(s.name), "须在 " + lo + " 到 " + hi + " 天之间",
                            "must be between " + lo + " and " + hi + " days");
        }
    }
    return out;
}

std::vector<LadderNotice> evaluate_ladder(const LadderFacts& f, const EscalationLadder& ladder, Date today) {
    std::vector<LadderNotice> out;
    if (f.light == Light::kGreen) return out;
    const auto lit_days = ladder_days_between(f.lit_since, today);
    if (lit_days >= ladder.yellow_streak_days) {
        out.push_back(LadderNotice{LadderStep::kYellowStreak, NoticeLevel::kCity, f.lit_since,
                                   today.add_days(ladder.city_deadline_days),
                                   "项目自" + f.lit_since.iso() + "起持续亮灯（黄灯或红灯）已" +
                                       std::to_string(lit_days) + "天，预警原因：" + ladder_reasons_zh(f.reasons),
                                   "请开发区查明原因，制定整改措施，于办结时限前反馈整改情况；市级跟踪督办。"});
    }
    const auto red_days = ladder_days_between(f.colour_since, today);
    if (f.light == Light::kRed && red_days >= ladder.red_after_days) {
        out.push_back(LadderNotice{
            LadderStep::kRed, NoticeLevel::kProvince, f.colour_since, today.add_days(ladder.province_deadline_days),
            "项目自" + f.colour_since.iso() + "起亮红灯，预警原因：" + ladder_reasons_zh(f.reasons),
            "请开发区于办结时限前报告整改措施和进展，所在市督促落实；省级督办。"});
    }
    return out;
}

}  // namespace sanpi::domain
