#include "service/chain_sheet_plan.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "domain/chain_sheet.hpp"
#include "domain/credit_code.hpp"
#include "domain/region_code.hpp"
#include "service/chain_sheet_cells.hpp"

namespace sanpi::service {
namespace {

using Col = domain::ChainSheetColumn;

class SheetPlan {
public:
    SheetPlan(store::Tx& tx, ChainImportResult& result) : tx_(tx), result_(result) {}

    Result<void> read(const std::vector<sheet::Row>& rows) {
        auto industries = tx_.list_industries();
        if (!industries) return industries.error();
        industries_ = std::move(*industries);
        std::size_t i = 0;
        for (; i < rows.size() && columns_.empty(); ++i) read_header(rows[i]);
        if (!columns_.contains(Col::kChain) || !columns_.contains(Col::kSegment) || !columns_.contains(Col::kLevel1)) {
            return Error::invalid_field("file", "未找到表头（产业链、环节、一级节点）",
                                        "no header row (Chain, Segment, Level 1 node) found");
        }
        for (; i < rows.size(); ++i) {
            std::map<Col, std::string> cells;
            bool total = false;
            for (const auto& c : rows[i].cells) {
                const auto text = trimmed_cell(c.text);
                if (text == "合计" || text == "Total") total = true;
                for (const auto& [col, index] : columns_) {
                    if (index == c.column) cells[col] = text;
                }
            }
            if (total) break;
            if (std::all_of(cells.begin(), cells.end(), [](const auto& kv) { return kv.second.empty(); })) continue;
            if (auto r = read_row(rows[i].number, cells); !r) return r;
        }
        check_supplier_owners();
        return {};
    }
    const std::vector<PlannedChain>& chains() const { return chains_; }

private:
    void read_header(const sheet::Row& row) {
        std::map<Col, int> found;
        for (const auto& c : row.cells) {
            const auto text = trimmed_cell(c.text);
            if (auto col = header_column(text)) {
                found[*col] = c.column;
                headers_[*col] = text;
            }
        }
        if (found.contains(Col::kChain)) columns_ = std::move(found);
    }

    void reject(std::int64_t row, Col col, const std::string& value, std::string zh, std::string en) {
        result_.rejected.push_back({row, headers_[col], value, {std::move(zh), std::move(en)}});
    }

    std::optional<std::string> industry_code(const std::string& text) const {
        for (const auto& i : industries_) {
            if (text == i.code || text == i.name_zh || text == i.name_en) return i.code;
        }
        return std::nullopt;
    }

    Result<PlannedChain*> chain_of(std::int64_t row, std::map<Col, std::string>& cells) {
        const auto& name = cells[Col::kChain];
        for (auto& c : chains_) {
            if (c.name == name) return &c;
        }
        auto existing = tx_.find_chain_by_name(name);
        if (!existing) return existing.error();
        if (*existing) {
            reject(row, Col::kChain, name, "产业链已存在", "a chain with this name already exists");
            return nullptr;
        }
        auto code = industry_code(cells[Col::kIndustry]);
        if (!code) {
            reject(row, Col::kIndustry, cells[Col::kIndustry], "产业不在产业目录中",
                   "industry is not in the dictionary");
            return nullptr;
        }
        chains_.push_back({name, *code, cells[Col::kLeader], {}, false, {}});
        return &chains_.back();
    }

    Result<std::vector<std::int64_t>> owners_of(std::int64_t row, const std::string& text, bool& ok,
                                                Col col = Col::kOwners) {
        std::vector<std::int64_t> out;
        const auto items = split_cell(text, {"、", "，", "；", ",", ";"});
        for (const auto& owner : items) {
            std::string code;
            for (const auto& [open, close] : {std::pair<std::string, std::string>{"（", "）"}, {"(", ")"}}) {
                const auto a = owner.rfind(open);
                const auto b = owner.rfind(close);
                if (a != std::string::npos && b != std::string::npos && b > a)
                    code = owner.substr(a + open.size(), b - a - open.size());
            }
            auto found = tx_.find_enterprise_by_credit_code(trimmed_cell(code));
            if (!found) return found.error();
            if (code.empty() || !*found) {
                reject(row, col, owner, "企业须写作“名称（统一社会信用代码）”且企业已登记",
                       "an enterprise is written as name (credit code) of a registered enterprise");
                ok = false;
                continue;
            }
            out.push_back((*found)->id);
        }
        return out;
    }

