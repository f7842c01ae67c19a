// The chain map table's rows, as GET /api/v1/chains/export.xlsx writes them (service/chain_sheet.hpp).
#include <algorithm>
#include <map>
#include <set>

#include "domain/chain_sheet.hpp"
#include "service/chain_area.hpp"
#include "service/chain_sheet.hpp"
#include "store/transact.hpp"

namespace sanpi::service {
namespace {

std::string owner_text(const store::ChainEnterprise& e) { return e.name + "（" + e.credit_code + "）"; }

void append(std::string& cell, std::string_view separator, const std::string& item) {
    if (!cell.empty()) cell += separator;
    cell += item;
}

Result<void> add_chain_rows(store::Tx& tx, const Principal& who, domain::BulletinLang lang, const domain::Chain& chain,
                            const std::vector<domain::Industry>& industries, std::vector<ChainSheetRow>& out) {
    const bool zh = lang == domain::BulletinLang::kZh;
    auto nodes = tx.list_chain_nodes(chain.id);
    if (!nodes) return nodes.error();
    auto rows = tx.chain_presence(who.scope, chain.id, {});
    if (!rows) return rows.error();
    auto owners = tx.chain_owners(chain.id);
    if (!owners) return owners.error();
    auto mapped = tx.chain_node_enterprises(chain.id);
    if (!mapped) return mapped.error();
    auto projects = tx.chain_projects(who.scope, chain.id);
    if (!projects) return projects.error();
    auto suppliers = tx.list_chain_suppliers(chain.id);
    if (!suppliers) return suppliers.error();
    if (auto r = keep_visible_owners(tx, who, *suppliers); !r) return r.error();
    std::vector<std::int64_t> ids;
    for (const auto& o : *owners) ids.push_back(o.id);
    for (const auto& m : *mapped) ids.push_back(m.enterprise.id);
    auto hidden = hidden_enterprises(tx, who, std::move(ids));
    if (!hidden) return hidden.error();
    std::erase_if(*owners, [&](const auto& o) { return (*hidden)(o.id); });
    std::erase_if(*mapped, [&](const auto& m) { return (*hidden)(m.enterprise.id); });
    std::set<std::int64_t> owner_ids, mapped_ids;
    for (const auto& o : *owners) owner_ids.insert(o.id);
    for (const auto& m : *mapped) mapped_ids.insert(m.enterprise.id);
    std::string industry = chain.industry_code;
    for (const auto& i : industries) {
        if (i.code == chain.industry_code) industry = zh ? i.name_zh : i.name_en;
    }

    // The chain's own row carries what no node row can: owners mapped to no node, and a chain
    // that has no nodes yet. Without it neither would survive an export and import.
    ChainSheetRow own{chain.name, industry, chain.leader_post, "", {}, "", "", "", "", 0, 0, {}};
    own.chain_row = true;
    own.levels.resize(domain::kMaxChainDepth);
    for (const auto& o : *owners) {
        if (!mapped_ids.contains(o.id)) append(own.owners, "、", owner_text(o));
    }
    if (!own.owners.empty() || nodes->empty()) out.push_back(std::move(own));

    const auto ordered = domain::in_tree_order(*nodes);
    const auto coverage = domain::chain_coverage(ordered, as_presences(*rows, "none"));
    std::map<std::int64_t, std::vector<std::string>> paths;
    for (std::size_t i = 0; i < ordered.size(); ++i) {
        const auto& n = ordered[i];
        auto path = n.parent_id ? paths[*n.parent_id] : std::vector<std::string>{};
        path.push_back(n.name);
        paths[n.id] = path;
        ChainSheetRow row{chain.name,
                          industry,
                          chain.leader_post,
                          zh ? std::string(domain::label_zh(n.segment)) : std::string(domain::to_string(n.segment)),
                          path,
                          "",
                          "",
                          "",
                          "",
                          coverage[i].enterprises,
                          coverage[i].projects,
                          coverage[i].investment};
        row.levels.resize(domain::kMaxChainDepth);
        for (const auto& m : *mapped) {
            if (m.node_id != n.id) continue;
            append(owner_ids.contains(m.enterprise.id) ? row.owners : row.mapped_enterprises, "、",
                   owner_text(m.enterprise));
        }
        for (const auto& p : *projects) {
            if (p.node_id == n.id) append(row.mapped_projects, "、", p.code);
        }
        for (const auto& sp : *suppliers) {
            if (sp.node_id != n.id) continue;
            append(row.suppliers, "；",
                   sp.name + "｜" + sp.credit_code.value_or("") + "｜" + sp.region_code + "｜" + sp.owner_credit_code);
        }
        out.push_back(std::move(row));
    }
    return {};
}

}  // namespace

Result<std::vector<ChainSheetRow>> chain_sheet_rows(store::Store& store, const Principal& who,
                                                    domain::BulletinLang lang) {
    return store::read_value<std::vector<ChainSheetRow>>(
        store, [&](store::Tx& tx) -> Result<std::vector<ChainSheetRow>> {
            auto chains = tx.list_chains();
            if (!chains) return chains.error();
            auto industries = tx.list_industries();
            if (!industries) return industries.error();
            std::vector<ChainSheetRow> out;
            for (const auto& c : *chains) {
                if (auto r = add_chain_rows(tx, who, lang, c, *industries, out); !r) return r.error();
            }
            return out;
        });
}

Result<std::vector<ChainSheetRow>> ChainService::sheet_rows(const Principal& who, domain::BulletinLang lang) {
    return chain_sheet_rows(store_, who, lang);
}

}  // namespace sanpi::service
