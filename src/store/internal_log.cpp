#include "store/internal_log.hpp"

#include <cstdio>
#include <mutex>
#include <string>

namespace sanpi::store {
namespace {

std::mutex& sink_mutex() {
    static std::mutex m;
    return m;
}

InternalLogSink& sink() {
    static InternalLogSink s = [](std::string_view line) {
        std::fprintf(stderr, "[sanpi store] %.*s\n", static_cast<int>(line.size()), line.data());
    };
    return s;
}

}  // namespace

void set_internal_log_sink(InternalLogSink new_sink) {
    std::lock_guard lock(sink_mutex());
    sink() = std::move(new_sink);
}

void log_internal(std::string_view line) {
    std::lock_guard lock(sink_mutex());
    if (sink()) sink()(line);
}

}  // namespace sanpi::store
