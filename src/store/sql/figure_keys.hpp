#pragma once
// What one project contributes to the kept figures (m0008): the keys of its rows and the amounts
// it adds there. Built from a project being written, or read back from the stored row it replaces.
#include <cstdint>
#include <string>

#include "domain/project.hpp"

namespace sanpi::store::sql {

struct ProjectFigureKey {
    std::int64_t zone_id = 0;
    std::string industry_code;
    domain::Stage stage = domain::Stage::kReserve;
    domain::ProjectStatus status = domain::ProjectStatus::kActive;
    std::int64_t investment_fen = 0;
    bool started_on_time = false;
    bool producing_on_time = false;
    bool capacity_on_time = false;
    friend bool operator==(const ProjectFigureKey&, const ProjectFigureKey&) = default;
};

ProjectFigureKey figure_key(const domain::Project& p);

}  // namespace sanpi::store::sql
