#include "sheet/rows_ahead.hpp"

#include <condition_variable>
#include <deque>
#include <mutex>
#include <optional>
#include <system_error>
#include <thread>
#include <vector>

#include "sheet/read_guard.hpp"

namespace sanpi::sheet {

namespace {

// Row slots are assigned over, not rebuilt, so their cells' strings keep their buffers.
struct Batch {
    std::vector<Row> rows;
    std::size_t used = 0;

    void add(const Row& row) {
        if (used < rows.size()) {
            rows[used] = row;
        } else {
            rows.push_back(row);
        }
        ++used;
    }
};

class Handoff {
public:
    // Reading thread: false once the caller has stopped listening.
    bool give(Batch& batch) {
        std::unique_lock lock(mutex_);
        changed_.wait(lock, [&] { return stopping_ || ready_.size() < kBatchesAhead; });
        if (stopping_) return false;
        ready_.push_back(std::move(batch));
        batch = take_spare();
        lock.unlock();
        changed_.notify_all();
        return true;
    }
    void finish(Result<void> outcome) {
        {
            std::lock_guard lock(mutex_);
            outcome_ = std::move(outcome);
        }
        changed_.notify_all();
    }

    // Calling thread: the next batch, or nothing when the reading ended (then outcome()).
    std::optional<Batch> next(Batch&& done_with) {
        std::unique_lock lock(mutex_);
        if (done_with.rows.capacity() > 0) spare_.push_back(std::move(done_with));
        changed_.wait(lock, [&] { return !ready_.empty() || outcome_.has_value(); });
        if (ready_.empty()) return std::nullopt;
        Batch batch = std::move(ready_.front());
        ready_.pop_front();
        lock.unlock();
        changed_.notify_all();
        return batch;
    }
    Result<void> outcome() {
        std::lock_guard lock(mutex_);
        return *outcome_;
    }
    void stop() {
        {
            std::lock_guard lock(mutex_);
            stopping_ = true;
        }
        changed_.notify_all();
    }

private:
    Batch take_spare() {
        if (spare_.empty()) return {};
        Batch batch = std::move(spare_.back());
        spare_.pop_back();
        batch.used = 0;
        return batch;
    }

    std::mutex mutex_;
    std::condition_variable changed_;
    std::deque<Batch> ready_;
    std::vector<Batch> spare_;
    std::optional<Result<void>> outcome_;
    bool stopping_ = false;
};

Error stopped() { return Error::internal("读取已停止", "the read was stopped"); }

// Stops and waits for the reading thread however the caller leaves (an error, an exception).
struct JoinOnExit {
    Handoff& handoff;
    std::thread& thread;
    ~JoinOnExit() {
        handoff.stop();
        if (thread.joinable()) thread.join();
    }
};

}  // namespace

Result<void> read_rows_ahead(SheetReader& reader, std::size_t index,
                             const std::function<Result<void>(const Row&)>& on_row) {
    Handoff handoff;
    std::thread thread;
    try {
        thread = std::thread([&] {
            Result<void> outcome = guard_read([&]() -> Result<void> {
                Batch batch;
                auto read = reader.read_rows(index, [&](const Row& row) -> Result<void> {
                    batch.add(row);
                    if (batch.used == kRowsPerBatch && !handoff.give(batch)) return stopped();
                    return {};
                });
                // The rows before a reader's error are delivered, then the error.
                if (batch.used > 0 && !handoff.give(batch)) return stopped();
                return read;
            });
            handoff.finish(std::move(outcome));
        });
    } catch (const std::system_error&) {
        return reader.read_rows(index, on_row);
    }
    JoinOnExit join{handoff, thread};
    Batch done_with;
    while (auto batch = handoff.next(std::move(done_with))) {
        for (std::size_t i = 0; i < batch->used; ++i) {
            if (auto taken = on_row(batch->rows[i]); !taken) return taken;
        }
        done_with = std::move(*batch);
    }
    return handoff.outcome();
}

}  // namespace sanpi::sheet
