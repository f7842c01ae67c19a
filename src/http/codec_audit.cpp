// Audit entries as JSON: times in China Standard Time with their offset, changes as
// {field, before, after} with null for "no value".
#include <cstdio>

#include "domain/date.hpp"
#include "http/codec.hpp"

namespace sanpi::http {

namespace json = boost::json;

std::string china_time(std::int64_t unix_seconds) {
    constexpr std::int64_t kDay = 86400;
    const std::int64_t local = unix_seconds + 8 * 3600;
    std::int64_t days = local / kDay, rest = local % kDay;
    if (rest < 0) {
        rest += kDay;
        --days;
    }
    char clock[16];
    std::snprintf(clock, sizeof clock, "T%02d:%02d:%02d", static_cast<int>(rest / 3600),
                  static_cast<int>(rest / 60 % 60), static_cast<int>(rest % 60));
    return domain::Date::from_days(static_cast<std::int32_t>(days)).iso() + clock + "+08:00";
}

json::object to_json(const domain::AuditEntry& e) {
    json::array changes;
    for (const auto& c : e.changes) {
        changes.push_back(json::object{{"field", c.field}, {"before", optional_text(c.before)}, {"after", optional_text(c.after)}});
    }
    return {{"seq", e.seq},
            {"at", china_time(e.at)},
            {"actor", json::object{{"id", e.actor_id}, {"name", e.actor_name}}},
            {"action", e.action},
            {"entity_type", e.entity_type},
            {"entity_id", e.entity_id},
            {"changes", std::move(changes)},
            {"prev_hash", e.prev_hash},
            {"hash", e.hash}};
}

json::object to_json(const store::AuditPage& page) {
    auto out = items_json(page.items);
    out["next_before"] = page.next_before ? json::value(*page.next_before) : json::value(nullptr);
    return out;
}

}  // namespace sanpi::http
