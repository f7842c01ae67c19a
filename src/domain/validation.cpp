#include "domain/validation.hpp"

#include <algorithm>
#include <array>
#include <set>
#include <string>

#include "domain/field_checks.hpp"
#include "domain/identity_validation.hpp"
#include "domain/stage_machine.hpp"
#include "domain/tags.hpp"
#include "domain/text_normalize.hpp"

namespace sanpi::domain {
namespace {

constexpr std::size_t kMaxCodeLength = 40;
constexpr std::size_t kMaxNameLength = 200;
constexpr std::size_t kMaxPostLength = 100;

struct MilestoneInfo {
    Stage stage;
    std::string_view key;  // JSON name inside "planned" / "actual"
    std::string_view zh;
};

constexpr std::array<MilestoneInfo, 4> kMilestones{{
    {Stage::kSigned, "sign", "签约"},
    {Stage::kStarted, "start", "开工"},
    {Stage::kProducing, "production", "投产"},
    {Stage::kAtCapacity, "capacity", "达产"},
}};

class Problems {
  public:
    void add(std::string field, std::string zh, std::string en) {
        list_.push_back(FieldError{std::move(field), {std::move(zh), std::move(en)}});
    }
    std::vector<FieldError> take() { return std::move(list_); }

  private:
    std::vector<FieldError> list_;
};

bool code_ok(std::string_view code) {
    const auto allowed = [](char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    };
    return !code.empty() && code.size() <= kMaxCodeLength && std::all_of(code.begin(), code.end(), allowed);
}

void check_text(Problems& out, std::string field, std::string_view text, std::size_t max_length) {
    if (!is_valid_utf8(text)) {
        out.add(std::move(field), "含有无效字符（不是有效的 UTF-8）", "contains invalid characters (not valid UTF-8)");
    } else if (utf8_length(text) > max_length) {
        const std::string n = std::to_string(max_length);
        out.add(std::move(field), "不能超过" + n + "个字", "must not be longer than " + n + " characters");
    }
}

void check_identity(const Project& p, Problems& out) {
    if (p.code.empty()) {
        out.add("code", "项目编号不能为空", "project code is required");
    } else if (!code_ok(p.code)) {
        out.add("code", "项目编号只能包含字母、数字和“-”，不超过40位",
                "project code may contain only letters, digits and '-', at most 40 characters");
    }
    if (is_blank(p.name)) {
        out.add("name", "项目名称不能为空", "project name is required");
    } else {
        check_text(out, "name", p.name, kMaxNameLength);
    }
    if (p.zone_id <= 0) out.add("zone_id", "须选择所属开发区", "a development zone is required");
    if (is_blank(p.industry_code)) out.add("industry", "须选择所属产业", "an industry is required");
    if (p.chain_node_id && *p.chain_node_id <= 0)
        out.add("chain_node_id", "产业链节点无效", "invalid industry chain node");
}

void check_investors(const std::vector<std::int64_t>& ids, Problems& out) {
    std::set<std::int64_t> seen;
    for (const std::int64_t id : ids) {
        if (id <= 0) {
            out.add("investor_ids", "投资企业编号无效：" + std::to_string(id),
                    "invalid investor id " + std::to_string(id));
        } else if (!seen.insert(id).second) {
            out.add("investor_ids", "投资企业重复：" + std::to_string(id),
                    "investor " + std::to_string(id) + " is listed twice");
        }
    }
}

void check_amounts(const Project& p, Problems& out) {
    if (p.total_investment.fen() <= 0)
        out.add("total_investment", "总投资须大于0", "total investment must be greater than 0");
    if (p.annual_planned_investment.fen() < 0) {
        out.add("annual_planned_investment", "年度计划投资不能为负数", "annual planned investment cannot be negative");
    } else if (p.total_investment.fen() > 0 && p.annual_planned_investment > p.total_investment) {
        // Compared only with a valid total; a missing total is reported once, on its own field.
        const std::string total = p.total_investment.format(MoneyUnit::kWan);
        out.add("annual_planned_investment", "年度计划投资不能超过总投资（" + total + "）",
                "annual planned investment exceeds the total investment (" + total + ")");
    }
    if (p.expected_output_value.fen() < 0)
        out.add("expected_output_value", "预计产值不能为负数", "expected output value cannot be negative");
    if (p.expected_tax.fen() < 0) out.add("expected_tax", "预计税收不能为负数", "expected tax cannot be negative");
    if (p.expected_jobs < 0) out.add("expected_jobs", "预计就业人数不能为负数", "expected jobs cannot be negative");
    if (p.land_area_centimu < 0) out.add("land_area_mu", "用地面积不能为负数", "land area cannot be negative");
}

// Each present date must not precede the nearest earlier present one; the later field is named.
void check_order(const Milestones& m, std::string_view group, std::string_view group_zh, Problems& out) {
    std::optional<Date> previous;
    const MilestoneInfo* previous_info = nullptr;
    for (const auto& info : kMilestones) {
        const auto date = milestone_date(m, info.stage);
        if (!date) continue;
        if (previous && *date < *previous) {
            out.add(std::string(group) + "." + std::string(info.key),
                    std::string(group_zh) + std::string(info.zh) + "日期不能早于" + std::string(group_zh) +
                        std::string(previous_info->zh) + "日期（" + previous->iso() + "）",
                    std::string(group) + " " + std::string(info.key) + " is before " + std::string(group) + " " +
                        std::string(previous_info->key) + " (" + previous->iso() + ")");
        }
        previous = date;
        previous_info = &info;
    }
}

void check_actual(const Project& p, Date today, Problems& out) {
    // The messages are built only for a problem: every imported row is checked here.
    const auto stage_zh = [&] { return std::string(label_zh(p.stage)); };
    const auto stage_en = [&] { return std::string(to_string(p.stage)); };
    for (const auto& info : kMilestones) {
        const auto field = [&] { return "actual." + std::string(info.key); };
        const auto what_zh = [&] { return "实际" + std::string(info.zh) + "日期"; };
        const auto date = milestone_date(p.actual, info.stage);
        if (date && info.stage > p.stage) {
            out.add(field(), "项目尚处于" + stage_zh() + "阶段，不应有" + what_zh(),
                    "set while the project is only at stage " + stage_en());
        } else if (!date && info.stage <= p.stage) {
            out.add(field(), "项目已到" + stage_zh() + "阶段，缺少" + what_zh(),
                    "missing although the project has reached stage " + stage_en());
        }
        if (date && *date > today) {
            out.add(field(), what_zh() + "不能晚于今天（" + today.iso() + "）",
                    "date in the future (today is " + today.iso() + ")");
        }
    }
    check_order(p.actual, "actual", "实际", out);
}

void check_tags(const std::vector<std::string>& tags, Problems& out) {
    std::set<std::string_view> seen;
    for (const auto& tag : tags) {
        if (!is_known_tag(tag)) {
            // Echo the value only when it is safe to put into a message: valid UTF-8 and short.
            const bool echo = is_valid_utf8(tag) && utf8_length(tag) <= kMaxCodeLength;
            const std::string shown = echo ? "“" + tag + "”" : std::string();
            out.add("tags", "未知的项目标签" + shown,
                    "unknown project tag" + (echo ? " '" + tag + "'" : std::string()));
        } else if (!seen.insert(tag).second) {
            out.add("tags", "项目标签重复：" + tag, "tag " + tag + " is listed twice");
        }
    }
}

}  // namespace

std::vector<FieldError> validate_project(const Project& p, Date today) {
    Problems out;
    check_identity(p, out);
    check_investors(p.investor_ids, out);
    check_amounts(p, out);
    check_order(p.planned, "planned", "计划", out);
    check_actual(p, today, out);
    check_text(out, "responsible_post", p.responsible_post, kMaxPostLength);
    if (!is_valid_utf8(p.responsible_unit)) {
        out.add("responsible_unit", "含有无效字符（不是有效的 UTF-8）",
                "contains invalid characters (not valid UTF-8)");
    }
    if (!is_valid_utf8(p.construction_content)) {
        out.add("construction_content", "含有无效字符（不是有效的 UTF-8）",
                "contains invalid characters (not valid UTF-8)");
    }
    check_tags(p.tags, out);
    std::vector<FieldError> list = out.take();
    for (auto& e : validate_identity_and_commitments(p, today)) list.push_back(std::move(e));
    return list;
}

}  // namespace sanpi::domain
