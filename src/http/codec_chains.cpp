#include "http/codec_chains.hpp"

#include <algorithm>
#include <boost/json.hpp>
#include <charconv>

#include "http/field_reader.hpp"
#include "http/finish_body.hpp"

namespace sanpi::http {

namespace json = boost::json;

namespace {

std::string in_lang(Lang lang, const std::string& zh, const std::string& en) { return lang == Lang::kEn ? en : zh; }

json::object area_json(const service::ChainAreaView& a, Lang lang) {
    return {{"kind", a.kind},
            {"code", a.code.empty() ? json::value(nullptr) : json::value(a.code)},
            {"name", in_lang(lang, a.name_zh, a.name_en)},
            {"neighbours", a.neighbours}};
}

json::object coverage_json(const domain::CoverageSummary& s) {
    return {{"nodes", s.nodes},
            {"leaves", s.leaves},
            {"gap_leaves", s.gap_leaves},
            {"covered_leaves", s.leaves - s.gap_leaves},
            {"enterprises", s.enterprises},
            {"projects", s.projects},
            {"investment", money_json(s.investment)}};
}

json::object chain_summary_json(const service::ChainSummaryView& s, Lang lang) {
    auto out = to_json(s.chain);
    out["industry_name"] = in_lang(lang, s.industry_name_zh, s.industry_name_en);
    out["owners"] = s.owners;
    out["coverage"] = coverage_json(s.coverage);
    return out;
}

json::object enterprise_json(const store::ChainPresenceRow& r) {
    return {{"id", r.item_id}, {"name", r.name}, {"credit_code", r.code}};
}

json::object project_json(const store::ChainPresenceRow& r) {
    return {{"id", r.item_id},
            {"code", r.code},
            {"name", r.name},
            {"zone_id", r.zone_id},
            {"zone_name", r.zone_name},
            {"city_code", r.city_code},
            {"stage", std::string(domain::to_string(r.stage))},
            {"total_investment", money_json(r.investment)}};
}

// A positive decimal id, nothing else.
std::optional<std::int64_t> positive_id(std::string_view text) {
    std::int64_t n = 0;
    const auto* end = text.data() + text.size();
    const auto [ptr, ec] = std::from_chars(text.data(), end, n);
    if (text.empty() || text[0] == '+' || ec != std::errc() || ptr != end || n <= 0) return std::nullopt;
    return n;
}

}  // namespace

Decoded<service::ChainAreaRequest> parse_chain_area(const QueryParams& params) {
    service::ChainAreaRequest out;
    std::vector<FieldError> errors;
    for (const auto& [key, value] : params) {
        if (key == "region") {
            if (value.size() == 6 &&
                std::all_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; })) {
                out.region = value;
            } else {
                errors.push_back({"region", {"须为6位行政区划代码", "must be a six-digit division code"}});
            }
        } else if (key == "zone") {
            out.zone_id = positive_id(value);
            if (!out.zone_id) errors.push_back({"zone", {"须为正整数", "must be a positive integer"}});
        } else if (key == "lang") {
            continue;
        } else {
            errors.push_back({key, {"未知参数", "unknown parameter"}});
        }
    }
    if (!errors.empty()) return bad_request({"查询参数有误", "the query parameters are not valid"}, std::move(errors));
    return out;
}

json::object to_json(const domain::Chain& c) {
    return {{"id", c.id},
            {"name", c.name},
            {"industry", c.industry_code},
            {"leader_post", c.leader_post},
            {"version", c.version}};
}

json::object to_json(const domain::ChainNode& n) {
    return {{"id", n.id},
            {"chain_id", n.chain_id},
            {"parent_id", n.parent_id ? json::value(*n.parent_id) : json::value(nullptr)},
            {"name", n.name},
            {"segment", std::string(domain::to_string(n.segment))},
            {"order", n.sort_order}};
}

json::object chains_json(const std::vector<service::ChainSummaryView>& list, Lang lang) {
    json::array items;
    for (const auto& s : list) items.push_back(chain_summary_json(s, lang));
    return {{"items", std::move(items)}};
}

json::object chain_tree_json(const service::ChainTreeView& tree, Lang lang) {
    auto out = chain_summary_json(tree.summary, lang);
    out["area"] = area_json(tree.area, lang);
    json::array owners;
    for (const auto& o : tree.owners)
        owners.push_back({{"id", o.id}, {"name", o.name}, {"credit_code", o.credit_code}});
    out["chain_owners"] = std::move(owners);
    json::array nodes;
    for (std::size_t i = 0; i < tree.nodes.size(); ++i) {
        auto node = to_json(tree.nodes[i]);
        const auto& c = tree.coverage[i];
        node["enterprises"] = c.enterprises;
        node["projects"] = c.projects;
        node["investment"] = money_json(c.investment);
        node["gap"] = c.gap;
        nodes.push_back(std::move(node));
    }
    out["nodes"] = std::move(nodes);
    return out;
}

json::object chain_node_items_json(const service::ChainNodeItems& items, Lang lang) {
    json::array enterprises, projects;
    for (const auto& e : items.enterprises) enterprises.push_back(enterprise_json(e));
    for (const auto& p : items.projects) projects.push_back(project_json(p));
    return {{"node", to_json(items.node)},
            {"area", area_json(items.area, lang)},
            {"enterprises", std::move(enterprises)},
            {"projects", std::move(projects)},
            {"suppliers", suppliers_json(items.suppliers, lang).at("items")}};
}

