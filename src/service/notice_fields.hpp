#pragma once
// A notice's audited fields, shared by the service and the sweep (service/audit_fields.hpp shows
// the conventions: names as the API's, values as text, absent values none).
#include "domain/audit.hpp"
#include "domain/notice.hpp"

namespace sanpi::service {

domain::FieldValues notice_fields(const domain::Notice& n);

// The audited key of a step's words: "response", "comment", "close_note", "reopen_reason".
const char* notice_step_text_field(domain::NoticeStep step);

}  // namespace sanpi::service
