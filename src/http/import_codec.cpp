#include "http/import_codec.hpp"

#include <boost/json.hpp>
#include <utility>

namespace sanpi::http {

namespace json = boost::json;

namespace {

std::string yuan_text(domain::Money m) { return m.to_decimal(domain::MoneyUnit::kYuan); }

std::string_view import_unit_name(domain::MoneyUnit unit) {
    switch (unit) {
        case domain::MoneyUnit::kYuan:
            return "yuan";
        case domain::MoneyUnit::kWan:
            return "wan";
        case domain::MoneyUnit::kYi:
            return "yi";
    }
    return "yuan";
}

}  // namespace

json::object import_preview_json(const service::ImportPreview& p, Lang lang) {
    const auto text = [&](const Text& t) { return lang == Lang::kZh ? t.zh : t.en; };
    json::array columns, ignored, created, updated, unchanged, rejected, repeated, near, totals;
    for (const auto& c : p.layout.columns) {
        json::object column{{"column", service::column_letter(c.column)},
                            {"header", c.header},
                            {"field", service::import_field_name(c.field)}};
        if (service::is_money_field(c.field)) column["unit"] = import_unit_name(p.layout.unit_of(c));
        columns.push_back(std::move(column));
    }
    for (const auto& i : p.layout.ignored) {
        ignored.push_back({{"column", service::column_letter(i.column)}, {"header", i.header}, {"repeated", i.repeated}});
    }
    // A report or coordination item row is about a stored project: its id, code and name, and the
    // report's month or the item's description.
    const bool reports = p.record.kind == "reports", items = p.record.kind == "coordination";
    for (const auto& c : p.created) {
        json::object row{{"row", c.row}, {"name", c.name}, {"zone_id", c.zone_id}};
        if (reports || items) {
            row["project_id"] = c.project_id;
            row["code"] = c.code;
        }
        if (reports) row["month"] = c.month;
        if (items) row["description"] = c.description;
        created.push_back(std::move(row));
    }
    for (const auto& u : p.updated) {
        json::array changes;
        for (const auto& c : u.changes) changes.push_back({{"field", c.field}, {"from", c.from}, {"to", c.to}});
        json::object row{
            {"row", u.row}, {"project_id", u.project_id}, {"code", u.code}, {"changes", std::move(changes)}};
        if (reports) {
            row["report_id"] = u.record_id;
            row["name"] = u.name;
            row["month"] = u.month;
        }
        if (items) {
            row["item_id"] = u.record_id;
            row["name"] = u.name;
            row["description"] = u.description;
        }
        updated.push_back(std::move(row));
    }
    for (const auto row : p.unchanged) unchanged.push_back(row);
    for (const auto& r : p.rejected) {
        rejected.push_back({{"row", r.row}, {"column", r.column}, {"field", r.field}, {"value", r.value},
                            {"reason", text(r.reason)}});
    }
    for (const auto& r : p.repeated) repeated.push_back({{"row", r.row}, {"same_as_row", r.same_as_row}});
    for (const auto& n : p.near_duplicates) {
        near.push_back({{"row", n.row}, {"name", n.name}, {"project_id", n.project_id}, {"project_name", n.project_name}});
    }
    for (const auto& t : p.total_checks) {
        totals.push_back({{"row", t.row}, {"label", t.label}, {"field", t.field}, {"column", t.column},
                          {"stated", yuan_text(t.stated)}, {"computed", yuan_text(t.computed)}, {"agrees", t.agrees()}});
    }
    json::array entered, already;
    for (const auto& e : p.entered) {
        json::object item{{"row", e.row}, {"name", e.name}};
        item["project_id"] = e.project_id != 0 ? json::value(e.project_id) : json::value(nullptr);
        entered.push_back(std::move(item));
    }
    for (const auto row : p.already_entered) already.push_back(row);
    json::value campaign = nullptr;
    if (p.campaign) campaign = json::object{{"id", p.campaign->id}, {"name", p.campaign->name}, {"date", p.campaign->date.iso()}};
    json::value batch = nullptr;
    if (p.record.batch) batch = json::string(domain::to_string(*p.record.batch));
    const auto counts = p.counts();
    json::object answer{{"id", p.record.id},
                        {"kind", p.record.kind},
                        {"file_name", p.record.file_name},
                        {"checksum", p.record.checksum},
                        {"status", p.record.committed ? "committed" : "previewed"},
                        {"sheet", p.sheet},
                        {"title", p.title},
                        {"columns", std::move(columns)},
                        {"ignored_headers", std::move(ignored)},
                        {"counts",
                         {{"created", counts.created},
                          {"updated", counts.updated},
                          {"unchanged", counts.unchanged},
                          {"rejected", counts.rejected},
                          {"repeated", counts.repeated},
                          {"near_duplicates", static_cast<std::int64_t>(p.near_duplicates.size())},
                          {"entered", counts.entered},
                          {"already_entered", static_cast<std::int64_t>(p.already_entered.size())}}},
                        {"created", std::move(created)},
                        {"updated", std::move(updated)},
                        {"unchanged", std::move(unchanged)},
                        {"rejected", std::move(rejected)},
                        {"repeated", std::move(repeated)},
                        {"near_duplicates", std::move(near)},
                        {"total_checks", std::move(totals)},
                        {"campaign", std::move(campaign)},
                        {"batch", std::move(batch)},
                        {"entered", std::move(entered)},
                        {"already_entered", std::move(already)}};
    return answer;
}

}  // namespace sanpi::http