    Result<std::vector<PlannedProject>> projects_of(std::int64_t row, const std::string& text, bool& ok) {
        std::vector<PlannedProject> out;
        for (const auto& code : split_cell(text, {"、", "，", "；", ",", ";"})) {
            auto found = tx_.find_project_by_code(code);
            if (!found) return found.error();
            if (!*found) {
                reject(row, Col::kMappedProjects, code, "项目编号不存在", "no project has this code");
                ok = false;
            } else if ((*found)->chain_node_id) {
                reject(row, Col::kMappedProjects, code, "项目已关联到产业链节点",
                       "the project already maps to a chain node");
                ok = false;
            } else if (!projects_seen_.insert((*found)->id).second) {
                reject(row, Col::kMappedProjects, code, "项目在表中出现了两次", "the project is listed twice");
                ok = false;
            } else {
                out.push_back({(*found)->id, (*found)->version});
            }
        }
        return out;
    }

    Result<std::vector<PlannedSupplier>> suppliers_of(std::int64_t row, const std::string& text, bool& ok) {
        std::vector<PlannedSupplier> out;
        for (const auto& item : split_cell(text, {"；", ";"})) {
            const auto fields = split_fields(item);
            const bool shaped = fields.size() == 4 && !fields[0].empty();
            std::optional<domain::Enterprise> owner;
            if (shaped) {
                auto found = tx_.find_enterprise_by_credit_code(fields[3]);
                if (!found) return found.error();
                owner = std::move(*found);
            }
            if (!shaped || !owner || !domain::RegionCode::parse(fields[2], "region") ||
                (!fields[1].empty() && !domain::CreditCode::parse(fields[1]))) {
                reject(row, Col::kSuppliers, item,
                       "供应商须写作“名称｜统一社会信用代码（可空）｜地区代码｜链主统一社会信用代码”",
                       "a supplier is written as name | credit code (may be empty) | region code | the chain owner's "
                       "credit code of a registered enterprise");
                ok = false;
                continue;
            }
            SupplierInput in;
            in.name = fields[0];
            in.credit_code = fields[1].empty() ? std::optional<std::string>() : std::optional<std::string>(fields[1]);
            in.region = fields[2];
            in.owner_id = owner->id;
            out.push_back({row, item, std::move(in)});
        }
        return out;
    }

