#include "sheet/merges_beside_rows.hpp"

#include <condition_variable>
#include <mutex>
#include <optional>
#include <system_error>
#include <thread>

#include "sheet/read_guard.hpp"
#include "sheet/xlsx_merges.hpp"

namespace sanpi::sheet {

namespace {

std::size_t row_bytes(const Row& row) {
    std::size_t bytes = sizeof(Row);
    for (const auto& cell : row.cells) bytes += sizeof(Cell) + cell.text.capacity();
    return bytes;
}

// The pre-pass's answer, handed from its thread to the rows' one.
class MergesPass {
public:
    void finish(Result<std::vector<MergedRange>> result) {
        {
            std::lock_guard lock(mutex_);
            result_ = std::move(result);
        }
        done_.notify_all();
    }
    bool finished() {
        std::lock_guard lock(mutex_);
        return result_.has_value();
    }
    // Once: the answer is moved out.
    Result<std::vector<MergedRange>> wait() {
        std::unique_lock lock(mutex_);
        done_.wait(lock, [&] { return result_.has_value(); });
        return std::move(*result_);
    }

private:
    std::mutex mutex_;
    std::condition_variable done_;
    std::optional<Result<std::vector<MergedRange>>> result_;
};

struct JoinOnExit {
    std::thread& thread;
    ~JoinOnExit() {
        if (thread.joinable()) thread.join();
    }
};

}  // namespace

Result<void> read_rows_beside_merges(const std::string& path, ZipArchive& archive, std::string_view part,
                                     const SheetContext& context, std::vector<MergedRange>& merges,
                                     const std::function<Result<void>(const Row&)>& on_row) {
    MergesPass pass;
    std::thread thread;
    try {
        thread = std::thread([&] {
            pass.finish(guard_read([&]() -> Result<std::vector<MergedRange>> {
                auto own = ZipArchive::open(path, context.limits);
                if (!own) return own.error();
                return read_merges(**own, part, context.sheet, context.limits);
            }));
        });
    } catch (const std::system_error&) {
        // No thread to be had: the pre-pass first, then the rows, in turn.
        auto found = read_merges(archive, part, context.sheet, context.limits);
        if (!found) return found.error();
        merges = std::move(*found);
        return read_sheet_rows(archive, part, context, on_row);
    }
    JoinOnExit join{thread};

    std::vector<Row> held;
    std::size_t held_bytes = 0;
    std::optional<Result<void>> known;  // the pre-pass's outcome, once it is in
    // Waits for the ranges (their error is the read's), then hands on the rows held meanwhile.
    const auto settle = [&]() -> Result<void> {
        if (known) return *known;
        auto found = pass.wait();
        if (!found) {
            known = Result<void>(found.error());
            return *known;
        }
        merges = std::move(*found);
        known = Result<void>();
        for (const auto& row : held) {
            if (auto taken = on_row(row); !taken) return taken;
        }
        held = {};
        return {};
    };
    auto read = read_sheet_rows(archive, part, context, [&](const Row& row) -> Result<void> {
        if (!known && held_bytes < kHeldRowBytes && !pass.finished()) {
            held.push_back(row);
            held_bytes += row_bytes(row);
            return {};
        }
        if (auto settled = settle(); !settled) return settled;
        return on_row(row);
    });
    // The ranges' error comes first, as when they were read before the rows; then the rows held
    // before a row's error, then that error.
    if (auto settled = settle(); !settled) return settled;
    return read;
}

}  // namespace sanpi::sheet
