#pragma once
// Coordination items (问题诉求): raised, changed and listed within the caller's scope. An item
// belongs to a project; whoever cannot see the project cannot see its items (404, as if absent).
#include <cstdint>
#include <functional>
#include <string_view>

#include "domain/error.hpp"
#include "service/clock.hpp"
#include "service/coordination_input.hpp"
#include "service/principal.hpp"
#include "store/store.hpp"

namespace sanpi::service {

// An item as answers show it: `overdue` is worked out against the service clock's today (China
// time) when the item is read; it is never stored.
struct CoordinationItemView {
    store::CoordinationItemRecord record;
    bool overdue = false;
};

class CoordinationService {
public:
    CoordinationService(store::Store& store, const Clock& clock) : store_(store), clock_(clock) {}

    // Province, city and zone users raise items for projects in their scope (201); supervisors
    // and viewers only read (kForbidden). A project outside the scope is kNotFound.
    Result<CoordinationItemView> create(const Principal& who, std::int64_t project_id, const CoordinationInput& input);
    Result<CoordinationItemView> get(const Principal& who, std::int64_t id);
    // The same writers; kConflict if expected_version is stale; nothing is written on any error.
    Result<CoordinationItemView> update(const Principal& who, std::int64_t id, std::int64_t expected_version,
                                        const CoordinationInput& input);
    // create and update inside a caller's transaction (an import): the same checks and audit
    // entries, `action` naming each write. create_in answers the new item's id.
    Result<std::int64_t> create_in(store::Tx& tx, const Principal& who, std::int64_t project_id,
                                   const CoordinationInput& input,
                                   std::string_view action = "coordination_item.create");
    Result<void> update_in(store::Tx& tx, const Principal& who, std::int64_t id, std::int64_t expected_version,
                           const CoordinationInput& input, std::string_view action = "coordination_item.update");
    // The item create_in or update_in would store, checked as they check it, without writing (an
    // import's preview). `before` is the stored item update_in would change.
    Result<domain::CoordinationItem> check_create_in(store::Tx& tx, const Principal& who, std::int64_t project_id,
                                                     const CoordinationInput& input) const;
    Result<domain::CoordinationItem> check_update_in(const Principal& who, const store::CoordinationItemRecord& before,
                                                     const CoordinationInput& input) const;
    // One project's items (kNotFound if the project is not visible), with the same filters.
    Result<store::Page<CoordinationItemView>> list_for_project(const Principal& who, std::int64_t project_id,
                                                               store::CoordinationQuery query);
    // Items of every project in scope; `query.today` is set from the clock.
    Result<store::Page<CoordinationItemView>> list(const Principal& who, store::CoordinationQuery query);
    // Every item `query` selects (its filters; offset and limit ignored), in the list's order, as
    // `list` answers them, handed to `sink` one at a time; read `chunk` at a time inside one read
    // transaction (one snapshot). Stops at the first error, the sink's included.
    using ItemSink = std::function<Result<void>(const CoordinationItemView&)>;
    static constexpr std::int64_t kEachChunk = 500;
    Result<void> each(const Principal& who, store::CoordinationQuery query, const ItemSink& sink,
                      std::int64_t chunk = kEachChunk);

private:
    store::Store& store_;
    const Clock& clock_;
};

}  // namespace sanpi::service
