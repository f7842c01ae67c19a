// The chain map table read back: a plan checked row by row (chain_sheet_plan.hpp), then committed
// all or nothing (service/chain_sheet.hpp).
#include <map>

#include "service/chain_sheet.hpp"
#include "service/chain_sheet_plan.hpp"
#include "service/project_service.hpp"
#include "sheet/sheet_reader.hpp"
#include "sheet/upload_file.hpp"
#include "store/transact.hpp"

namespace sanpi::service {
namespace {

Result<void> commit_plan(store::Tx& tx, store::Store& store, const Clock& clock, const Principal& who,
                         const std::vector<PlannedChain>& plan, ChainImportResult& result) {
    ProjectService projects(store, clock);
    for (const auto& c : plan) {
        auto chain = create_chain_in(tx, clock, who, ChainInput{c.name, c.industry, c.leader});
        if (!chain) return chain.error();
        std::map<std::vector<std::string>, std::int64_t> ids;
        for (const auto& n : c.nodes) {
            NodeInput in;
            in.name = n.path.back();
            in.segment = std::string(domain::to_string(n.segment));
            if (n.path.size() > 1) {
                in.parent_set = true;
                in.parent_id = ids.at(std::vector<std::string>(n.path.begin(), n.path.end() - 1));
            }
            auto node = add_node_in(tx, clock, who, chain->id, in);
            if (!node) return node.error();
            ids[n.path] = node->id;
            for (const auto owner : n.owners) {
                if (auto r = map_enterprise_in(tx, clock, who, chain->id, node->id, owner, true); !r) return r;
                if (auto r = set_owner_in(tx, clock, who, chain->id, owner, true); !r) return r;
                ++result.owners;
            }
            for (const auto e : n.enterprises) {
                if (auto r = map_enterprise_in(tx, clock, who, chain->id, node->id, e, true); !r) return r;
                ++result.enterprises;
            }
            for (const auto& p : n.projects) {
                ProjectPatch patch;
                patch.chain_node_id = std::optional<std::int64_t>(node->id);
                auto written = projects.update_in(tx, who, p.id, p.version, patch, clock.today());
                if (!written) return written.error();
                ++result.projects;
            }
            ++result.nodes;
        }
        for (const auto owner : c.owners) {
            if (auto r = set_owner_in(tx, clock, who, chain->id, owner, true); !r) return r;
            ++result.owners;
        }
        // Suppliers last: their owners are marked on whichever row lists them.
        for (const auto& n : c.nodes) {
            for (const auto& sp : n.suppliers) {
                auto in = sp.input;
                in.node_id = ids.at(n.path);
                if (auto r = add_supplier_in(tx, clock, who, chain->id, in); !r) return r.error();
                ++result.suppliers;
            }
        }
        ++result.chains;
    }
    return {};
}

Result<std::vector<sheet::Row>> read_first_sheet(const std::string& content) {
    auto file = sheet::UploadFile::of(content);
    if (!file) return file.error();
    auto reader = sheet::open_sheet(file->path());
    if (!reader) return reader.error();
    std::vector<sheet::Row> rows;
    if ((*reader)->sheets().empty()) return rows;
    auto read = (*reader)->read_rows(0, [&](const sheet::Row& row) -> Result<void> {
        rows.push_back(row);
        return {};
    });
    if (!read) return read.error();
    return rows;
}

}  // namespace

Result<ChainImportResult> import_chain_sheet(store::Store& store, const Clock& clock, const Principal& who,
                                             const std::string& content, bool commit) {
    if (who.user.role != domain::Role::kProvince) {
        return Error::forbidden("只有省级用户可以导入产业链", "only province users may import industry chains");
    }
    auto rows = read_first_sheet(content);
    if (!rows) return rows.error();
    ChainImportResult result;
    auto body = [&](store::Tx& tx) -> Result<void> {
        auto plan = plan_chain_sheet(tx, *rows, result);
        if (!plan) return plan.error();
        if (!result.rejected.empty() || !commit) {
            for (const auto& c : *plan) {
                ++result.chains;
                result.nodes += static_cast<std::int64_t>(c.nodes.size());
                result.owners += static_cast<std::int64_t>(c.owners.size());
                for (const auto& n : c.nodes) {
                    result.owners += static_cast<std::int64_t>(n.owners.size());
                    result.enterprises += static_cast<std::int64_t>(n.enterprises.size());
                    result.projects += static_cast<std::int64_t>(n.projects.size());
                    result.suppliers += static_cast<std::int64_t>(n.suppliers.size());
                }
            }
            return {};
        }
        if (auto r = commit_plan(tx, store, clock, who, *plan, result); !r) return r;
        result.committed = true;
        return {};
    };
    auto done = commit ? store.write(body) : store.read(body);
    if (!done) return done.error();
    return result;
}

Result<ChainImportResult> ChainService::import_sheet(const Principal& who, const std::string& content, bool commit) {
    return import_chain_sheet(store_, clock_, who, content, commit);
}

}  // namespace sanpi::service
