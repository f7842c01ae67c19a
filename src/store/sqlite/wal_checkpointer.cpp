#include "store/sqlite/wal_checkpointer.hpp"

#include <exception>

#include "store/internal_log.hpp"
#include "store/sqlite/sqlite_handle.hpp"

namespace sanpi::store::sqlite {

WalCheckpointer::WalCheckpointer(std::string path, int busy_timeout_ms)
    : path_(std::move(path)), busy_timeout_ms_(busy_timeout_ms), thread_([this] { run(); }) {}

WalCheckpointer::~WalCheckpointer() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_all();
    thread_.join();
}

void WalCheckpointer::attach(sqlite3* writer) { sqlite3_wal_hook(writer, &WalCheckpointer::on_commit, this); }

std::unique_lock<std::mutex> WalCheckpointer::pause() { return std::unique_lock(working_); }

std::int64_t WalCheckpointer::completed() const {
    std::lock_guard lock(mutex_);
    return completed_;
}

// Called by SQLite on the writer's thread after each commit, with the pages now in the log.
int WalCheckpointer::on_commit(void* self, sqlite3*, const char*, int pages) {
    if (pages < kPages) return SQLITE_OK;
    auto* checkpointer = static_cast<WalCheckpointer*>(self);
    {
        std::lock_guard lock(checkpointer->mutex_);
        checkpointer->due_ = true;
    }
    checkpointer->wake_.notify_one();
    return SQLITE_OK;
}

void WalCheckpointer::run() {
    for (;;) {
        {
            std::unique_lock lock(mutex_);
            wake_.wait(lock, [&] { return due_ || stopping_; });
            if (stopping_) return;
            due_ = false;
        }
        std::lock_guard working(working_);
        checkpoint();
    }
}

// A connection of its own for each checkpoint, closed afterwards (see pause()). A checkpoint that
// fails (the file is busy, or gone) is retried at the next signal; the log only grows meanwhile.
void WalCheckpointer::checkpoint() {
    try {
        auto conn = Connection::open(path_, false, busy_timeout_ms_);
        const int rc = sqlite3_wal_checkpoint_v2(conn->raw(), nullptr, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
        if (rc != SQLITE_OK && rc != SQLITE_BUSY) {
            log_internal(std::string("sqlite checkpoint failed: ") + sqlite3_errstr(rc));
            return;
        }
        std::lock_guard lock(mutex_);
        ++completed_;
    } catch (const std::exception& e) {
        log_internal(std::string("sqlite checkpoint failed: ") + e.what());
    }
}

}  // namespace sanpi::store::sqlite
