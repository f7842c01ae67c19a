#pragma once
// GET /api/v1/rankings (and its workbook) query parameters: `period` (required), `as_of`, `city`,
// `lang`. As for the lists, unknown, repeated or malformed parameters are a 400 naming each one.
#include <variant>

#include "http/context.hpp"
#include "http/problem.hpp"
#include "service/ranking_service.hpp"

namespace sanpi::http {

std::variant<service::RankingQuery, Problem> parse_ranking_query(const QueryParams& params);

}  // namespace sanpi::http
