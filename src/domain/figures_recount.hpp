#pragma once
// The stage and industry figures (figures.hpp) counted from projects' facts rather than read from
// the kept rows: how an as-of dashboard gets figures for a moment the kept rows have moved past.
// Counts as the store's full recount does (kRecountStages): on time when both dates are known and
// the actual one is no later than planned.
#include <vector>

#include "domain/figures.hpp"
#include "domain/ranking.hpp"

namespace sanpi::domain {

KeptFigures count_figures(const std::vector<ProjectFacts>& projects);

}  // namespace sanpi::domain
