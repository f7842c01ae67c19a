#pragma once
// The chain map table read into a plan: the chains, nodes, owners and mappings an import would
// create, every row checked first (service/chain_sheet.hpp). Nothing is written here.
#include <cstdint>
#include <string>
#include <vector>

#include "domain/chain.hpp"
#include "service/chain_service.hpp"
#include "service/chain_sheet.hpp"
#include "sheet/sheet_reader.hpp"
#include "store/store.hpp"

namespace sanpi::service {

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

// The chains `rows` describe, each row checked against the register and the rows before it;
// every rejected row goes to `result.rejected` (a plan with rejections is not to be committed).
Result<std::vector<PlannedChain>> plan_chain_sheet(store::Tx& tx, const std::vector<sheet::Row>& rows,
                                                   ChainImportResult& result);

}  // namespace sanpi::service
