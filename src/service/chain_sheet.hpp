#pragma once
// Industry chains as a chain map table (domain/chain_sheet.hpp): the rows an export writes, and an
// import of the same layout, all or nothing. A node's 链主企业 cell lists the chain's owners
// mapped to that node as 名称（统一社会信用代码）; an import marks them owners of the chain and maps
// them to the node (found by their credit code). 关联企业 lists the node's other enterprises the
// same way, 关联项目 the codes of its projects, 链主供应商 the known suppliers at it as
// 名称｜统一社会信用代码｜地区代码｜链主统一社会信用代码, separated by ；. An import maps them all.
// A chain's own row (环节 and every level empty) comes first when the chain has owners mapped to no
// node, or no nodes: it lists those owners and nothing else, and carries no figures.
#include <cstdint>
#include <string>
#include <vector>

#include "domain/bulletin.hpp"
#include "domain/money.hpp"
#include "service/chain_service.hpp"

namespace sanpi::service {

struct ChainSheetRow {
    std::string chain, industry, leader, segment;
    std::vector<std::string> levels;  // kMaxChainDepth cells, the node's path
    std::string owners;
    std::string mapped_enterprises, mapped_projects, suppliers;
    std::int64_t enterprises = 0, projects = 0;
    domain::Money investment;
    bool chain_row = false;  // the chain's own row: no node, no figures
};

// Every chain's nodes in tree order, figures inside the caller's scope.
Result<std::vector<ChainSheetRow>> chain_sheet_rows(store::Store& store, const Principal& who,
                                                    domain::BulletinLang lang);

struct ChainImportRejection {
    std::int64_t row = 0;
    std::string column;  // the header as the file has it
    std::string value;
    Text reason;
};
struct ChainImportResult {
    bool committed = false;
    std::int64_t chains = 0, nodes = 0, owners = 0;
    std::int64_t enterprises = 0, projects = 0, suppliers = 0;  // mappings other than owners
    std::vector<ChainImportRejection> rejected;
};

// Province users only. Reads the first sheet of `content` (XLSX or CSV); with `commit` and no
// rejected row, creates the chains, nodes and owners in one transaction (audited like the API's
// writes); any rejected row (or a dry run) writes nothing. A chain whose name exists is rejected.
Result<ChainImportResult> import_chain_sheet(store::Store& store, const Clock& clock, const Principal& who,
                                             const std::string& content, bool commit);

}  // namespace sanpi::service
