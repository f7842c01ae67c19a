// A project as the audit log sees it (conventions in audit_fields.hpp).
#include "service/audit_fields.hpp"

namespace sanpi::service {

using domain::FieldValues;

namespace {

void put_milestones(FieldValues& f, const std::string& prefix, const domain::Milestones& m) {
    f[prefix + ".sign"] = audit_text(m.sign);
    f[prefix + ".start"] = audit_text(m.start);
    f[prefix + ".production"] = audit_text(m.production);
    f[prefix + ".capacity"] = audit_text(m.capacity);
}

void put_approval(FieldValues& f, const std::optional<domain::Approval>& a) {
    if (!a) return;
    f["approval.kind"] = std::string(domain::to_string(a->kind));
    f["approval.date"] = a->date.iso();
    f["approval.authority"] = a->authority;
    f["approval.document_number"] = a->document_number;
    if (a->extension) {
        f["approval.extension.granted_on"] = a->extension->granted_on.iso();
        f["approval.extension.start_by"] = a->extension->start_by.iso();
    }
}

void put_commitments(FieldValues& f, const domain::Project& p) {
    for (const auto& part : p.funding) f["funding." + std::string(domain::to_string(part.source))] = audit_text(part.amount);
    if (const auto& a = p.capacity_agreement) {
        f["capacity_agreement.output_value"] = audit_text(a->output_value);
        f["capacity_agreement.tax"] = audit_text(a->tax);
        f["capacity_agreement.jobs"] = std::to_string(a->jobs);
        f["capacity_agreement.land_area_mu"] = audit_centimu(a->land_area_centimu);
    }
    for (const auto& year : p.realised) {
        const std::string key = "realised." + std::to_string(year.year);
        f[key + ".output_value"] = audit_text(year.output_value);
        f[key + ".tax"] = audit_text(year.tax);
        f[key + ".jobs"] = std::to_string(year.jobs);
    }
}

// Empty text is no value: these fields are optional and kept as "" until known, so a new project
// lists only what was filled in.
std::optional<std::string> unless_empty(const std::string& text) {
    if (text.empty()) return std::nullopt;
    return text;
}

}  // namespace

FieldValues audit_fields(const domain::Project& p) {
    FieldValues f{{"code", p.code},
                  {"name", p.name},
                  {"zone_id", std::to_string(p.zone_id)},
                  {"investor_ids", unless_empty(audit_list(p.investor_ids))},
                  {"industry", p.industry_code},
                  {"total_investment", audit_text(p.total_investment)},
                  {"construction_content", unless_empty(p.construction_content)},
                  {"stage", std::string(domain::to_string(p.stage))},
                  {"status", std::string(domain::to_string(p.status))},
                  {"annual_planned_investment", audit_text(p.annual_planned_investment)},
                  {"expected_output_value", audit_text(p.expected_output_value)},
                  {"expected_tax", audit_text(p.expected_tax)},
                  {"expected_jobs", std::to_string(p.expected_jobs)},
                  {"land_area_mu", audit_centimu(p.land_area_centimu)},
                  {"responsible_unit", unless_empty(p.responsible_unit)},
                  {"responsible_post", unless_empty(p.responsible_post)},
                  {"tags", unless_empty(audit_list(p.tags))},
                  {"synthetic", audit_text(p.synthetic)}};
    f["chain_node_id"] = p.chain_node_id ? std::optional<std::string>(std::to_string(*p.chain_node_id)) : std::nullopt;
    put_milestones(f, "planned", p.planned);
    put_milestones(f, "actual", p.actual);
    f["national_code"] = unless_empty(p.national_code);
    f["code_name"] = unless_empty(p.code_name);
    f["stats_entry_date"] = audit_text(p.stats_entry_date);
    put_approval(f, p.approval);
    put_commitments(f, p);
    return f;
}

}  // namespace sanpi::service
