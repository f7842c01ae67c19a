// The chain map table read back: a plan checked row by row, then committed all or nothing
// (service/chain_sheet.hpp).
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <map>
#include <set>

#include "domain/chain_sheet.hpp"
#include "domain/credit_code.hpp"
#include "domain/region_code.hpp"
#include "service/chain_sheet.hpp"
#include "service/project_service.hpp"
#include "sheet/sheet_reader.hpp"
#include "store/transact.hpp"

namespace sanpi::service {
namespace {

using domain::ChainSheetColumn;
using Col = ChainSheetColumn;

std::string trimmed_cell(std::string_view s) {
    const auto first = s.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos) return {};
    const auto last = s.find_last_not_of(" \t\r\n");
    return std::string(s.substr(first, last - first + 1));
}

// The column a header names (a unit in brackets after it, as in 投资额（亿元）, is allowed).
std::optional<Col> header_column(const std::string& text) {
    for (const auto& c : domain::kChainSheetColumns) {
        if (text == c.zh || text == c.en || text.starts_with(std::string(c.zh) + "（") ||
            text.starts_with(std::string(c.en) + " (")) {
            return c.column;
        }
    }
    return std::nullopt;
}

struct PlannedProject {
    std::int64_t id = 0, version = 0;
};
struct PlannedSupplier {
    std::int64_t row = 0;
    std::string text;  // as the cell has it, for a rejection
    SupplierInput input;
};
struct PlannedNode {
    std::vector<std::string> path;
    domain::ChainSegment segment;
    std::vector<std::int64_t> owners;
    std::vector<std::int64_t> enterprises;  // other mapped enterprises
    std::vector<PlannedProject> projects;
    std::vector<PlannedSupplier> suppliers;
};
struct PlannedChain {
    std::string name, industry, leader;
    std::vector<PlannedNode> nodes;
    bool own_row = false;              // the chain's own row (no segment, no node) was read
    std::vector<std::int64_t> owners;  // from that row: owners mapped to no node
};

// The items of a cell separated by any of `separators` (each trimmed; empty ones dropped).
std::vector<std::string> split_cell(const std::string& text, std::initializer_list<std::string_view> separators) {
    std::vector<std::string> items;
    std::string item;
    for (std::size_t i = 0; i <= text.size(); ++i) {
        const auto rest = std::string_view(text).substr(std::min(i, text.size()));
        std::size_t sep = 0;
        for (const auto s : separators) {
            if (rest.starts_with(s)) sep = s.size();
        }
        if (i == text.size() || sep > 0) {
            if (!trimmed_cell(item).empty()) items.push_back(trimmed_cell(item));
            item.clear();
            if (sep > 1) i += sep - 1;
            continue;
        }
        item += text[i];
    }
    return items;
}

std::vector<std::string> split_fields(const std::string& text) {
    std::vector<std::string> out;
    std::string field;
    for (std::size_t i = 0; i <= text.size(); ++i) {
        const auto rest = std::string_view(text).substr(std::min(i, text.size()));
        const std::size_t sep = rest.starts_with("｜") ? 3 : rest.starts_with("|") ? 1 : 0;
        if (i == text.size() || sep > 0) {
            out.push_back(trimmed_cell(field));
            field.clear();
            if (sep > 1) i += sep - 1;
            continue;
        }
        field += text[i];
    }
    return out;
}

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
    char path[] = "/tmp/sanpi-chains-XXXXXX";
    const int fd = ::mkstemp(path);
    if (fd < 0) return Error::unavailable("无法写入临时文件", "could not write a temporary file");
    ::close(fd);
    struct Remove {
        const char* p;
        ~Remove() { std::remove(p); }
    } remove{path};
    {
        std::ofstream out(path, std::ios::binary | std::ios::trunc);
        out.write(content.data(), static_cast<std::streamsize>(content.size()));
        if (!out) return Error::unavailable("无法写入临时文件", "could not write a temporary file");
    }
    auto reader = sheet::open_sheet(path);
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
        SheetPlan plan(tx, result);
        if (auto r = plan.read(*rows); !r) return r;
        if (!result.rejected.empty() || !commit) {
            for (const auto& c : plan.chains()) {
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
        if (auto r = commit_plan(tx, store, clock, who, plan.chains(), result); !r) return r;
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
