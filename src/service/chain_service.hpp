#pragma once
// Industry chains (产业链) as use cases. Everyone signed in reads chains; counts are of projects
// (and of enterprises, through the projects of the chain's industry they invest in) inside the
// caller's scope and the asked area: a province or city code (`region`), or one zone (`zone`);
// neither: the whole scope. Only province users change a chain's structure, its owners and its
// enterprise mappings; every write is audited and moves the chain's version on. A project maps to
// a node through its own chain_node_id (PATCH /projects/{id}), checked on every project write.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "domain/bulletin.hpp"
#include "domain/chain.hpp"
#include "domain/chain_coverage.hpp"
#include "domain/error.hpp"
#include "service/clock.hpp"
#include "service/principal.hpp"
#include "store/store.hpp"

namespace sanpi::service {

struct ChainAreaRequest {
    std::optional<std::string> region;  // six digits
    std::optional<std::int64_t> zone_id;
};

// The area as resolved: what its counts cover, and its neighbours' kind for target lists.
struct ChainAreaView {
    std::string kind;  // "scope", "province", "city", "county", "zone"
    std::string code;  // the region code, or the zone id as text; empty for "scope"
    std::string name_zh, name_en;
    store::ChainArea area;
    std::string neighbours;                       // "cities", "zones" or "none"
    std::optional<std::string> neighbour_prefix;  // where the neighbours are (the province, the city)
    // Where the area is for its chain owners' suppliers: a supplier whose region code does not start
    // with it is outside (none: no supplier is outside, e.g. a nationwide scope).
    std::optional<std::string> home_prefix;
};

struct ChainSummaryView {
    domain::Chain chain;
    std::string industry_name_zh, industry_name_en;
    std::int64_t owners = 0;
    domain::CoverageSummary coverage;
};

struct ChainTreeView {
    ChainSummaryView summary;
    ChainAreaView area;
    std::vector<store::ChainEnterprise> owners;
    std::vector<domain::ChainNode> nodes;        // tree order
    std::vector<domain::NodeCoverage> coverage;  // the same order
};

// A known supplier of a chain owner, with the names of its region (empty when the code is in no
// list the server holds).
struct SupplierView {
    store::ChainSupplier supplier;
    std::string region_name_zh, region_name_en;
};

struct ChainNodeItems {
    domain::ChainNode node;
    ChainAreaView area;
    std::vector<store::ChainPresenceRow> enterprises;  // one per enterprise, by name
    std::vector<store::ChainPresenceRow> projects;     // one per project, by code
    std::vector<SupplierView> suppliers;               // known suppliers at the subtree's nodes, by name
};

struct TargetPlaceView {
    domain::TargetPlace figures;
    std::string name_zh, name_en;
    std::vector<std::string> enterprises;           // names
    std::vector<store::ChainPresenceRow> projects;  // their names masked as GET /projects shows them
};
struct ChainTargetView {
    domain::ChainNode node;
    std::vector<std::string> path;  // names from the root down to the node
    std::int64_t strong_places = 0;
    std::int64_t total_items = 0;
    domain::Money investment;
    std::vector<TargetPlaceView> places;
    std::vector<SupplierView> suppliers;  // the area's chain owners' known suppliers outside it
};
struct ChainTargetsView {
    ChainAreaView area;
    std::vector<ChainTargetView> items;
};

struct SupplierInput {
    std::optional<std::int64_t> owner_id, node_id;
    std::optional<std::string> name, region;
    std::optional<std::optional<std::string>> credit_code;  // absent / null (unknown) / a code
};

struct ChainSheetRow;
struct ChainImportResult;

struct ChainInput {
    std::optional<std::string> name, industry, leader_post;
};
struct NodeInput {
    std::optional<std::string> name;
    std::optional<std::string> segment;  // roots only; a child's is its parent's
    bool parent_set = false;             // parent_id was given (null: a root)
    std::optional<std::int64_t> parent_id;
    std::optional<std::int32_t> order;
};

class ChainService {
public:
    ChainService(store::Store& store, const Clock& clock) : store_(store), clock_(clock) {}

