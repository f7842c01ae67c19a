#include "service/import_project_ref.hpp"

#include <algorithm>

#include "service/import_text.hpp"

namespace sanpi::service {

ProjectReference read_project_reference(ImportRowCells& cells, const ImportCatalog& catalog,
                                        const ImportZone* default_zone) {
    using F = ImportField;
    ProjectReference ref;
    ref.code = cells.text(F::kCode);
    ref.name = cells.text(F::kName);
    std::optional<domain::RegionCode> city;
    if (auto text = cells.text(F::kCity)) {
        if (auto c = cells.value(F::kCity, match_city(*text, catalog, "city"))) city = (*c)->code;
    }
    if (auto text = cells.text(F::kZone)) {
        if (auto z = cells.value(F::kZone, match_zone(*text, catalog, city, "zone"))) ref.zone_id = (*z)->id;
    } else if (default_zone != nullptr) {
        ref.zone_id = default_zone->id;
    }
    if (auto text = cells.text(F::kCreditCode)) {
        ref.credit_code = cells.value(F::kCreditCode, domain::CreditCode::parse(*text, "credit_code"));
    }
    return ref;
}

Result<const std::vector<ImportProjectFinder::Known>*> ImportProjectFinder::zone_projects(std::int64_t zone_id) {
    auto [at, fresh] = zones_.try_emplace(zone_id);
    if (!fresh) return &at->second;
    store::ProjectQuery q;
    q.zone_id = zone_id;
    q.limit = 500;
    q.count_total = false;
    for (q.offset = 0;; q.offset += q.limit) {
        auto page = tx_.list_projects(who_.scope, q);
        if (!page) return page.error();
        for (auto& v : page->items) {
            std::string key = match_key(v.project.name);
            at->second.push_back({std::move(v.project), std::move(key)});
        }
        if (static_cast<std::int64_t>(page->items.size()) < q.limit) break;
    }
    return &at->second;
}

Result<std::optional<domain::Project>> ImportProjectFinder::find(const ProjectReference& ref, ImportRowCells& cells) {
    using F = ImportField;
    using Found = std::optional<domain::Project>;
    if (ref.code) {
        auto found = tx_.find_project_by_code(*ref.code);
        if (!found) return found.error();
        if (*found) {
            auto visible = tx_.get_project(who_.scope, (*found)->id);
            if (!visible) return visible.error();
            if (*visible) return Found((*visible)->project);
        }
        cells.problem(F::kCode,
                      {"没有该编码的项目，或项目不在您的管辖范围内", "no project has this code within your scope"});
        return Found();
    }
    if (!ref.name) {
        cells.problem(
            cells.has_column(F::kName) ? F::kName : F::kCode,
            {"须填写项目编码，或项目名称和所属开发区", "give the project code, or the project's name and zone"});
        return Found();
    }
    if (!ref.zone_id) {
        if (cells.ok())
            cells.problem(F::kZone, {"按项目名称查找项目须填写所属开发区（或填写项目编码）",
                                     "a project found by name needs its zone (or give the project code)"});
        return Found();
    }
    std::optional<std::int64_t> investor;
    if (ref.credit_code) {
        auto e = tx_.find_visible_enterprise(enterprise_scope(who_), ref.credit_code->str());
        if (!e) return e.error();
        if (!*e) {
            cells.problem(F::kCreditCode, {"没有该信用代码的企业", "no enterprise has this credit code"});
            return Found();
        }
        investor = (*e)->id;
    }
    auto known = zone_projects(*ref.zone_id);
    if (!known) return known.error();
    const std::string key = match_key(*ref.name);
    const Known* match = nullptr;
    int matches = 0;
    for (const auto& k : **known) {
        if (k.key != key) continue;
        const auto& ids = k.project.investor_ids;
        if (investor && std::find(ids.begin(), ids.end(), *investor) == ids.end()) continue;
        match = &k;
        ++matches;
    }
    if (matches == 1) return Found(match->project);
    if (matches == 0) {
        cells.problem(
            F::kName,
            investor ? Text{"所属开发区中没有该投资主体的同名项目", "the zone has no project of this name and investor"}
                     : Text{"所属开发区中没有该名称的项目", "the zone has no project of this name"});
    } else {
        cells.problem(F::kName, {"所属开发区中有多个同名项目，请填写项目编码",
                                 "the zone has several projects of this name: give the project code"});
    }
    return Found();
}

}  // namespace sanpi::service
