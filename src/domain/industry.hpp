#pragma once
#include <string>

namespace sanpi::domain {

// A row of the industry dictionary; `code` is the stable key ("coal_chemical", ...).
struct Industry {
    std::string code;
    std::string name_zh;
    std::string name_en;
    int sort_order = 0;
};

}  // namespace sanpi::domain