json::object chain_targets_json(const service::ChainTargetsView& targets, Lang lang) {
    json::array items;
    int rank = 0;
    for (const auto& t : targets.items) {
        json::array path, places;
        for (const auto& name : t.path) path.push_back(json::value(name));
        for (const auto& p : t.places) {
            json::array enterprises, projects;
            for (const auto& e : p.enterprises) enterprises.push_back(json::value(e));
            for (const auto& r : p.projects)
                projects.push_back({{"id", r.item_id}, {"code", r.code}, {"name", r.name}});
            places.push_back({{"code", p.figures.place},
                              {"name", in_lang(lang, p.name_zh, p.name_en)},
                              {"enterprises", p.figures.enterprises},
                              {"projects", p.figures.projects},
                              {"investment", money_json(p.figures.investment)},
                              {"enterprise_names", std::move(enterprises)},
                              {"project_list", std::move(projects)}});
        }
        items.push_back({{"rank", ++rank},
                         {"node", to_json(t.node)},
                         {"path", std::move(path)},
                         {"known_suppliers", static_cast<std::int64_t>(t.suppliers.size())},
                         {"suppliers", suppliers_json(t.suppliers, lang).at("items")},
                         {"strong_places", t.strong_places},
                         {"enterprises_and_projects", t.total_items},
                         {"investment", money_json(t.investment)},
                         {"places", std::move(places)}});
    }
    return {
        {"area", area_json(targets.area, lang)},
        {"rule",
         in_lang(lang,
                 "本地区的缺链节点中，本地区链主企业的已知供应商在本地区以外的，或相邻地区（同省其他市或同市其他"
                 "开发区）有企业或项目的，按区外已知供应商数、有实力的相邻地区数、其企业与项目数、投资额依次从高到低"
                 "排列",
                 "The area's gap nodes where the area's chain owners have known suppliers outside the area, or "
                 "where neighbouring areas (the other cities of the province, or the other zones of the city) "
                 "have enterprises or projects, ranked by the number of such suppliers, then of such areas, "
                 "then their enterprises and projects, then their investment, all descending")},
        {"items", std::move(items)}};
}

json::object supplier_json(const service::SupplierView& v, Lang lang) {
    const auto& s = v.supplier;
    return {{"id", s.id},
            {"chain_id", s.chain_id},
            {"owner", {{"id", s.owner_id}, {"name", s.owner_name}, {"credit_code", s.owner_credit_code}}},
            {"node_id", s.node_id},
            {"name", s.name},
            {"credit_code", s.credit_code ? json::value(*s.credit_code) : json::value(nullptr)},
            {"region", {{"code", s.region_code}, {"name", in_lang(lang, v.region_name_zh, v.region_name_en)}}},
            {"version", s.version}};
}

json::object suppliers_json(const std::vector<service::SupplierView>& list, Lang lang) {
    json::array items;
    for (const auto& s : list) items.push_back(supplier_json(s, lang));
    return {{"items", std::move(items)}};
}

Decoded<service::SupplierInput> decode_supplier_input(std::string_view body) {
    auto parsed = parse_object(body);
    if (auto* problem = std::get_if<Problem>(&parsed)) return std::move(*problem);
    FieldReader reader;
    service::SupplierInput in;
    for (const auto& [key, value] : std::get<json::object>(parsed)) {
        if (key == "owner_id") {
            in.owner_id = reader.positive_id(value, "owner_id");
        } else if (key == "node_id") {
            in.node_id = reader.positive_id(value, "node_id");
        } else if (key == "name") {
            in.name = reader.string(value, "name");
        } else if (key == "region") {
            in.region = reader.string(value, "region");
        } else if (key == "credit_code") {
            in.credit_code = value.is_null() ? std::optional<std::string>() : reader.string(value, "credit_code");
        } else if (key == "id" || key == "chain_id" || key == "version" || key == "owner") {
            reader.wrong_type(key, "只读字段", "read-only field");
        } else {
            reader.wrong_type(key, "未知字段", "unknown field");
        }
    }
    return finish_body(reader, std::move(in));
}

Decoded<service::ChainInput> decode_chain_input(std::string_view body) {
    auto parsed = parse_object(body);
    if (auto* problem = std::get_if<Problem>(&parsed)) return std::move(*problem);
    FieldReader reader;
    service::ChainInput in;
    for (const auto& [key, value] : std::get<json::object>(parsed)) {
        if (key == "name") {
            in.name = reader.string(value, "name");
        } else if (key == "industry") {
            in.industry = reader.code(value, "industry");
        } else if (key == "leader_post") {
            in.leader_post = reader.string(value, "leader_post");
        } else if (key == "id" || key == "version") {
            reader.wrong_type(key, "只读字段", "read-only field");
        } else {
            reader.wrong_type(key, "未知字段", "unknown field");
        }
    }
    return finish_body(reader, std::move(in));
}

Decoded<service::NodeInput> decode_node_input(std::string_view body) {
    auto parsed = parse_object(body);
    if (auto* problem = std::get_if<Problem>(&parsed)) return std::move(*problem);
    FieldReader reader;
    service::NodeInput in;
    for (const auto& [key, value] : std::get<json::object>(parsed)) {
        if (key == "name") {
            in.name = reader.string(value, "name");
        } else if (key == "segment") {
            in.segment = reader.string(value, "segment");
        } else if (key == "parent_id") {
            in.parent_set = true;
            if (!value.is_null()) in.parent_id = reader.positive_id(value, "parent_id");
        } else if (key == "order") {
            in.order = reader.count(value, "order");
        } else if (key == "id" || key == "chain_id") {
            reader.wrong_type(key, "只读字段", "read-only field");
        } else {
            reader.wrong_type(key, "未知字段", "unknown field");
        }
    }
    return finish_body(reader, std::move(in));
}

}  // namespace sanpi::http
