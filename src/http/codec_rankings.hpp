#pragma once
// JSON of zone rankings: a period's ranking with each zone's indicators and points, the
// corrections since an as-of day, the weights; and the body of PUT /ranking-weights.
#include <boost/json.hpp>
#include <string_view>
#include <variant>

#include "domain/ranking.hpp"
#include "http/problem.hpp"
#include "service/ranking_service.hpp"

namespace sanpi::http {

// At most this many corrections are listed; `total` counts them all.
inline constexpr std::size_t kMaxCorrectionsListed = 200;

boost::json::object ranking_json(const service::Ranking& ranking, Lang lang);
// {"total", "items": [the first kMaxCorrectionsListed, newest first]}, beside any as-of answer.
boost::json::object corrections_json(const std::vector<service::Correction>& corrections);
// {"version", "weights": {...}, "created_by", "created_at"}
boost::json::object to_json(const store::RankingWeightsRecord& record);
// An indicator's value as the answer shows it: "value" exact (money as yuan, a rate in per mille,
// money per 亩 as yuan; null without data) and "text" for people (a rate "59.6%", new signed
// investment in 亿元 and money per 亩 in 万元, each to the hundredth, "—" without data).
boost::json::object indicator_json(domain::RankingIndicator indicator, const domain::IndicatorValue& v);
std::string indicator_text(domain::RankingIndicator indicator, const domain::IndicatorValue& v);

// PUT /ranking-weights body: {"weights": {every indicator as a whole number}}. Wrong JSON types,
// unknown or missing weights give 400; what the values must be is the service's to check (422).
std::variant<domain::RankingWeights, Problem> decode_ranking_weights(std::string_view body);

}  // namespace sanpi::http
