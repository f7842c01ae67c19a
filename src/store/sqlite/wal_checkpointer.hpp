#pragma once
// Copies the write-ahead log back into the database file on a thread of its own.
//
// SQLite's automatic checkpoint runs inside the COMMIT of whichever write takes the log past its
// threshold, with an fsync of the database file, and, while readers still use older snapshots,
// again in every following COMMIT until it completes. Under a steady mix of reads and writes,
// bursts of ten writes in a row took 20-40 ms each instead of under one, and every write queued
// behind them waited as long. With this, a COMMIT only signals that the log has grown; the
// checkpoint runs here, PASSIVE (it waits for no reader and no writer), and never delays a write.
#include <sqlite3.h>

#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <string>
#include <thread>

namespace sanpi::store::sqlite {

class WalCheckpointer {
public:
    // SQLite's own threshold: a checkpoint once the log holds this many pages (4 MiB).
    static constexpr int kPages = 1000;

    WalCheckpointer(std::string path, int busy_timeout_ms);
    ~WalCheckpointer();  // finishes a checkpoint under way, then stops
    WalCheckpointer(const WalCheckpointer&) = delete;
    WalCheckpointer& operator=(const WalCheckpointer&) = delete;

    // Takes over the writer connection's checkpoints (this replaces SQLite's automatic one). The
    // connection must be closed before this object is destroyed.
    void attach(sqlite3* writer);

    // While the returned lock is held no checkpoint runs, and none keeps a connection open: a bulk
    // load leaves WAL mode, which needs every other connection closed.
    std::unique_lock<std::mutex> pause();

    // Checkpoints completed so far (tests).
    std::int64_t completed() const;

private:
    static int on_commit(void* self, sqlite3* db, const char* schema, int pages);
    void run();
    void checkpoint();

    const std::string path_;
    const int busy_timeout_ms_;
    mutable std::mutex mutex_;
    std::condition_variable wake_;
    bool due_ = false;
    bool stopping_ = false;
    std::int64_t completed_ = 0;
    std::mutex working_;  // held for the whole of a checkpoint; pause() takes it
    std::thread thread_;  // last: starts once everything above exists
};

}  // namespace sanpi::store::sqlite
