// Coordination items: writes with optimistic versions, scoped reads and the filtered list.
#include <algorithm>
#include <array>

#include "store/sql/conditions.hpp"
#include "store/sql/coordination_items_sql.hpp"
#include "store/sql/page_limit.hpp"
#include "store/sql/project_list_query.hpp"
#include "store/sql/project_rows.hpp"
#include "store/sql/projects_sql.hpp"
#include "store/sql/sql_tx.hpp"
#include "store/sql/users_sql.hpp"

namespace sanpi::store::sql {

using namespace coordination;
using domain::CoordinationItem;
using domain::CoordinationStatus;

namespace {

constexpr std::array kAllStatuses{CoordinationStatus::kOpen, CoordinationStatus::kInProgress,
                                  CoordinationStatus::kResolved, CoordinationStatus::kClosed,
                                  CoordinationStatus::kReopened};

// "('resolved', 'closed')": the statuses the domain counts as settled, so the overdue filter and
// domain::is_overdue cannot disagree. The names are the domain's own constants, never input.
std::string settled_statuses() {
    std::string out;
    for (auto s : kAllStatuses) {
        if (!domain::is_settled(s)) continue;
        out += out.empty() ? "(" : ", ";
        out += "'" + std::string(domain::to_string(s)) + "'";
    }
    return out + ")";
}

int bind_item_fields(Statement& st, int first, const CoordinationItem& item) {
    return bind_from(st, first, domain::to_string(item.category), item.description, domain::to_string(item.level),
                     item.responsible_department, item.deadline, domain::to_string(item.status), item.resolution,
                     item.reopen_reason);
}

CoordinationItemRecord read_record(const Statement& st) {
    Row row(st);
    CoordinationItemRecord r;
    CoordinationItem& item = r.item;
    item.id = row.int64();
    item.project_id = row.int64();
    item.category = row.enumeration(domain::coordination_category_from_string, "category");
    item.description = row.text();
    item.level = row.enumeration(domain::coordination_level_from_string, "level");
    item.responsible_department = row.text();
    item.deadline = row.date();
    item.status = row.enumeration(domain::coordination_status_from_string, "status");
    item.resolution = row.optional_text();
    item.reopen_reason = row.optional_text();
    item.version = row.int64();
    r.project_code = row.text();
    r.project_name = row.text();
    r.project_code_name = row.optional_text().value_or("");
    r.project_stage = row.enumeration(domain::stage_from_string, "stage");
    r.zone_id = row.int64();
    r.zone_name = row.text();
    r.region_code = row.text();
    r.city_code = city_of(r.region_code);
    r.created_by = row.optional_int64();
    r.created_at = row.int64();
    r.updated_at = row.int64();
    return r;
}

void add_overdue(Conditions& where, bool overdue, domain::Date today) {
    if (overdue) {
        where.add("ci.deadline < ?", today.iso());
        where.add("ci.status NOT IN " + settled_statuses());
    } else {
        where.add("(ci.deadline >= ? OR ci.status IN " + settled_statuses() + ")", today.iso());
    }
}

Result<void> add_filters(Conditions& where, const Scope& scope, const CoordinationQuery& q) {
    if (auto scoped = add_scope(where, scope, "p.zone_id", "z.region_code"); !scoped) return scoped.error();
    if (q.city_code) {
        if (q.city_code->size() != 6 || !is_digits(*q.city_code, 6)) {
            return Error::invalid_field("city_code", "城市代码应为6位数字", "city_code must be six digits");
        }
        add_region_range(where, "z.region_code", q.city_code->substr(0, 4));
    }
    if (q.project_id) where.add("ci.project_id = ?", *q.project_id);
    if (q.zone_id) where.add("p.zone_id = ?", *q.zone_id);
    if (q.status) where.add("ci.status = ?", std::string(domain::to_string(*q.status)));
    if (q.category) where.add("ci.category = ?", std::string(domain::to_string(*q.category)));
    if (q.level) where.add("ci.level = ?", std::string(domain::to_string(*q.level)));
    if (q.overdue) add_overdue(where, *q.overdue, q.today);
    return {};
}

}  // namespace

Result<std::int64_t> SqlTx::insert_coordination_item(const CoordinationItem& item, std::int64_t user_id, Timestamp at) {
    // User 0 is the system itself (the demo loader): no account to refer to.
    const std::optional<std::int64_t> user = user_id != 0 ? std::optional(user_id) : std::nullopt;
    ForeignKeys refs{{"project_id", projects::kProjectExists, item.project_id, "项目", "project"}};
    if (user) refs.push_back({"created_by", users::kUserExists, *user, "用户", "user"});
    return atomically(
        [&]() -> Result<std::int64_t> {
            auto q = conn_.prepare(kInsertItem);
            bind_one(*q, 1, item.project_id);
            const int next = bind_item_fields(*q, 2, item);
            bind_from(*q, next, user, at, at);
            return returned_id(*q);
        },
        refs);
}

Result<void> SqlTx::update_coordination_item(const CoordinationItem& item, std::int64_t expected_version,
                                             Timestamp at) {
    return atomically([&]() -> Result<void> {
        auto q = conn_.prepare(kUpdateItem);
        const int next = bind_item_fields(*q, 1, item);
        bind_from(*q, next, at, item.id, expected_version);
        run(*q);
        if (q->rows_affected() == 0) return stale_or_missing(kItemExists, item.id, "问题诉求", "coordination item");
        return {};
    });
}

Result<std::optional<CoordinationItemRecord>> SqlTx::get_coordination_item(const Scope& scope, std::int64_t id) {
    return guarded([&]() -> Result<std::optional<CoordinationItemRecord>> {
        Conditions where;
        where.add("ci.id = ?", id);
        if (auto scoped = add_scope(where, scope, "p.zone_id", "z.region_code"); !scoped) return scoped.error();
        auto q = conn_.prepare(std::string(kItemColumns) + std::string(kItemFrom) + where.where());
        where.bind(*q);
        if (!q->step()) return std::optional<CoordinationItemRecord>();
        return read_record(*q);
    });
}

Result<Page<CoordinationItemRecord>> SqlTx::list_coordination_items(const Scope& scope, const CoordinationQuery& q) {
    return guarded([&]() -> Result<Page<CoordinationItemRecord>> {
        Conditions where;
        if (auto added = add_filters(where, scope, q); !added) return added.error();
        auto found = counted_page(conn_, where, kItemFrom, std::string(kItemColumns) + std::string(kItemFrom),
                                  kItemOrder, q.limit, q.offset);
        Page<CoordinationItemRecord> page;
        page.total = found.total;
        while (static_cast<std::int64_t>(page.items.size()) < found.limit && found.rows->step()) {
            page.items.push_back(read_record(*found.rows));
        }
        return page;
    });
}

}  // namespace sanpi::store::sql
