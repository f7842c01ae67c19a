#pragma once
// JSON shapes of monthly progress reports (see docs/api.md): reports and owed reports out,
// report bodies and the return reason in.
#include <boost/json/object.hpp>
#include <string>
#include <string_view>

#include "http/codec.hpp"
#include "service/report_service.hpp"

namespace sanpi::http {

boost::json::object to_json(const service::ReportDetail& detail);
boost::json::object to_json(const service::MissingReport& missing);

// POST and PATCH body of a report. Wrong JSON types, unknown and read-only fields give 400;
// well-typed but unacceptable values (an impossible month, a negative amount) give 422. Which
// fields a new report needs is the service's to check.
Decoded<service::ReportInput> decode_report_input(std::string_view body);
// A body of {"reason": "..."}: POST /reports/{id}/return and POST .../entries/.../withdraw. A
// missing or blank reason is left to the service.
Decoded<std::string> decode_reason(std::string_view body);
// Names the body's fields in a service error (the domain's return_reason is the body's reason).
Error with_report_field_names(Error error);

}  // namespace sanpi::http
