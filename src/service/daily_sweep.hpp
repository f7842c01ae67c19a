#pragma once
// The daily sweep inside `serve`: a thread that looks at the clock every `check_every` and, on the
// first look after 00:00 Asia/Shanghai of a day it has not swept, sweeps that day's lights (the
// claim in the store lets one server of several do it; the others find it claimed).
#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>

#include "domain/date.hpp"
#include "service/clock.hpp"
#include "service/light_keeper.hpp"
#include "store/store.hpp"

namespace sanpi::service {

class DailySweep {
public:
    DailySweep(store::Store& store, const Clock& clock, std::chrono::seconds check_every)
        : store_(store), clock_(clock), check_every_(check_every) {}
    ~DailySweep() { stop(); }
    DailySweep(const DailySweep&) = delete;
    DailySweep& operator=(const DailySweep&) = delete;

    // Sweeps today (by the clock) unless this object already did; nullopt when it had. What the
    // timer runs, and what tests call with a clock they move.
    std::optional<Result<SweepResult>> run_due();
    // Starts the timer thread (a first look at once); stop() ends it. Each sweep run (not the looks
    // that find the day swept) is handed to `report` (logging).
    using Report = std::function<void(const Result<SweepResult>&)>;
    void start(Report report);
    void stop();

private:
    void loop(const Report& report);

    store::Store& store_;
    const Clock& clock_;
    std::chrono::seconds check_every_;
    std::optional<domain::Date> swept_;
    std::mutex mutex_;
    std::condition_variable wake_;
    bool stopping_ = false;
    std::thread thread_;
};

}  // namespace sanpi::service