    Result<std::vector<ChainSummaryView>> list(const Principal& who, const ChainAreaRequest& at);
    Result<ChainTreeView> tree(const Principal& who, std::int64_t chain_id, const ChainAreaRequest& at);
    Result<ChainNodeItems> node_items(const Principal& who, std::int64_t chain_id, std::int64_t node_id,
                                      const ChainAreaRequest& at);
    Result<ChainTargetsView> targets(const Principal& who, std::int64_t chain_id, const ChainAreaRequest& at);

    Result<domain::Chain> create(const Principal& who, const ChainInput& in);
    Result<domain::Chain> update(const Principal& who, std::int64_t chain_id, std::int64_t expected_version,
                                 const ChainInput& in);
    Result<domain::ChainNode> add_node(const Principal& who, std::int64_t chain_id, const NodeInput& in);
    // Node writes and the chain's deletion are based on the chain's version (If-Match on the chain's
    // ETag): kConflict when it is stale.
    Result<domain::ChainNode> update_node(const Principal& who, std::int64_t chain_id, std::int64_t node_id,
                                          std::int64_t expected_version, const NodeInput& in);
    Result<void> delete_node(const Principal& who, std::int64_t chain_id, std::int64_t node_id,
                             std::int64_t expected_version);
    // The chain with its nodes, enterprise mappings, owners and suppliers; kConflict naming the
    // projects while any project maps to one of its nodes.
    Result<void> delete_chain(const Principal& who, std::int64_t chain_id, std::int64_t expected_version);

    // Known suppliers of the chain's owners (chain_suppliers.cpp). Everyone signed in reads them;
    // province users write them.
    Result<std::vector<SupplierView>> suppliers(const Principal& who, std::int64_t chain_id);
    Result<SupplierView> add_supplier(const Principal& who, std::int64_t chain_id, const SupplierInput& in);
    Result<SupplierView> update_supplier(const Principal& who, std::int64_t chain_id, std::int64_t supplier_id,
                                         std::int64_t expected_version, const SupplierInput& in);
    Result<void> delete_supplier(const Principal& who, std::int64_t chain_id, std::int64_t supplier_id,
                                 std::int64_t expected_version);
    Result<void> map_enterprise(const Principal& who, std::int64_t chain_id, std::int64_t node_id,
                                std::int64_t enterprise_id, bool mapped);
    Result<void> set_owner(const Principal& who, std::int64_t chain_id, std::int64_t enterprise_id, bool owner);

    // The chain map table (service/chain_sheet.hpp).
    Result<std::vector<ChainSheetRow>> sheet_rows(const Principal& who, domain::BulletinLang lang);
    Result<ChainImportResult> import_sheet(const Principal& who, const std::string& content, bool commit);

private:
    store::Store& store_;
    const Clock& clock_;
};

// Inside a transaction (the demo and the import use them too): the same checks and audit entries
// as the use cases above, the province's rights already checked.
Result<domain::Chain> create_chain_in(store::Tx& tx, const Clock& clock, const Principal& who, const ChainInput& in);
Result<domain::ChainNode> add_node_in(store::Tx& tx, const Clock& clock, const Principal& who, std::int64_t chain_id,
                                      const NodeInput& in);
Result<void> map_enterprise_in(store::Tx& tx, const Clock& clock, const Principal& who, std::int64_t chain_id,
                               std::int64_t node_id, std::int64_t enterprise_id, bool mapped);
Result<void> set_owner_in(store::Tx& tx, const Clock& clock, const Principal& who, std::int64_t chain_id,
                          std::int64_t enterprise_id, bool owner);
Result<store::ChainSupplier> add_supplier_in(store::Tx& tx, const Clock& clock, const Principal& who,
                                             std::int64_t chain_id, const SupplierInput& in);
// A chain names register entries (owners, mapped enterprises, suppliers' owners); the caller is
// shown those it sees (enterprise_scope). `hidden(id)` is true for an enterprise it does not see.
Result<std::function<bool(std::int64_t)>> hidden_enterprises(store::Tx& tx, const Principal& who,
                                                             std::vector<std::int64_t> ids);
// The suppliers of owners the caller sees.
Result<void> keep_visible_owners(store::Tx& tx, const Principal& who, std::vector<store::ChainSupplier>& suppliers);
// The suppliers with their regions' names.
Result<std::vector<SupplierView>> supplier_views(store::Tx& tx, std::vector<store::ChainSupplier> suppliers);

}  // namespace sanpi::service
