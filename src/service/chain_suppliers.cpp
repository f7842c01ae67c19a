// Known suppliers of chain owners (链主企业的已知供应商): written by province users, checked whole
// before anything is stored (the owner is an owner of the chain, the node is one of its nodes, the
// region a GB/T 2260 code, the credit code valid when given), audited, and the chain's version
// moved on; a supplier's own version serves If-Match.
#include <algorithm>

#include "domain/credit_code.hpp"
#include "domain/region_code.hpp"
#include "domain/text_normalize.hpp"
#include "service/chain_area.hpp"
#include "service/chain_service.hpp"
#include "service/china_regions_data.hpp"
#include "store/transact.hpp"

namespace sanpi::service {
namespace {

constexpr std::size_t kMaxSupplierNameLength = 100;

std::string trimmed_text(std::string_view s) {
    const auto first = s.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos) return {};
    return std::string(s.substr(first, s.find_last_not_of(" \t\r\n") - first + 1));
}

domain::FieldValues supplier_fields(const store::ChainSupplier& s) {
    return {{"chain_id", std::to_string(s.chain_id)}, {"owner_id", std::to_string(s.owner_id)},
            {"node_id", std::to_string(s.node_id)},   {"name", s.name},
            {"credit_code", s.credit_code},           {"region", s.region_code}};
}

// `s` with `in` applied, or the field errors of the result (all of them at once).
Result<void> apply_supplier_input(store::Tx& tx, const SupplierInput& in, store::ChainSupplier& s) {
    std::vector<FieldError> errors;
    if (in.name) s.name = trimmed_text(*in.name);
    if (s.name.empty() || domain::utf8_length(s.name) > kMaxSupplierNameLength) {
        errors.push_back({"name", {"供应商名称不能为空且不超过100个字", "name is required, at most 100 characters"}});
    }
    if (in.credit_code) {
        s.credit_code.reset();
        if (*in.credit_code && !trimmed_text(**in.credit_code).empty()) {
            auto code = domain::CreditCode::parse(trimmed_text(**in.credit_code), "credit_code");
            if (code) {
                s.credit_code = code->str();
            } else {
                for (auto& f : code.error().fields) errors.push_back(f);
                if (code.error().fields.empty()) {
                    errors.push_back({"credit_code", {"统一社会信用代码无效", "credit_code is not valid"}});
                }
            }
        }
    }
    if (in.region) {
        auto region = domain::RegionCode::parse(*in.region, "region");
        if (region) {
            s.region_code = region->str();
        } else {
            errors.push_back({"region", {"须为6位行政区划代码", "must be a six-digit division code"}});
        }
    } else if (s.region_code.empty()) {
        errors.push_back({"region", {"请填写供应商所在地区", "region is required"}});
    }
    if (in.owner_id) s.owner_id = *in.owner_id;
    auto owners = tx.chain_owners(s.chain_id);
    if (!owners) return owners.error();
    if (std::none_of(owners->begin(), owners->end(), [&](const auto& o) { return o.id == s.owner_id; })) {
        errors.push_back({"owner_id", {"须为该产业链的链主企业", "must be a chain owner of this chain"}});
    }
    if (in.node_id) s.node_id = *in.node_id;
    auto node = tx.get_chain_node(s.node_id);
    if (!node) return node.error();
    if (!*node || (*node)->chain_id != s.chain_id) {
        errors.push_back({"node_id", {"须为该产业链的节点", "must be a node of this chain"}});
    }
    if (!errors.empty()) return Error::invalid(std::move(errors));
    return {};
}

Result<store::ChainSupplier> supplier_of_chain(store::Tx& tx, std::int64_t chain_id, std::int64_t supplier_id) {
    auto s = tx.get_chain_supplier(supplier_id);
    if (!s) return s.error();
    if (!*s || (*s)->chain_id != chain_id) return Error::not_found("链主供应商", "supplier");
    return **s;
}

Result<SupplierView> one_view(store::Tx& tx, std::int64_t supplier_id) {
    auto s = tx.get_chain_supplier(supplier_id);
    if (!s) return s.error();
    if (!*s) return Error::not_found("链主供应商", "supplier");
    auto views = supplier_views(tx, {**s});
    if (!views) return views.error();
    return views->front();
}

}  // namespace

Result<std::function<bool(std::int64_t)>> hidden_enterprises(store::Tx& tx, const Principal& who,
                                                             std::vector<std::int64_t> ids) {
    const auto scope = enterprise_scope(who);
    if (scope.kind == domain::Scope::Kind::kAll)
        return std::function<bool(std::int64_t)>([](std::int64_t) { return false; });
    auto visible = tx.visible_enterprise_ids(scope, ids);
    if (!visible) return visible.error();
    return std::function<bool(std::int64_t)>(
        [seen = std::move(*visible)](std::int64_t id) { return !std::binary_search(seen.begin(), seen.end(), id); });
}

