#pragma once
// Supervision notices (督办单) as use cases: issued by supervisors, province and city users about a
// project, a coordination item or a zone in their scope; answered by the zone, commented on by the
// city, closed or sent back by the notice's level or above; listed with counts inside the caller's
// scope; and the province's escalation ladder read and changed (versioned, audited). Every write
// is one transaction with its history row and audit entry; a refusal writes nothing.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/error.hpp"
#include "domain/escalation_ladder.hpp"
#include "domain/notice.hpp"
#include "service/clock.hpp"
#include "service/principal.hpp"
#include "store/store.hpp"

namespace sanpi::service {

struct NoticeInput {
    std::optional<domain::NoticeTarget> target;
    std::optional<std::int64_t> target_id;
    std::optional<std::string> problem;
    std::optional<std::string> action_requested;
    std::optional<domain::Date> deadline;
};

// A step's words: the response, comment, closing note or reason for sending back (`text`), and for
// a send-back an optional new deadline.
struct NoticeStepInput {
    std::optional<std::string> text;
    std::optional<domain::Date> deadline;
};

// A notice as answers show it: overdue against the clock's today (China date), never stored; the
// steps the caller may take now; with its history on details.
struct NoticeView {
    store::NoticeRecord record;
    bool overdue = false;
    std::vector<domain::NoticeStep> allowed;
    std::vector<store::NoticeEvent> history;  // details only, oldest first
};

struct NoticeList {
    store::Page<NoticeView> page;
    store::NoticeCounts counts;
};

class NoticeService {
public:
    NoticeService(store::Store& store, const Clock& clock) : store_(store), clock_(clock) {}

    // kForbidden for zones and viewers; kInvalidInput naming each bad field (a missing or blank
    // text, a text over 2000 characters, a deadline before today, an unknown target kind, a
    // target that does not exist in the caller's scope: `target_id`).
    Result<NoticeView> issue(const Principal& who, const NoticeInput& input);
    // kNotFound outside the caller's scope.
    Result<NoticeView> get(const Principal& who, std::int64_t id);
    // A step on the notice at `expected_version`: kNotFound outside the scope, kForbidden for a role
    // the step is not for, kConflict for a state that does not allow it or a stale version,
    // kInvalidInput for a blank or too long text or a past deadline.
    Result<NoticeView> step(const Principal& who, std::int64_t id, std::int64_t expected_version,
                            domain::NoticeStep step, const NoticeStepInput& input);
    // Notices inside the caller's scope (`query.today` set from the clock), with counts.
    Result<NoticeList> list(const Principal& who, store::NoticeQuery query);

    // Every signed-in user may read the ladder; the province changes it (kForbidden otherwise,
    // kConflict unless `expected_version` is current, kInvalidInput naming each bad setting).
    Result<store::EscalationLadderRecord> ladder(const Principal& who);
    Result<store::EscalationLadderRecord> update_ladder(const Principal& who, std::int64_t expected_version,
                                                        const domain::EscalationLadder& ladder);

private:
    store::Store& store_;
    const Clock& clock_;
};

}  // namespace sanpi::service
