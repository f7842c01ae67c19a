#pragma once
// Answers computed from the kept figures (dashboards, campaign summaries), kept between requests
// with the figures' generation they were computed at (store.hpp, figures_generation). A request
// reads the generation in its own snapshot and reuses the answer only while it is unchanged, so an
// answer is never staler than the snapshot that serves it, with one server or several on one
// PostgreSQL. Bounded: the least recently used key goes when the cache is full.
#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>

#include "domain/user.hpp"

namespace sanpi::service {

// The part of a kept answer's key that says whose answer it is.
inline std::string scope_key(const domain::Scope& scope) {
    switch (scope.kind) {
        case domain::Scope::Kind::kAll: return "all";
        case domain::Scope::Kind::kRegion: return "region=" + scope.region_prefix;
        case domain::Scope::Kind::kZone: return "zone=" + std::to_string(scope.zone_id);
    }
    return "none";
}

template <class Answer>
class KeptAnswers {
public:
    explicit KeptAnswers(std::size_t capacity = 256) : capacity_(capacity) {}

    // The answer kept for `key` at exactly `generation`, or null.
    std::shared_ptr<const Answer> find(const std::string& key, std::int64_t generation) {
        std::lock_guard lock(mutex_);
        const auto found = entries_.find(key);
        if (found == entries_.end() || found->second.generation != generation) return nullptr;
        found->second.used = ++clock_;
        return found->second.answer;
    }

    // Keeps `answer` unless a newer one is already kept for `key` (two requests raced).
    void keep(const std::string& key, std::int64_t generation, std::shared_ptr<const Answer> answer) {
        std::lock_guard lock(mutex_);
        const auto found = entries_.find(key);
        if (found != entries_.end()) {
            if (found->second.generation > generation) return;
            found->second = Entry{generation, std::move(answer), ++clock_};
            return;
        }
        if (entries_.size() >= capacity_) evict_least_recent();
        entries_.emplace(key, Entry{generation, std::move(answer), ++clock_});
    }

private:
    struct Entry {
        std::int64_t generation = 0;
        std::shared_ptr<const Answer> answer;
        std::uint64_t used = 0;
    };

    void evict_least_recent() {
        auto oldest = entries_.begin();
        for (auto it = entries_.begin(); it != entries_.end(); ++it) {
            if (it->second.used < oldest->second.used) oldest = it;
        }
        if (oldest != entries_.end()) entries_.erase(oldest);
    }

    const std::size_t capacity_;
    std::mutex mutex_;
    std::map<std::string, Entry> entries_;
    std::uint64_t clock_ = 0;
};

}  // namespace sanpi::service
