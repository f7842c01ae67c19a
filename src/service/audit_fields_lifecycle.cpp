#include "service/audit_fields.hpp"

namespace sanpi::service {

using domain::FieldValues;

FieldValues audit_fields(const domain::ProgressReport& r) {
    return {{"project_id", std::to_string(r.project_id)},
            {"month", r.month.to_string()},
            {"investment_completed", audit_text(r.investment_completed)},
            {"capital_arrived", audit_text(r.capital_arrived)},
            {"progress_text", r.progress_text},
            {"percent_complete", std::to_string(r.percent_complete)},
            {"jobs", std::to_string(r.jobs)},
            {"status", std::string(domain::to_string(r.status))},
            {"confirmation_note", r.confirmation_note},
            {"return_reason", r.return_reason}};
}

FieldValues audit_fields(const domain::CoordinationItem& item) {
    return {{"project_id", std::to_string(item.project_id)},
            {"category", std::string(domain::to_string(item.category))},
            {"description", item.description},
            {"level", std::string(domain::to_string(item.level))},
            {"responsible_department", item.responsible_department},
            {"deadline", item.deadline.iso()},
            {"status", std::string(domain::to_string(item.status))},
            {"resolution", item.resolution},
            {"reopen_reason", item.reopen_reason}};
}

}  // namespace sanpi::service
