#include "service/coordination_service.hpp"

#include "service/audit_fields.hpp"
#include "service/audit_trail.hpp"
#include "service/light_keeper.hpp"
#include "service/project_identity.hpp"
#include "store/transact.hpp"

namespace sanpi::service {

using store::CoordinationItemRecord;
using store::Tx;

namespace {

using ItemPage = store::Page<CoordinationItemView>;

// Coordination is the zones' and cities' daily work, and the province's: supervisors and viewers
// follow it without changing it.
Result<void> require_writer(const Principal& who) {
    const auto role = who.user.role;
    if (who.user.active &&
        (role == domain::Role::kProvince || role == domain::Role::kCity || role == domain::Role::kZone)) {
        return {};
    }
    return Error::forbidden("您的角色只能查看问题诉求", "your role may only read coordination items");
}

Error item_not_found() { return Error::not_found("问题诉求", "coordination item"); }

Result<CoordinationItemRecord> load(Tx& tx, const store::Scope& scope, std::int64_t id) {
    auto record = tx.get_coordination_item(scope, id);
    if (!record) return record.error();
    if (!*record) return item_not_found();
    return std::move(**record);
}

// The project must be visible to the caller; otherwise it does not exist for them.
Result<void> require_project(Tx& tx, const store::Scope& scope, std::int64_t project_id) {
    auto project = tx.get_project(scope, project_id);
    if (!project) return project.error();
    if (!*project) return Error::not_found("项目", "project");
    return {};
}

// Every answer's item, as `who` may see it: its project named as the project itself is shown to
// them (a reserve project's code name in place of its name: project_identity.hpp).
CoordinationItemView view_of(const Principal& who, CoordinationItemRecord record, domain::Date today) {
    if (shows_code_name(who, {record.zone_id, record.region_code, record.project_stage, record.project_code_name})) {
        record.project_name = record.project_code_name;
    }
    const bool overdue = domain::is_overdue(record.item, today);
    return CoordinationItemView{std::move(record), overdue};
}

Result<ItemPage> read_page(Tx& tx, const Principal& who, const store::CoordinationQuery& query) {
    auto page = tx.list_coordination_items(who.scope, query);
    if (!page) return page.error();
    ItemPage out;
    out.total = page->total;
    out.items.reserve(page->items.size());
    for (auto& record : page->items) out.items.push_back(view_of(who, std::move(record), query.today));
    return out;
}

}  // namespace

Result<CoordinationItemView> CoordinationService::create(const Principal& who, std::int64_t project_id,
                                                         const CoordinationInput& input) {
    if (auto r = require_writer(who); !r) return r.error();
    const domain::Date today = china_date(clock_.now());
    return store::write_value<CoordinationItemView>(store_, [&](Tx& tx) -> Result<CoordinationItemView> {
        auto id = create_in(tx, who, project_id, input);
        if (!id) return id.error();
        auto after = load(tx, who.scope, *id);
        if (!after) return after.error();
        return view_of(who, std::move(*after), today);
    });
}

Result<domain::CoordinationItem> CoordinationService::check_create_in(Tx& tx, const Principal& who,
                                                                      std::int64_t project_id,
                                                                      const CoordinationInput& input) const {
    if (auto r = require_writer(who); !r) return r.error();
    if (auto r = require_project(tx, who.scope, project_id); !r) return r.error();
    return raise_coordination_item(project_id, input, china_date(clock_.now()));
}

Result<std::int64_t> CoordinationService::create_in(Tx& tx, const Principal& who, std::int64_t project_id,
                                                    const CoordinationInput& input, std::string_view action) {
    auto item = check_create_in(tx, who, project_id, input);
    if (!item) return item.error();
    auto id = tx.insert_coordination_item(*item, who.user.id, clock_.now());
    if (!id) return id.error();
    // An open item past its deadline lights the project.
    if (auto r = refresh_light(tx, project_id, china_date(clock_.now())); !r) return r.error();
    auto after = load(tx, who.scope, *id);
    if (!after) return after.error();
    if (auto r = AuditTrail(clock_).record_change(tx, Actor::of(who), action, "coordination_item", *id, {},
                                                  audit_fields(after->item));
        !r) {
        return r.error();
    }
    return *id;
}

Result<domain::CoordinationItem> CoordinationService::check_update_in(const Principal& who,
                                                                      const CoordinationItemRecord& before,
                                                                      const CoordinationInput& input) const {
    if (auto r = require_writer(who); !r) return r.error();
    return change_coordination_item(before.item, input, china_date(before.created_at));
}

Result<void> CoordinationService::update_in(Tx& tx, const Principal& who, std::int64_t id,
                                            std::int64_t expected_version, const CoordinationInput& input,
                                            std::string_view action) {
    auto before = load(tx, who.scope, id);
    if (!before) return before.error();
    if (before->item.version != expected_version) {
        return Error::conflict("问题诉求已被他人修改，请刷新后重试",
                               "the coordination item was changed by someone else; reload and retry");
    }
    auto next = check_update_in(who, *before, input);
    if (!next) return next.error();
    if (auto r = tx.update_coordination_item(*next, expected_version, clock_.now()); !r) return r.error();
    if (auto r = refresh_light(tx, next->project_id, china_date(clock_.now())); !r) return r.error();
    auto after = load(tx, who.scope, id);
    if (!after) return after.error();
    if (auto r = AuditTrail(clock_).record_change(tx, Actor::of(who), action, "coordination_item", id,
                                                  audit_fields(before->item), audit_fields(after->item));
        !r) {
        return r.error();
    }
    return {};
}

Result<CoordinationItemView> CoordinationService::get(const Principal& who, std::int64_t id) {
    const domain::Date today = clock_.today();
    return store::read_value<CoordinationItemView>(store_, [&](Tx& tx) -> Result<CoordinationItemView> {
        auto record = load(tx, who.scope, id);
        if (!record) return record.error();
        return view_of(who, std::move(*record), today);
    });
}

// Scope (404), version (409), the change through the workflow (409/422), then one write.
Result<CoordinationItemView> CoordinationService::update(const Principal& who, std::int64_t id,
                                                         std::int64_t expected_version,
                                                         const CoordinationInput& input) {
    if (auto r = require_writer(who); !r) return r.error();
    const domain::Date today = china_date(clock_.now());
    return store::write_value<CoordinationItemView>(store_, [&](Tx& tx) -> Result<CoordinationItemView> {
        if (auto r = update_in(tx, who, id, expected_version, input); !r) return r.error();
        auto after = load(tx, who.scope, id);
        if (!after) return after.error();
        return view_of(who, std::move(*after), today);
    });
}

Result<ItemPage> CoordinationService::list_for_project(const Principal& who, std::int64_t project_id,
                                                       store::CoordinationQuery query) {
    query.project_id = project_id;
    query.today = clock_.today();
    return store::read_value<ItemPage>(store_, [&](Tx& tx) -> Result<ItemPage> {
        if (auto r = require_project(tx, who.scope, project_id); !r) return r.error();
        return read_page(tx, who, query);
    });
}

Result<ItemPage> CoordinationService::list(const Principal& who, store::CoordinationQuery query) {
    query.today = clock_.today();
    return store::read_value<ItemPage>(store_, [&](Tx& tx) { return read_page(tx, who, query); });
}

Result<void> CoordinationService::each(const Principal& who, store::CoordinationQuery query, const ItemSink& sink,
                                       std::int64_t chunk) {
    query.today = clock_.today();
    query.limit = chunk;
    query.offset = 0;
    return store_.read([&](Tx& tx) -> Result<void> {
        // OFFSET paging inside one snapshot: the rows cannot move between chunks.
        for (;;) {
            auto page = read_page(tx, who, query);
            if (!page) return page.error();
            for (const auto& item : page->items) {
                if (auto sent = sink(item); !sent) return sent;
            }
            // Until a page comes back empty: the store may serve fewer rows than asked for.
            if (page->items.empty()) return {};
            query.offset += static_cast<std::int64_t>(page->items.size());
        }
    });
}

}  // namespace sanpi::service
