#include "sheet/read_ahead.hpp"

#include <new>

#include "sheet/zip_part.hpp"

namespace sanpi::sheet {

ReadAhead::ReadAhead(ZipPart& part) : part_(part) {
    thread_ = std::thread([this] { inflate(); });
}

ReadAhead::~ReadAhead() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    changed_.notify_all();
    thread_.join();
}

void ReadAhead::inflate() {
    std::vector<char> chunk;
    for (;;) {
        {
            std::unique_lock lock(mutex_);
            changed_.wait(lock, [&] { return stopping_ || ready_.size() < kReadAheadChunks; });
            if (stopping_) return;
            if (!spare_.empty()) {
                chunk = std::move(spare_.back());
                spare_.pop_back();
            }
        }
        Result<std::size_t> got = std::size_t{0};
        try {
            chunk.resize(kReadAheadChunkBytes);
            got = part_.read(chunk.data(), chunk.size());
        } catch (const std::bad_alloc&) {
            got = file_error("文件过大，内存不足", "the file needs more memory than is available");
        }
        {
            std::lock_guard lock(mutex_);
            if (!got) {
                error_ = std::move(got).error();
            } else if (*got > 0) {
                chunk.resize(*got);
                ready_.push_back(std::move(chunk));
                chunk = {};
            }
            finished_ = !got || *got == 0;
        }
        changed_.notify_all();
        if (!got || *got == 0) return;
    }
}

Result<std::string_view> ReadAhead::next() {
    std::unique_lock lock(mutex_);
    if (!current_.empty()) spare_.push_back(std::move(current_));
    current_ = {};
    changed_.wait(lock, [&] { return !ready_.empty() || finished_; });
    if (ready_.empty()) {
        if (error_) return *error_;
        return std::string_view{};
    }
    current_ = std::move(ready_.front());
    ready_.pop_front();
    lock.unlock();
    changed_.notify_all();
    return std::string_view(current_.data(), current_.size());
}

}  // namespace sanpi::sheet
