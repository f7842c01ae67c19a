#include "store/sql/project_rows.hpp"

namespace sanpi::store::sql {
namespace {

domain::Milestones read_milestones(Row& row) {
    domain::Milestones m;
    m.sign = row.optional_date();
    m.start = row.optional_date();
    m.production = row.optional_date();
    m.capacity = row.optional_date();
    return m;
}

}  // namespace

domain::Project read_project(Row& row) {
    domain::Project p;
    p.id = row.int64();
    p.code = row.text();
    p.name = row.text();
    p.zone_id = row.int64();
    p.industry_code = row.text();
    p.chain_node_id = row.optional_int64();
    p.total_investment = row.money();
    p.construction_content = row.text();
    p.planned = read_milestones(row);
    p.actual = read_milestones(row);
    p.stage = row.enumeration(domain::stage_from_string, "stage");
    p.status = row.enumeration(domain::project_status_from_string, "status");
    p.annual_planned_investment = row.money();
    p.expected_output_value = row.money();
    p.expected_tax = row.money();
    p.expected_jobs = static_cast<std::int32_t>(row.int64());
    p.land_area_centimu = row.int64();
    p.responsible_unit = row.text();
    p.responsible_post = row.text();
    p.tags = row.codes();
    p.synthetic = row.boolean();
    p.version = row.int64();
    return p;
}

domain::ProjectView read_project_view(Row& row) {
    domain::ProjectView v;
    v.project = read_project(row);
    v.zone_name = row.text();
    v.region_code = row.text();
    v.city_code = city_of(v.region_code);
    return v;
}

std::string city_of(std::string_view region_code) {
    if (region_code.size() < 4) return std::string(region_code);
    return std::string(region_code.substr(0, 4)) + "00";
}

}  // namespace sanpi::store::sql
