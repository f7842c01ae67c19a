#pragma once
// A large part decompressed on a second thread, a few chunks ahead of its reader. Inflating a
// worksheet costs about a third of reading it (zlib and its CRC beside expat), so on a machine
// with a core to spare the two overlap instead of taking turns. The part's limits (ratio, total
// unpacked size) are checked as before, on the inflating thread, and an error reaches the reader
// after every chunk that came before it, as it would have read them itself.
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <mutex>
#include <optional>
#include <string_view>
#include <thread>
#include <vector>

#include "sheet/sheet_error.hpp"

namespace sanpi::sheet {

class ZipPart;

// Chunks a reader holds and has not taken yet: enough to keep the inflating thread busy while
// expat works, few enough to stay a megabyte per part being read.
inline constexpr std::size_t kReadAheadChunks = 4;
inline constexpr std::size_t kReadAheadChunkBytes = 256 * 1024;

class ReadAhead {
public:
    // Starts inflating `part`, which must outlive this and is read by no one else meanwhile.
    // Throws std::system_error when no thread can be started.
    explicit ReadAhead(ZipPart& part);
    // Stops the inflating thread (after the chunk it is reading) and waits for it.
    ~ReadAhead();
    ReadAhead(const ReadAhead&) = delete;
    ReadAhead& operator=(const ReadAhead&) = delete;

    // The next chunk of the part, valid until the next call; empty at its end.
    Result<std::string_view> next();

private:
    void inflate();

    ZipPart& part_;
    std::mutex mutex_;
    std::condition_variable changed_;
    std::deque<std::vector<char>> ready_;   // inflated, not yet taken, in order
    std::vector<std::vector<char>> spare_;  // taken and given back, to be filled again
    std::vector<char> current_;             // the chunk the reader holds
    std::optional<Error> error_;            // after the last ready chunk
    bool finished_ = false;                 // the inflating thread has ended (the part's end or error_)
    bool stopping_ = false;
    std::thread thread_;
};

}  // namespace sanpi::sheet
