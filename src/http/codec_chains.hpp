#pragma once
// JSON of industry chains (docs/api.md "Industry chains"): the list with coverage, one chain's
// tree, a node's items, the target list; request bodies of chain and node writes; the area query.
#include <boost/json/object.hpp>
#include <string_view>

#include "http/codec.hpp"
#include "http/context.hpp"
#include "service/chain_service.hpp"

namespace sanpi::http {

// ?region=CODE (six digits) or ?zone=ID; anything else is a 400 naming the parameter.
Decoded<service::ChainAreaRequest> parse_chain_area(const QueryParams& params);

boost::json::object to_json(const domain::Chain& chain);
boost::json::object to_json(const domain::ChainNode& node);
boost::json::object chains_json(const std::vector<service::ChainSummaryView>& list, Lang lang);
boost::json::object chain_tree_json(const service::ChainTreeView& tree, Lang lang);
boost::json::object chain_node_items_json(const service::ChainNodeItems& items, Lang lang);
boost::json::object chain_targets_json(const service::ChainTargetsView& targets, Lang lang);

boost::json::object supplier_json(const service::SupplierView& s, Lang lang);
boost::json::object suppliers_json(const std::vector<service::SupplierView>& list, Lang lang);

Decoded<service::ChainInput> decode_chain_input(std::string_view body);
Decoded<service::SupplierInput> decode_supplier_input(std::string_view body);
Decoded<service::NodeInput> decode_node_input(std::string_view body);

}  // namespace sanpi::http
