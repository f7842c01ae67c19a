#include "http/audit_query.hpp"

#include <algorithm>
#include <charconv>
#include <limits>

#include "domain/date.hpp"

namespace sanpi::http {

namespace {

using Q = store::AuditQuery;

constexpr store::Timestamp kSecondsPerDay = 86400;
constexpr store::Timestamp kChinaOffset = 8 * 3600;

std::optional<std::int64_t> number(std::string_view text, std::int64_t min, std::int64_t max) {
    std::int64_t n = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
    if (text.empty() || ec != std::errc() || end != text.data() + text.size() || n < min || n > max) {
        return std::nullopt;
    }
    return n;
}

std::optional<std::int64_t> digits(std::string_view text, std::size_t pos, std::size_t count, std::int64_t max) {
    if (pos + count > text.size()) return std::nullopt;
    auto part = text.substr(pos, count);
    if (!std::all_of(part.begin(), part.end(), [](char c) { return c >= '0' && c <= '9'; })) return std::nullopt;
    return number(part, 0, max);
}

// "+08:00", "-05:30", "Z"; a space stands for '+' (a query string may have decoded it so).
std::optional<store::Timestamp> offset_seconds(std::string_view text) {
    if (text == "Z") return 0;
    if (text.size() != 6 || text[3] != ':' || (text[0] != '+' && text[0] != '-' && text[0] != ' ')) {
        return std::nullopt;
    }
    auto hours = digits(text, 1, 2, 14), minutes = digits(text, 4, 2, 59);
    if (!hours || !minutes) return std::nullopt;
    const store::Timestamp seconds = *hours * 3600 + *minutes * 60;
    return text[0] == '-' ? -seconds : seconds;
}

bool token(std::string_view v, std::size_t max, bool dots) {
    return !v.empty() && v.size() <= max && std::all_of(v.begin(), v.end(), [&](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-' || (dots && c == '.');
    });
}

bool read_entity_type(std::string_view v, Q& q) {
    if (!token(v, 40, false)) return false;
    q.entity_type = std::string(v);
    return true;
}
bool read_entity_id(std::string_view v, Q& q) { return bool(q.entity_id = number(v, 0, std::numeric_limits<std::int64_t>::max())); }
bool read_actor(std::string_view v, Q& q) {
    if (!token(v, 64, true)) return false;
    q.actor = std::string(v);
    return true;
}
bool read_action(std::string_view v, Q& q) {
    if (!token(v, 64, true)) return false;
    q.action = std::string(v);
    return true;
}
bool read_from(std::string_view v, Q& q) { return bool(q.from = parse_instant(v, false)); }
bool read_to(std::string_view v, Q& q) { return bool(q.to = parse_instant(v, true)); }
bool read_before(std::string_view v, Q& q) { return bool(q.before_seq = number(v, 1, std::numeric_limits<std::int64_t>::max())); }
bool read_limit(std::string_view v, Q& q) {
    auto n = number(v, 1, kMaxAuditPageSize);
    if (n) q.limit = *n;
    return n.has_value();
}
bool read_lang(std::string_view, Q&) { return true; }

struct ParamSpec {
    std::string_view name;
    bool (*read)(std::string_view, Q&);
    bool whole_log_only;
    const char* zh;
    const char* en;
};

constexpr ParamSpec kParams[] = {
    {"entity_type", read_entity_type, true, "须为实体类型，如 project", "must be an entity type such as project"},
    {"entity_id", read_entity_id, true, "须为非负整数", "must be a non-negative integer"},
    {"actor", read_actor, false, "须为用户名", "must be a user name"},
    {"action", read_action, false, "须为操作名，如 project.update", "must be an action such as project.update"},
    {"from", read_from, false, "须为日期（2022-06-22）或带时区的时间（2022-06-22T10:30:00+08:00）",
     "must be a date (2022-06-22) or a time with its offset (2022-06-22T10:30:00+08:00)"},
    {"to", read_to, false, "须为日期（2022-06-22）或带时区的时间（2022-06-22T10:30:00+08:00）",
     "must be a date (2022-06-22) or a time with its offset (2022-06-22T10:30:00+08:00)"},
    {"before", read_before, false, "须为正整数（上一页的 next_before）", "must be a positive integer (next_before of the previous page)"},
    {"limit", read_limit, false, "须为 1 到 500 的整数", "must be an integer from 1 to 500"},
    {"lang", read_lang, false, "", ""},
};

void read_param(const std::string& key, const std::string& value, bool whole_log, Q& out,
                std::vector<FieldError>& errors) {
    for (const auto& spec : kParams) {
        if (spec.name != key || (spec.whole_log_only && !whole_log)) continue;
        if (!spec.read(value, out)) errors.push_back({key, {spec.zh, spec.en}});
        return;
    }
    errors.push_back({key, {"未知的查询参数", "unknown query parameter"}});
}

}  // namespace

std::optional<store::Timestamp> parse_instant(std::string_view text, bool end_of_day) {
    if (text.size() < 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
    auto year = digits(text, 0, 4, 9999), month = digits(text, 5, 2, 99), day = digits(text, 8, 2, 99);
    if (!year || !month || !day) return std::nullopt;
    auto date = domain::Date::from_ymd(static_cast<int>(*year), static_cast<int>(*month), static_cast<int>(*day));
    if (!date) return std::nullopt;
    const store::Timestamp midnight_utc = store::Timestamp{date->days_since_epoch()} * kSecondsPerDay;
    if (text.size() == 10) return midnight_utc - kChinaOffset + (end_of_day ? kSecondsPerDay : 0);
    if (text.size() < 20 || text[10] != 'T' || text[13] != ':' || text[16] != ':') return std::nullopt;
    auto hour = digits(text, 11, 2, 23), minute = digits(text, 14, 2, 59), second = digits(text, 17, 2, 59);
    auto offset = offset_seconds(text.substr(19));
    if (!hour || !minute || !second || !offset) return std::nullopt;
    return midnight_utc + *hour * 3600 + *minute * 60 + *second - *offset;
}

std::variant<store::AuditQuery, Problem> parse_audit_query(const QueryParams& params, bool whole_log) {
    store::AuditQuery out;
    out.limit = kDefaultAuditPageSize;
    std::vector<FieldError> errors;
    for (std::size_t i = 0; i < params.size(); ++i) {
        const bool repeated = std::any_of(params.begin(), params.begin() + static_cast<std::ptrdiff_t>(i),
                                          [&](const auto& p) { return p.first == params[i].first; });
        if (repeated) {
            errors.push_back({params[i].first, {"参数重复", "parameter given more than once"}});
        } else {
            read_param(params[i].first, params[i].second, whole_log, out, errors);
        }
    }
    if (errors.empty() && out.from && out.to && *out.from >= *out.to) {
        errors.push_back({"to", {"须晚于 from", "must be after from"}});
    }
    if (!errors.empty()) return bad_request({"查询参数有误", "invalid query parameters"}, std::move(errors));
    return out;
}

}  // namespace sanpi::http
