#pragma once
// The escalation ladder (督办升级规则) the province configures: which warning lights turn into
// supervision notices by themselves, at which level and with how long to act. Stored as numbered
// versions like the warning rules; with none stored the defaults below are version 1.
//
// The defaults follow published local practice (a project lit yellow at two monthly reviews in a
// row is supervised by its city; a red project by the province):
//   yellow_streak: the project has been yellow or red without a break (no day green) for at least
//     `yellow_streak_days` days (default 30: yellow at one monthly review and still at the next) ->
//     a city-level notice to the zone, deadline `city_deadline_days` after the sweep's day;
//   red: the project has been red for at least `red_after_days` days (default 0: as soon as it
//     turns red) -> a province-level notice, deadline `province_deadline_days` after.
// A rung issues at most one notice per project per spell of light: none while the project has an
// open notice of that rung, and none again for the same spell (the day it began) once closed.
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "domain/date.hpp"
#include "domain/error.hpp"
#include "domain/light.hpp"
#include "domain/notice.hpp"

namespace sanpi::domain {

struct EscalationLadder {
    std::int64_t version = 1;
    std::int32_t yellow_streak_days = 30;
    std::int32_t red_after_days = 0;
    std::int32_t city_deadline_days = 15;
    std::int32_t province_deadline_days = 10;
    friend bool operator==(const EscalationLadder&, const EscalationLadder&) = default;
};

struct LadderSetting {
    std::string_view name;
    std::int32_t EscalationLadder::*member;
    std::int32_t min;
    std::int32_t max;
};

// Every setting, in the order the API and the audit log list them.
std::span<const LadderSetting> ladder_settings();

// Each setting within its range (streak 1..3660 days, red 0..3660, deadlines 1..365), named.
std::vector<FieldError> validate_ladder(const EscalationLadder& ladder);

// What the ladder looks at for one lit project.
struct LadderFacts {
    std::int64_t project_id = 0;
    std::int64_t zone_id = 0;
    Light light = Light::kGreen;
    Date colour_since = Date::from_days(0);  // the day it turned its present colour
    Date lit_since = Date::from_days(0);     // the day it last turned from green to yellow or red
    std::vector<LightReason> reasons;
};

// A notice the ladder asks for (the sweep skips it when one of the rung's exists for the spell).
struct LadderNotice {
    LadderStep step = LadderStep::kRed;
    NoticeLevel level = NoticeLevel::kProvince;
    Date since = Date::from_days(0);  // the spell of light it is about
    Date deadline = Date::from_days(0);
    std::string problem;           // Chinese: the rung, the days and every reason of the light
    std::string action_requested;  // Chinese
};

// The rungs `f` reaches on `today`: none, one or both (a red spell long enough is also a yellow-or-worse one).
std::vector<LadderNotice> evaluate_ladder(const LadderFacts& f, const EscalationLadder& ladder, Date today);

}  // namespace sanpi::domain
