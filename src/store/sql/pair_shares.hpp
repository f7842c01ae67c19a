#pragma once
// How common each pair of characters is in project names, as PostgreSQL's ANALYZE last saw it
// (the most common elements of the m0010 pairs index), so a two-character search can pick its
// plan: a rare pair reads its few candidates through the index; a common one (光伏 is in one
// project name in eight) is cheaper found by reading projects in the list's order and checking
// each, which stops after a page, or after the count's limit, instead of fetching every candidate.
#include <chrono>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

namespace sanpi::store::sql {

struct PairStatistics {
    std::unordered_map<std::string, double> shares;  // pair -> share of project names containing it
    double rarest_listed = 0;                        // pairs not listed are rarer than this
    double projects = 0;                             // rows in projects, as estimated
};

// The statistics shared by a store's connections, read again when older than kPairSharesMaxAge.
class PairShares {
public:
    static constexpr std::chrono::minutes kMaxAge{10};

    // The statistics if read within kMaxAge of `now`, else null (the caller reads them again).
    std::shared_ptr<const PairStatistics> fresh(std::chrono::steady_clock::time_point now) const;
    void replace(PairStatistics statistics, std::chrono::steady_clock::time_point now);

private:
    mutable std::mutex mutex_;
    std::shared_ptr<const PairStatistics> current_;
    std::chrono::steady_clock::time_point read_at_{};
};

// Whether reading projects in order and checking each beats fetching every candidate from the
// index, for a pair in `share` of `projects` names with counting stopped at `count_limit`: the
// scan reads about min(projects, count_limit / share) rows, the index `share * projects`, each
// of those costing several times a scanned row (a heap fetch, a hash, a key lookup).
bool scan_beats_index(double share, double projects, std::int64_t count_limit);

}  // namespace sanpi::store::sql
