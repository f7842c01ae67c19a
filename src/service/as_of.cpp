#include "service/as_of.hpp"

#include <algorithm>
#include <charconv>
#include <limits>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "service/audit_fields.hpp"
#include "service/clock.hpp"

namespace sanpi::service {

namespace {

using domain::AuditEntry;
using domain::FieldValues;
using domain::ProjectFacts;

constexpr store::Timestamp kSecondsPerDay = 86'400;
constexpr store::Timestamp kChinaOffset = 8 * 3'600;

using EntriesById = std::unordered_map<std::int64_t, std::vector<const AuditEntry*>>;

EntriesById by_entity(const std::vector<AuditEntry>& newest_first) {
    EntriesById out;
    for (const auto& e : newest_first) out[e.entity_id].push_back(&e);
    return out;
}

// The fields as they were before each entry, applied newest first.
void rewind(FieldValues& fields, const std::vector<const AuditEntry*>& newest_first) {
    for (const auto* e : newest_first) {
        for (const auto& c : e->changes) fields[c.field] = c.before;
    }
}

Error unreadable(const std::string& field, const std::string& text) {
    return Error::internal("审计记录中的字段 " + field + " 无法解读：" + text,
                           "the audit log's field " + field + " cannot be read: " + text);
}

Result<std::int64_t> integer(const std::string& field, const std::string& text) {
    std::int64_t v = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
    if (ec != std::errc() || end != text.data() + text.size()) return unreadable(field, text);
    return v;
}

Result<domain::Money> money(const std::string& field, const std::string& text) {
    auto parsed = domain::Money::parse(text, domain::MoneyUnit::kYuan, field);
    if (!parsed) return unreadable(field, text);
    return parsed->amount;
}

Result<std::optional<domain::Date>> date(const FieldValues& f, const std::string& field) {
    const auto it = f.find(field);
    if (it == f.end() || !it->second) return std::optional<domain::Date>();
    auto parsed = domain::Date::parse(*it->second, field);
    if (!parsed) return unreadable(field, *it->second);
    return std::optional<domain::Date>(parsed->date);
}

// "12.5" 亩 -> 1250 centimu, the inverse of audit_centimu.
Result<std::int64_t> centimu(const std::string& field, const std::string& text) {
    const auto point = text.find('.');
    auto whole = integer(field, text.substr(0, point));
    if (!whole) return whole.error();
    std::int64_t hundredths = 0;
    if (point != std::string::npos) {
        const std::string frac = text.substr(point + 1);
        if (frac.empty() || frac.size() > 2) return unreadable(field, text);
        auto f = integer(field, frac);
        if (!f) return f.error();
        hundredths = frac.size() == 1 ? *f * 10 : *f;
    }
    return *whole * 100 + hundredths;
}

const std::optional<std::string>& value(const FieldValues& f, const std::string& field) {
    static const std::optional<std::string> none;
    const auto it = f.find(field);
    return it == f.end() ? none : it->second;
}

void put_date(FieldValues& f, const std::string& field, const std::optional<domain::Date>& d) {
    f[field] = audit_text(d);
}

// A project's figure fields under the audit log's names (audit_fields_project.cpp).
FieldValues project_fields(const ProjectFacts& p) {
    FieldValues f{{"zone_id", std::to_string(p.zone_id)},
                  {"industry", p.industry_code},
                  {"stage", std::string(domain::to_string(p.stage))},
                  {"status", std::string(domain::to_string(p.status))},
                  {"total_investment", audit_text(p.total_investment)},
                  {"annual_planned_investment", audit_text(p.annual_planned_investment)},
                  {"land_area_mu", audit_centimu(p.land_area_centimu)}};
    put_date(f, "actual.sign", p.signed_on);
    put_date(f, "actual.start", p.started_on);
    put_date(f, "actual.production", p.producing_on);
    put_date(f, "actual.capacity", p.capacity_on);
    put_date(f, "planned.start", p.planned_start);
    put_date(f, "planned.production", p.planned_production);
    put_date(f, "planned.capacity", p.planned_capacity);
    for (const auto& [year, r] : p.realised) {
        const std::string key = "realised." + std::to_string(year);
        f[key + ".output_value"] = audit_text(r.output_value);
        f[key + ".tax"] = audit_text(r.tax);
    }
    return f;
}

bool is_project_figure(const std::string& field) {
    static const std::set<std::string, std::less<>> kFields = {"zone_id",
                                                               "industry",
                                                               "stage",
                                                               "status",
                                                               "total_investment",
                                                               "annual_planned_investment",
                                                               "land_area_mu",
                                                               "actual.sign",
                                                               "actual.start",
                                                               "actual.production",
                                                               "actual.capacity",
                                                               "planned.start",
                                                               "planned.production",
                                                               "planned.capacity"};
    return kFields.contains(field) || field.starts_with("realised.");
}
bool is_report_figure(const std::string& field) {
    return field == "project_id" || field == "month" || field == "investment_completed" || field == "status";
}
bool is_item_figure(const std::string& field) {
    return field == "project_id" || field == "deadline" || field == "status";
}

// The project as the fields say, or none when they say it did not exist.
Result<std::optional<ProjectFacts>> decode_project(std::int64_t id, const FieldValues& f) {
    const auto& zone = value(f, "zone_id");
    if (!zone) return std::optional<ProjectFacts>();
    ProjectFacts p;
    p.id = id;
    auto zone_id = integer("zone_id", *zone);
    if (!zone_id) return zone_id.error();
    p.zone_id = *zone_id;
    p.industry_code = value(f, "industry").value_or("");
    const std::string stage = value(f, "stage").value_or("");
    const auto parsed_stage = domain::stage_from_string(stage);
    if (!parsed_stage) return unreadable("stage", stage);
    p.stage = *parsed_stage;
    const std::string status = value(f, "status").value_or("");
    const auto parsed_status = domain::project_status_from_string(status);
    if (!parsed_status) return unreadable("status", status);
    p.status = *parsed_status;
    for (auto [field, target] : {std::pair{"total_investment", &p.total_investment},
                                 std::pair{"annual_planned_investment", &p.annual_planned_investment}}) {
        if (const auto& text = value(f, field)) {
            auto m = money(field, *text);
            if (!m) return m.error();
            *target = *m;
        }
    }
    if (const auto& land = value(f, "land_area_mu")) {
        auto c = centimu("land_area_mu", *land);
        if (!c) return c.error();
        p.land_area_centimu = *c;
    }
    for (auto [field, target] :
         {std::pair{"actual.sign", &p.signed_on}, std::pair{"actual.start", &p.started_on},
          std::pair{"actual.production", &p.producing_on}, std::pair{"actual.capacity", &p.capacity_on},
          std::pair{"planned.start", &p.planned_start}, std::pair{"planned.production", &p.planned_production},
          std::pair{"planned.capacity", &p.planned_capacity}}) {
        auto d = date(f, field);
        if (!d) return d.error();
        *target = *d;
    }
    for (const auto& [field, text] : f) {
        if (!text || !field.starts_with("realised.")) continue;
        const auto dot = field.find('.', 9);
        if (dot == std::string::npos) continue;
        auto year = integer(field, field.substr(9, dot - 9));
        if (!year) return year.error();
        auto amount = money(field, *text);
        if (!amount) return amount.error();
        auto& y = p.realised[static_cast<int>(*year)];
        const std::string part = field.substr(dot + 1);
        if (part == "output_value") y.output_value = *amount;
        if (part == "tax") y.tax = *amount;
    }
    return std::optional<ProjectFacts>(std::move(p));
}

bool settled(const std::string& status) { return status == "resolved" || status == "closed"; }

// The day of the last entry (at or before `until`) that moved the item into a settled status, if
// any. An item recorded already settled (a loader's or an import's) tells no day by its creation.
std::optional<domain::Date> settled_on(const std::vector<const AuditEntry*>& newest_first, store::Timestamp until) {
    for (const auto* e : newest_first) {
        if (e->at > until) continue;
        for (const auto& c : e->changes) {
            if (c.field == "status" && c.before && !settled(*c.before) && c.after && settled(*c.after)) {
                return china_date(e->at);
            }
        }
    }
    return std::nullopt;
}

void note_corrections(std::vector<Correction>& out, const std::vector<const AuditEntry*>& newest_first,
                      std::int64_t project_id, bool (*is_figure)(const std::string&)) {
    for (const auto* e : newest_first) {
        Correction c{e->seq, e->at, e->actor_name, e->action, e->entity_type, e->entity_id, project_id, {}};
        for (const auto& change : e->changes) {
            if (is_figure(change.field)) c.changes.push_back(change);
        }
        if (!c.changes.empty()) out.push_back(std::move(c));
    }
}

const std::vector<const AuditEntry*>& entries_of(const EntriesById& entries, std::int64_t id) {
    static const std::vector<const AuditEntry*> none;
    const auto it = entries.find(id);
    return it == entries.end() ? none : it->second;
}

}  // namespace

AsOf as_of_end_of(domain::Date day) {
    return {day, (static_cast<store::Timestamp>(day.days_since_epoch()) + 1) * kSecondsPerDay - kChinaOffset - 1};
}

Result<FigureFacts> figure_facts(store::Tx& tx, const domain::Scope& scope, const std::vector<std::int64_t>& zone_ids,
                                 std::optional<domain::Month> activity_from, const std::optional<AsOf>& as_of) {
    const store::Timestamp cutoff = as_of ? as_of->cutoff : std::numeric_limits<store::Timestamp>::max();
    std::vector<AuditEntry> project_log, report_log, item_log;
    if (as_of) {
        auto p = tx.audit_entries_after("project", cutoff);
        if (!p) return p.error();
        project_log = std::move(*p);
    }
    if (as_of && activity_from) {
        auto r = tx.audit_entries_after("report", cutoff);
        if (!r) return r.error();
        report_log = std::move(*r);
    }
    if (activity_from) {
        // Settlement days need an item's whole history, the rewinding only what came after the cutoff.
        auto i = tx.audit_entries_after("coordination_item", std::numeric_limits<store::Timestamp>::min());
        if (!i) return i.error();
        item_log = std::move(*i);
    }

    // Projects moved between zones since may have been in scope then though they are not now.
    std::vector<std::int64_t> moved;
    for (const auto& e : project_log) {
        for (const auto& c : e.changes) {
            if (c.field == "zone_id") moved.push_back(e.entity_id);
        }
    }
    auto now = tx.ranking_facts(scope, moved, activity_from);
    if (!now) return now.error();

    const EntriesById project_entries = by_entity(project_log);
    const EntriesById report_entries = by_entity(report_log);
    const EntriesById item_entries = by_entity(item_log);
    const std::unordered_set<std::int64_t> zones(zone_ids.begin(), zone_ids.end());

    FigureFacts out;
    std::unordered_set<std::int64_t> counted, relevant;
    for (const auto& current : now->projects) {
        std::optional<ProjectFacts> then = current;
        const auto& entries = entries_of(project_entries, current.id);
        if (!entries.empty()) {
            FieldValues f = project_fields(current);
            rewind(f, entries);
            auto decoded = decode_project(current.id, f);
            if (!decoded) return decoded.error();
            then = std::move(*decoded);
        }
        const bool in_now = zones.contains(current.zone_id);
        const bool in_then = then && zones.contains(then->zone_id);
        if (in_now || in_then) {
            relevant.insert(current.id);
            note_corrections(out.corrections, entries, current.id, is_project_figure);
        }
        if (!in_then) continue;
        counted.insert(then->id);
        out.projects.push_back(std::move(*then));
    }

    for (const auto& row : now->reports) {
        FieldValues f{{"project_id", std::to_string(row.report.project_id)},
                      {"month", row.report.month.to_string()},
                      {"investment_completed", audit_text(row.report.investment_completed)},
                      {"status", row.report.approved ? "approved" : "draft"}};
        const auto& entries = entries_of(report_entries, row.id);
        rewind(f, entries);
        if (relevant.contains(row.report.project_id)) {
            note_corrections(out.corrections, entries, row.report.project_id, is_report_figure);
        }
        const auto& project = value(f, "project_id");
        const auto& month = value(f, "month");
        const auto& amount = value(f, "investment_completed");
        if (!project || !month || !amount) continue;  // filed after the cutoff
        auto project_id = integer("project_id", *project);
        if (!project_id) return project_id.error();
        if (!counted.contains(*project_id)) continue;
        auto parsed_month = domain::Month::parse(*month);
        if (!parsed_month) return unreadable("month", *month);
        auto completed = money("investment_completed", *amount);
        if (!completed) return completed.error();
        out.reports.push_back({*project_id, *parsed_month, *completed, value(f, "status") == "approved"});
    }

    for (const auto& row : now->items) {
        FieldValues f{{"project_id", std::to_string(row.project_id)},
                      {"deadline", row.deadline.iso()},
                      {"status", std::string(domain::to_string(row.status))}};
        const auto& history = entries_of(item_entries, row.id);
        std::vector<const AuditEntry*> since;
        for (const auto* e : history) {
            if (e->at > cutoff) since.push_back(e);
        }
        rewind(f, since);
        if (relevant.contains(row.project_id)) note_corrections(out.corrections, since, row.project_id, is_item_figure);
        const auto& project = value(f, "project_id");
        const auto& deadline = value(f, "deadline");
        if (!project || !deadline) continue;  // raised after the cutoff
        auto project_id = integer("project_id", *project);
        if (!project_id) return project_id.error();
        if (!counted.contains(*project_id)) continue;
        auto parsed_deadline = domain::Date::parse(*deadline, "deadline");
        if (!parsed_deadline) return unreadable("deadline", *deadline);
        domain::RankingItem item{*project_id, parsed_deadline->date, std::nullopt};
        if (settled(value(f, "status").value_or(""))) {
            item.settled_on = settled_on(history, cutoff);
            // Items recorded already settled (the demo loader's) settled when last updated.
            if (!item.settled_on) {
                item.settled_on = row.updated_at <= cutoff ? china_date(row.updated_at) : as_of->day;
            }
        }
        out.items.push_back(item);
    }

    std::sort(out.corrections.begin(), out.corrections.end(),
              [](const Correction& a, const Correction& b) { return a.seq > b.seq; });
    return out;
}

}  // namespace sanpi::service