    Result<void> read_row(std::int64_t row, std::map<Col, std::string>& cells) {
        if (cells[Col::kChain].empty()) {
            reject(row, Col::kChain, "", "产业链名称不能为空", "chain name is required");
            return {};
        }
        auto segment = domain::chain_segment_from_string(cells[Col::kSegment]);
        std::vector<std::string> path;
        bool hole = false;
        for (const auto col : {Col::kLevel1, Col::kLevel2, Col::kLevel3, Col::kLevel4}) {
            const auto& text = cells[col];
            if (text.empty()) {
                hole = true;
                continue;
            }
            if (hole) {
                reject(row, col, text, "上一级节点为空", "the level above is empty");
                return {};
            }
            path.push_back(text);
        }
        auto chain = chain_of(row, cells);
        if (!chain) return chain.error();
        if (*chain == nullptr) return {};
        if (path.empty() && cells[Col::kSegment].empty()) return read_chain_row(row, cells, **chain);
        if (!segment) {
            reject(row, Col::kSegment, cells[Col::kSegment], "环节应为上游、中游或下游",
                   "segment must be upstream, midstream or downstream");
            return {};
        }
        if (path.empty()) {
            reject(row, Col::kLevel1, "", "节点名称不能为空", "node name is required");
            return {};
        }
        const PlannedNode* parent = nullptr;
        for (const auto& n : (*chain)->nodes) {
            if (n.path == path && n.segment == *segment) {
                reject(row, Col::kLevel1, path.back(), "重复的节点", "the node is listed twice");
                return {};
            }
            if (path.size() > 1 && n.path == std::vector<std::string>(path.begin(), path.end() - 1)) parent = &n;
        }
        if (path.size() > 1 && parent == nullptr) {
            reject(row, Col::kLevel1, path.back(), "上级节点须列在前面的行中",
                   "the parent node must be on an earlier row");
            return {};
        }
        if (parent != nullptr && parent->segment != *segment) {
            reject(row, Col::kSegment, cells[Col::kSegment], "下级节点的环节须与上级节点相同",
                   "a child node's segment must be its parent's");
            return {};
        }
        bool ok = true;
        auto owners = owners_of(row, cells[Col::kOwners], ok);
        if (!owners) return owners.error();
        auto enterprises = owners_of(row, cells[Col::kMappedEnterprises], ok, Col::kMappedEnterprises);
        if (!enterprises) return enterprises.error();
        auto projects = projects_of(row, cells[Col::kMappedProjects], ok);
        if (!projects) return projects.error();
        auto suppliers = suppliers_of(row, cells[Col::kSuppliers], ok);
        if (!suppliers) return suppliers.error();
        if (ok) {
            (*chain)->nodes.push_back({std::move(path), *segment, std::move(*owners), std::move(*enterprises),
                                       std::move(*projects), std::move(*suppliers)});
        }
        return {};
    }

    // The chain's own row: its owners mapped to no node (a chain with no nodes has only this row).
    Result<void> read_chain_row(std::int64_t row, std::map<Col, std::string>& cells, PlannedChain& chain) {
        if (chain.own_row) {
            reject(row, Col::kChain, chain.name, "产业链本身的行（无环节、无节点）重复",
                   "the chain's own row (no segment, no node) is listed twice");
            return {};
        }
        chain.own_row = true;
        bool ok = true;
        for (const auto col : {Col::kMappedEnterprises, Col::kMappedProjects, Col::kSuppliers}) {
            if (cells[col].empty()) continue;
            reject(row, col, cells[col], "产业链本身的行（无环节、无节点）只能列出链主企业",
                   "the chain's own row (no segment, no node) lists only chain owners");
            ok = false;
        }
        auto owners = owners_of(row, cells[Col::kOwners], ok);
        if (!owners) return owners.error();
        if (ok) chain.owners = std::move(*owners);
        return {};
    }

    // A supplier's owner must be an owner of its chain: listed in 链主企业 on any of its rows.
    void check_supplier_owners() {
        for (const auto& c : chains_) {
            std::set<std::int64_t> owners(c.owners.begin(), c.owners.end());
            for (const auto& n : c.nodes) owners.insert(n.owners.begin(), n.owners.end());
            for (const auto& n : c.nodes) {
                for (const auto& sp : n.suppliers) {
                    if (owners.contains(*sp.input.owner_id)) continue;
                    reject(sp.row, Col::kSuppliers, sp.text, "供应商所属的链主企业须列在该产业链的“链主企业”中",
                           "the supplier's chain owner must be listed among the chain's owners");
                }
            }
        }
    }

    store::Tx& tx_;
    ChainImportResult& result_;
    std::vector<domain::Industry> industries_;
    std::map<Col, int> columns_;
    std::map<Col, std::string> headers_;
    std::vector<PlannedChain> chains_;
    std::set<std::int64_t> projects_seen_;
};

}  // namespace

Result<std::vector<PlannedChain>> plan_chain_sheet(store::Tx& tx, const std::vector<sheet::Row>& rows,
                                                   ChainImportResult& result) {
    SheetPlan plan(tx, result);
    if (auto r = plan.read(rows); !r) return r.error();
    return plan.chains();
}

}  // namespace sanpi::service
