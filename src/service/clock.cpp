#include "service/clock.hpp"

namespace sanpi::service {

namespace {
constexpr store::Timestamp kChinaStandardOffset = 8 * 3600;
constexpr store::Timestamp kSecondsPerDay = 86400;
}  // namespace

domain::Date Clock::today() const { return china_date(now()); }

domain::Date china_date(store::Timestamp t) {
    const store::Timestamp local = t + kChinaStandardOffset;
    // Floor division so instants before 1970 still land on the right day.
    store::Timestamp days = local / kSecondsPerDay;
    if (local % kSecondsPerDay < 0) --days;
    return domain::Date::from_days(static_cast<std::int32_t>(days));
}

store::Timestamp SystemClock::now() const {
    return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}

}  // namespace sanpi::service
