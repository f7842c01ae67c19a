#pragma once
// SQL of industry chains (m0020), written once for both backends.
#include <string_view>

namespace sanpi::store::sql::chains {

inline constexpr std::string_view kInsertChain =
    "INSERT INTO chains (name, industry_code, leader_post, version) VALUES (?, ?, ?, 1){{RETURNING_ID}}";
inline constexpr std::string_view kUpdateChain =
    "UPDATE chains SET name = ?, industry_code = ?, leader_post = ?, version = version + 1 WHERE id = ? AND version = "
    "?";
inline constexpr std::string_view kTouchChain = "UPDATE chains SET version = version + 1 WHERE id = ?";
inline constexpr std::string_view kChainExists = "SELECT 1 FROM chains WHERE id = ?";
inline constexpr std::string_view kChainSelect = "SELECT id, name, industry_code, leader_post, version FROM chains";
inline constexpr std::string_view kChainById = " WHERE id = ?";
inline constexpr std::string_view kChainByName = " WHERE name = ?";
inline constexpr std::string_view kChainOrder = " ORDER BY id";

inline constexpr std::string_view kNodeSelect =
    "SELECT id, chain_id, parent_id, name, segment, sort_order FROM chain_nodes";
inline constexpr std::string_view kNodesOfChain = " WHERE chain_id = ? ORDER BY id";
inline constexpr std::string_view kNodeById = " WHERE id = ?";
inline constexpr std::string_view kInsertNode =
    "INSERT INTO chain_nodes (chain_id, parent_id, name, segment, sort_order) VALUES (?, ?, ?, ?, ?){{RETURNING_ID}}";
inline constexpr std::string_view kUpdateNode =
    "UPDATE chain_nodes SET parent_id = ?, name = ?, segment = ?, sort_order = ? WHERE id = ?";
inline constexpr std::string_view kDeleteNodeEnterprises = "DELETE FROM chain_node_enterprises WHERE node_id = ?";
inline constexpr std::string_view kDeleteNode = "DELETE FROM chain_nodes WHERE id = ?";
inline constexpr std::string_view kNodeEnterpriseCount =
    "SELECT COUNT(*) FROM chain_node_enterprises WHERE node_id = ?";
inline constexpr std::string_view kNodeProjectCount = "SELECT COUNT(*) FROM projects WHERE chain_node_id = ?";

inline constexpr std::string_view kMapEnterprise =
    "INSERT INTO chain_node_enterprises (node_id, enterprise_id) VALUES (?, ?) "
    "ON CONFLICT (node_id, enterprise_id) DO NOTHING";
inline constexpr std::string_view kUnmapEnterprise =
    "DELETE FROM chain_node_enterprises WHERE node_id = ? AND enterprise_id = ?";
inline constexpr std::string_view kNodeEnterprises =
    "SELECT ne.node_id, e.id, e.name, e.credit_code FROM chain_node_enterprises ne "
    "JOIN chain_nodes n ON n.id = ne.node_id JOIN enterprises e ON e.id = ne.enterprise_id "
    "WHERE n.chain_id = ? ORDER BY ne.node_id, e.name{{BYTEWISE}}, e.id";
inline constexpr std::string_view kOwners =
    "SELECT e.id, e.name, e.credit_code FROM chain_owners o JOIN enterprises e ON e.id = o.enterprise_id "
    "WHERE o.chain_id = ? ORDER BY e.name{{BYTEWISE}}, e.id";
inline constexpr std::string_view kAddOwner =
    "INSERT INTO chain_owners (chain_id, enterprise_id) VALUES (?, ?) ON CONFLICT (chain_id, enterprise_id) DO NOTHING";
inline constexpr std::string_view kRemoveOwner = "DELETE FROM chain_owners WHERE chain_id = ? AND enterprise_id = ?";

// Projects at the chain's nodes, and enterprises at its nodes through the projects of the chain's
// industry they invest in; cancelled projects count nowhere. Scope and area are added to each WHERE.
inline constexpr std::string_view kProjectPresence =
    "SELECT p.chain_node_id, 0, p.id, p.name, p.code, p.code_name, p.stage, p.total_investment_fen, p.zone_id, "
    "z.name, z.region_code, p.city_code FROM projects p JOIN chain_nodes n ON n.id = p.chain_node_id "
    "JOIN zones z ON z.id = p.zone_id WHERE n.chain_id = ? AND p.status <> 'cancelled'";
inline constexpr std::string_view kEnterprisePresence =
    "SELECT ne.node_id, 1, e.id, e.name, e.credit_code, NULL, p.stage, 0, p.zone_id, z.name, z.region_code, "
    "p.city_code FROM chain_node_enterprises ne JOIN chain_nodes n ON n.id = ne.node_id "
    "JOIN chains c ON c.id = n.chain_id JOIN enterprises e ON e.id = ne.enterprise_id "
    "JOIN project_investors pi ON pi.enterprise_id = e.id JOIN projects p ON p.id = pi.project_id "
    "AND p.industry_code = c.industry_code JOIN zones z ON z.id = p.zone_id "
    "WHERE n.chain_id = ? AND p.status <> 'cancelled'";

// A chain's owners present in an area: they invest in a non-cancelled project of its industry.
// Scope and area are added to the WHERE.
inline constexpr std::string_view kOwnersInArea =
    "SELECT DISTINCT o.enterprise_id FROM chain_owners o JOIN chains c ON c.id = o.chain_id "
    "JOIN project_investors pi ON pi.enterprise_id = o.enterprise_id JOIN projects p ON p.id = pi.project_id "
    "AND p.industry_code = c.industry_code JOIN zones z ON z.id = p.zone_id "
    "WHERE o.chain_id = ? AND p.status <> 'cancelled'";
inline constexpr std::string_view kChainProjects =
    "SELECT p.id, p.chain_node_id, p.code, p.version FROM projects p JOIN chain_nodes n ON n.id = p.chain_node_id "
    "JOIN zones z ON z.id = p.zone_id WHERE n.chain_id = ?";
inline constexpr std::string_view kChainProjectsOrder = " ORDER BY p.code{{BYTEWISE}}, p.id";

// A chain's deletion, its parts first (nodes refer to each other only through the deferred parent key).
inline constexpr std::string_view kDeleteChainSuppliers = "DELETE FROM chain_suppliers WHERE chain_id = ?";
inline constexpr std::string_view kDeleteChainOwners = "DELETE FROM chain_owners WHERE chain_id = ?";
inline constexpr std::string_view kDeleteChainMappings =
    "DELETE FROM chain_node_enterprises WHERE node_id IN (SELECT id FROM chain_nodes WHERE chain_id = ?)";
inline constexpr std::string_view kUnparentChainNodes = "UPDATE chain_nodes SET parent_id = NULL WHERE chain_id = ?";
inline constexpr std::string_view kDeleteChainNodes = "DELETE FROM chain_nodes WHERE chain_id = ?";
inline constexpr std::string_view kDeleteChain = "DELETE FROM chains WHERE id = ?";

// Known suppliers of chain owners (m0022).
inline constexpr std::string_view kSupplierSelect =
    "SELECT s.id, s.chain_id, s.owner_enterprise_id, s.node_id, s.name, s.credit_code, s.region_code, s.version, "
    "e.name, e.credit_code FROM chain_suppliers s JOIN enterprises e ON e.id = s.owner_enterprise_id";
inline constexpr std::string_view kSupplierById = " WHERE s.id = ?";
inline constexpr std::string_view kSuppliersOfChain = " WHERE s.chain_id = ? ORDER BY s.name{{BYTEWISE}}, s.id";
inline constexpr std::string_view kSupplierExists = "SELECT 1 FROM chain_suppliers WHERE id = ?";
inline constexpr std::string_view kInsertSupplier =
    "INSERT INTO chain_suppliers (chain_id, owner_enterprise_id, node_id, name, credit_code, region_code, version) "
    "VALUES (?, ?, ?, ?, ?, ?, 1){{RETURNING_ID}}";
inline constexpr std::string_view kUpdateSupplier =
    "UPDATE chain_suppliers SET owner_enterprise_id = ?, node_id = ?, name = ?, credit_code = ?, region_code = ?, "
    "version = version + 1 WHERE id = ? AND version = ?";
inline constexpr std::string_view kDeleteSupplier = "DELETE FROM chain_suppliers WHERE id = ? AND version = ?";
inline constexpr std::string_view kNodeSupplierCount = "SELECT COUNT(*) FROM chain_suppliers WHERE node_id = ?";
inline constexpr std::string_view kOwnerSupplierCount =
    "SELECT COUNT(*) FROM chain_suppliers WHERE chain_id = ? AND owner_enterprise_id = ?";

}  // namespace sanpi::store::sql::chains
