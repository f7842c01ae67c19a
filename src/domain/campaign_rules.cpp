#include "domain/campaign_rules.hpp"

#include <set>
#include <utility>

#include "domain/stage_machine.hpp"

namespace sanpi::domain {
namespace {

std::size_t utf8_chars(std::string_view s) {
    std::size_t n = 0;
    for (unsigned char c : s) n += (c & 0xC0) != 0x80;
    return n;
}

bool six_digits(std::string_view s) {
    if (s.size() != 6) return false;
    for (char c : s) {
        if (c < '0' || c > '9') return false;
    }
    return true;
}

void check_name(std::vector<FieldError>& out, const std::string& field, const std::string& name) {
    if (name.empty()) {
        out.push_back({field, {"不能为空", "must not be empty"}});
    } else if (utf8_chars(name) > kMaxCampaignNameChars) {
        out.push_back({field, {"不能超过100个字符", "must be at most 100 characters"}});
    }
}

std::string stage_label_zh(Stage s) { return std::string(label_zh(s)); }

}  // namespace

std::vector<FieldError> validate_campaign(const Campaign& c) {
    std::vector<FieldError> out;
    check_name(out, "name", c.name);
    if (c.year != c.date.year()) {
        out.push_back({"year", {"须与活动日期的年份一致", "must be the year of the campaign's date"}});
    }
    if (c.sequence < 1 || c.sequence > 99) {
        out.push_back({"sequence", {"须为1至99之间的整数", "must be a whole number from 1 to 99"}});
    }
    int mains = 0;
    std::set<std::pair<std::string, std::int64_t>> places;
    for (std::size_t i = 0; i < c.venues.size(); ++i) {
        const auto& v = c.venues[i];
        const std::string at = "venues[" + std::to_string(i) + "]";
        check_name(out, at + ".name", v.name);
        if (!six_digits(v.region_code)) {
            out.push_back({at + ".region_code", {"须为六位行政区划代码", "must be a six-digit division code"}});
        }
        if (v.main && ++mains > 1) out.push_back({at + ".main", {"只能有一个主会场", "only one venue can be the main one"}});
        if (!v.main && !places.insert({v.region_code, v.zone_id.value_or(0)}).second) {
            out.push_back({at, {"同一城市或开发区只能有一个分会场", "a city or zone has at most one branch venue"}});
        }
    }
    return out;
}

Result<void> check_entry_stage(const Project& project, BatchKind batch, Date event) {
    auto refuse = [](std::string zh, std::string en) { return Error::invalid_field("batch", std::move(zh), std::move(en)); };
    if (project.status == ProjectStatus::kCancelled) {
        return refuse("项目已终止，不能计入批次", "the project is cancelled and cannot be counted in a batch");
    }
    if (const auto before = prerequisite_of(batch)) {
        const auto reached = milestone_date(project.actual, *before);
        if (project.stage < *before || !reached || event < *reached) {
            return refuse("项目须在活动日期（" + event.iso() + "）前已" + stage_label_zh(*before) + "，才能计入" +
                              std::string(label_zh(batch)),
                          "the project must be " + std::string(to_string(*before)) + " by the event date " +
                              event.iso() + " to be counted in the " + std::string(to_string(batch)) + " batch");
        }
    }
    const Stage own = stage_of(batch);
    if (project.stage >= own) {
        const auto reached = milestone_date(project.actual, own);
        if (reached && event < *reached) {
            return refuse("项目于" + reached->iso() + stage_label_zh(own) + "，晚于活动日期" + event.iso(),
                          "the project became " + std::string(to_string(own)) + " on " + reached->iso() +
                              ", after the event date " + event.iso());
        }
    }
    return {};
}

Result<void> check_entry_kept(const Project& project, BatchKind batch, const Campaign& campaign) {
    const bool held = campaign.status != CampaignStatus::kPlanning;
    const auto needed = held ? std::optional<Stage>(stage_of(batch)) : prerequisite_of(batch);
    if (!needed) return {};
    const auto reached = milestone_date(project.actual, *needed);
    if (project.stage >= *needed && reached && *reached <= campaign.date) return {};
    Error e = Error::conflict(
        "项目已计入活动「" + campaign.name + "」（编号" + std::to_string(campaign.id) + "）的" +
            std::string(label_zh(batch)) + "，不能退回到" + stage_label_zh(*needed) +
            "之前或改动其日期；请先撤回该活动登记并说明原因",
        "the project is counted in the " + std::string(to_string(batch)) + " batch of campaign " +
            std::to_string(campaign.id) + " (" + campaign.name + "): it cannot go back behind " +
            std::string(to_string(*needed)) + " or move that date past the event; withdraw the entry first, with a reason");
    e.fields.push_back({"to", e.message});
    return e;
}

}  // namespace sanpi::domain
