#include "service/project_patch.hpp"

namespace sanpi::service {

namespace {

template <class T>
void set_if(T& target, const std::optional<T>& value) {
    if (value) target = *value;
}

template <class T>
void set_if(std::optional<T>& target, const Nullable<T>& value) {
    if (value) target = *value;
}

}  // namespace

void apply_fields(domain::Project& p, const ProjectPatch& patch) {
    set_if(p.code, patch.code);
    set_if(p.name, patch.name);
    set_if(p.zone_id, patch.zone_id);
    set_if(p.investor_ids, patch.investor_ids);
    set_if(p.industry_code, patch.industry_code);
    set_if(p.chain_node_id, patch.chain_node_id);
    set_if(p.total_investment, patch.total_investment);
    set_if(p.construction_content, patch.construction_content);
    set_if(p.planned.sign, patch.planned_sign);
    set_if(p.planned.start, patch.planned_start);
    set_if(p.planned.production, patch.planned_production);
    set_if(p.planned.capacity, patch.planned_capacity);
    set_if(p.annual_planned_investment, patch.annual_planned_investment);
    set_if(p.expected_output_value, patch.expected_output_value);
    set_if(p.expected_tax, patch.expected_tax);
    set_if(p.expected_jobs, patch.expected_jobs);
    set_if(p.land_area_centimu, patch.land_area_centimu);
    set_if(p.responsible_unit, patch.responsible_unit);
    set_if(p.responsible_post, patch.responsible_post);
    set_if(p.tags, patch.tags);
    set_if(p.national_code, patch.national_code);
    set_if(p.approval, patch.approval);
    set_if(p.stats_entry_date, patch.stats_entry_date);
    set_if(p.code_name, patch.code_name);
    set_if(p.funding, patch.funding);
    set_if(p.capacity_agreement, patch.capacity_agreement);
    set_if(p.realised, patch.realised);
}

}  // namespace sanpi::service
