#pragma once
#include <optional>
#include <string>

#include "domain/region_code.hpp"

namespace sanpi::domain {

struct Region {
    RegionCode code;
    std::string name_zh;
    std::string name_en;   // pinyin, e.g. "Taiyuan"
    std::string slug;      // ASCII, e.g. "taiyuan"; used for account names
};

}  // namespace sanpi::domain
