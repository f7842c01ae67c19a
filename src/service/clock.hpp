#pragma once
#include <chrono>

#include "domain/date.hpp"
#include "store/store.hpp"

namespace sanpi::service {

// The date in China Standard Time (UTC+8) at the instant `t`.
domain::Date china_date(store::Timestamp t);

// Injected so tests can pin "today" (dates in the future are rejected against it).
class Clock {
public:
    virtual ~Clock() = default;
    virtual store::Timestamp now() const = 0;
    // Today's date in China Standard Time (UTC+8), where every user of the system works.
    domain::Date today() const;
};

class SystemClock final : public Clock {
public:
    store::Timestamp now() const override;
};

class FixedClock final : public Clock {
public:
    explicit FixedClock(store::Timestamp t) : t_(t) {}
    store::Timestamp now() const override { return t_; }
    void set(store::Timestamp t) { t_ = t; }

private:
    store::Timestamp t_;
};

}  // namespace sanpi::service
