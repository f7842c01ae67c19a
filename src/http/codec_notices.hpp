#pragma once
// JSON of supervision notices (督办单): a notice (with its history on details), the list with its
// counts, the escalation ladder; and the bodies of POST /notices, the steps and PUT /escalation-ladder.
#include <boost/json.hpp>
#include <variant>

#include "domain/escalation_ladder.hpp"
#include "domain/notice.hpp"
#include "http/problem.hpp"
#include "service/notice_service.hpp"
#include "store/store.hpp"

namespace sanpi::http {

// A notice; "history" only when `with_history`.
boost::json::object notice_json(const service::NoticeView& view, bool with_history);
// {"items": [...], "counts": {"issued", "responded", "closed", "open", "overdue"}} (paging is the handler's)
boost::json::object notices_json(const service::NoticeList& list);
// {"version", "settings": {...}, "created_by", "created_at"}
boost::json::object to_json(const store::EscalationLadderRecord& record);

// POST /notices body: "target", "target_id", "problem", "action_requested", "deadline". Wrong JSON
// types and unknown fields give 400; an unknown target kind or a malformed date 422; what is
// missing or unacceptable besides is the service's to name (422).
std::variant<service::NoticeInput, Problem> decode_notice_input(std::string_view body);
// A step's body: respond {"response"}, comment {"comment"}, close {"note"}, reopen {"reason",
// "deadline"?}. Other fields and wrong types give 400.
std::variant<service::NoticeStepInput, Problem> decode_notice_step(std::string_view body, domain::NoticeStep step);
// PUT /escalation-ladder body: {"settings": {every setting as a whole number}}; as for the warning rules.
std::variant<domain::EscalationLadder, Problem> decode_escalation_ladder(std::string_view body);

}  // namespace sanpi::http
