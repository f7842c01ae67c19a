#include "store/sql/project_rows.hpp"

#include "domain/approval.hpp"

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

// Approval columns: all NULL when there is none; the extension's two dates likewise.
std::optional<domain::Approval> read_approval(Row& row) {
    auto kind = row.optional_text();
    auto date = row.optional_date();
    auto authority = row.optional_text();
    auto document_number = row.optional_text();
    auto granted_on = row.optional_date();
    auto start_by = row.optional_date();
    if (!kind) return std::nullopt;
    auto parsed = domain::approval_kind_from_string(*kind);
    if (!parsed || !date) throw StoreFault("stored approval not recognised: " + *kind);
    domain::Approval a{*parsed, *date, authority.value_or(""), document_number.value_or(""), std::nullopt};
    if (granted_on && start_by) a.extension = domain::ApprovalExtension{*granted_on, *start_by};
    return a;
}

std::optional<domain::CapacityAgreement> read_capacity_agreement(Row& row) {
    auto output = row.optional_int64();
    auto tax = row.optional_int64();
    auto jobs = row.optional_int64();
    auto land = row.optional_int64();
    if (!output) return std::nullopt;
    return domain::CapacityAgreement{domain::Money::from_fen(*output), domain::Money::from_fen(tax.value_or(0)),
                                     static_cast<std::int32_t>(jobs.value_or(0)), land.value_or(0)};
}

void read_identity(Row& row, domain::Project& p) {
    p.national_code = row.optional_text().value_or("");
    p.national_code_legacy = row.boolean();
    p.approval = read_approval(row);
    p.stats_entry_date = row.optional_date();
    p.code_name = row.optional_text().value_or("");
    p.capacity_agreement = read_capacity_agreement(row);
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
    read_identity(row, p);
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

std::string project_view_query(std::string_view conditions) {
    constexpr std::string_view kSelect = "SELECT ";
    constexpr std::string_view kComma = ", ";
    std::string out;
    out.reserve(kSelect.size() + kProjectColumns.size() + kComma.size() + kProjectViewColumns.size() +
                kProjectViewFrom.size() + conditions.size());
    out.append(kSelect).append(kProjectColumns).append(kComma).append(kProjectViewColumns);
    out.append(kProjectViewFrom).append(conditions);
    return out;
}

}  // namespace sanpi::store::sql
