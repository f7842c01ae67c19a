#pragma once
// What a zone may write on a monthly report: every field optional, so the same type serves create
// (where all but the note are required) and PATCH (absent = unchanged). Parsed by the HTTP layer,
// applied and validated here.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/error.hpp"
#include "domain/money.hpp"
#include "domain/month.hpp"
#include "domain/progress_report.hpp"
#include "service/project_patch.hpp"

namespace sanpi::service {

struct ReportInput {
    std::optional<domain::Month> month;
    std::optional<domain::Money> investment_completed;
    std::optional<domain::Money> capital_arrived;
    std::optional<std::string> progress_text;
    std::optional<std::int32_t> percent_complete;
    std::optional<std::int32_t> jobs;
    Nullable<std::string> confirmation_note;  // null clears it
};

// Copies every present field onto the report's content.
void apply_input(domain::ProgressReport& report, const ReportInput& input);

// A new report needs every figure: a missing one is an error naming it, never a silent zero.
std::vector<FieldError> missing_for_create(const ReportInput& input);

}  // namespace sanpi::service