Result<void> keep_visible_owners(store::Tx& tx, const Principal& who, std::vector<store::ChainSupplier>& suppliers) {
    std::vector<std::int64_t> owners;
    for (const auto& s : suppliers) owners.push_back(s.owner_id);
    auto hidden = hidden_enterprises(tx, who, std::move(owners));
    if (!hidden) return hidden.error();
    std::erase_if(suppliers, [&](const store::ChainSupplier& s) { return (*hidden)(s.owner_id); });
    return {};
}

Result<std::vector<SupplierView>> supplier_views(store::Tx& tx, std::vector<store::ChainSupplier> suppliers) {
    auto regions = tx.list_regions();
    if (!regions) return regions.error();
    std::vector<SupplierView> out;
    for (auto& s : suppliers) {
        SupplierView v{std::move(s), {}, {}};
        for (const auto& r : *regions) {
            if (r.code.str() == v.supplier.region_code) {
                v.region_name_zh = r.name_zh;
                v.region_name_en = r.name_en;
            }
        }
        // Outside the province the dictionary has no names: the national list of provinces and
        // cities does (its names are Chinese only).
        for (const auto& f : gen::kChinaRegions) {
            if (v.region_name_zh.empty() && f.code == v.supplier.region_code) {
                v.region_name_zh = v.region_name_en = std::string(f.name);
            }
        }
        out.push_back(std::move(v));
    }
    return out;
}

Result<store::ChainSupplier> add_supplier_in(store::Tx& tx, const Clock& clock, const Principal& who,
                                             std::int64_t chain_id, const SupplierInput& in) {
    if (auto chain = load_chain(tx, chain_id); !chain) return chain.error();
    store::ChainSupplier s;
    s.chain_id = chain_id;
    s.version = 1;
    if (auto r = apply_supplier_input(tx, in, s); !r) return r.error();
    auto id = tx.insert_chain_supplier(s);
    if (!id) return id.error();
    s.id = *id;
    if (auto r = tx.touch_chain(chain_id); !r) return r.error();
    if (auto r =
            record_chain_write(tx, clock, who, "chain_supplier.create", "chain_supplier", s.id, {}, supplier_fields(s));
        !r) {
        return r.error();
    }
    return s;
}

Result<std::vector<SupplierView>> ChainService::suppliers(const Principal& who, std::int64_t chain_id) {
    return store::read_value<std::vector<SupplierView>>(store_,
                                                        [&](store::Tx& tx) -> Result<std::vector<SupplierView>> {
                                                            if (auto chain = load_chain(tx, chain_id); !chain)
                                                                return chain.error();
                                                            auto list = tx.list_chain_suppliers(chain_id);
                                                            if (!list) return list.error();
                                                            if (auto r = keep_visible_owners(tx, who, *list); !r)
                                                                return r.error();
                                                            return supplier_views(tx, std::move(*list));
                                                        });
}

Result<SupplierView> ChainService::add_supplier(const Principal& who, std::int64_t chain_id, const SupplierInput& in) {
    if (auto ok = require_province(who); !ok) return ok.error();
    return store::write_value<SupplierView>(store_, [&](store::Tx& tx) -> Result<SupplierView> {
        auto s = add_supplier_in(tx, clock_, who, chain_id, in);
        if (!s) return s.error();
        return one_view(tx, s->id);
    });
}

Result<SupplierView> ChainService::update_supplier(const Principal& who, std::int64_t chain_id,
                                                   std::int64_t supplier_id, std::int64_t expected_version,
                                                   const SupplierInput& in) {
    if (auto ok = require_province(who); !ok) return ok.error();
    return store::write_value<SupplierView>(store_, [&](store::Tx& tx) -> Result<SupplierView> {
        if (auto chain = load_chain(tx, chain_id); !chain) return chain.error();
        auto before = supplier_of_chain(tx, chain_id, supplier_id);
        if (!before) return before.error();
        auto after = *before;
        if (auto r = apply_supplier_input(tx, in, after); !r) return r.error();
        if (auto r = tx.update_chain_supplier(after, expected_version); !r) return r.error();
        if (auto r = tx.touch_chain(chain_id); !r) return r.error();
        if (auto r = record_chain_write(tx, clock_, who, "chain_supplier.update", "chain_supplier", supplier_id,
                                        supplier_fields(*before), supplier_fields(after));
            !r) {
            return r.error();
        }
        return one_view(tx, supplier_id);
    });
}

Result<void> ChainService::delete_supplier(const Principal& who, std::int64_t chain_id, std::int64_t supplier_id,
                                           std::int64_t expected_version) {
    if (auto ok = require_province(who); !ok) return ok.error();
    return store_.write([&](store::Tx& tx) -> Result<void> {
        if (auto chain = load_chain(tx, chain_id); !chain) return chain.error();
        auto before = supplier_of_chain(tx, chain_id, supplier_id);
        if (!before) return before.error();
        if (auto r = tx.delete_chain_supplier(supplier_id, expected_version); !r) return r;
        if (auto r = tx.touch_chain(chain_id); !r) return r.error();
        return record_chain_write(tx, clock_, who, "chain_supplier.delete", "chain_supplier", supplier_id,
                                  supplier_fields(*before), {});
    });
}

}  // namespace sanpi::service
