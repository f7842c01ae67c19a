#include "service/daily_sweep.hpp"

namespace sanpi::service {

std::optional<Result<SweepResult>> DailySweep::run_due() {
    const domain::Date today = clock_.today();
    if (swept_ && *swept_ == today) return std::nullopt;
    auto result = sweep_lights(store_, clock_, today);
    if (result) swept_ = today;  // a failed sweep is tried again at the next look
    return result;
}

void DailySweep::start(Report report) {
    if (thread_.joinable()) return;
    stopping_ = false;
    thread_ = std::thread([this, report = std::move(report)] { loop(report); });
}

void DailySweep::stop() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_all();
    if (thread_.joinable()) thread_.join();
}

void DailySweep::loop(const Report& report) {
    std::unique_lock lock(mutex_);
    while (!stopping_) {
        lock.unlock();
        if (auto result = run_due(); result && report) report(*result);
        lock.lock();
        wake_.wait_for(lock, check_every_, [this] { return stopping_; });
    }
}

}  // namespace sanpi::service
