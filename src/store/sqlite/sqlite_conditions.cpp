#include "store/sqlite/sqlite_conditions.hpp"

#include "store/sqlite/sqlite_codec.hpp"

namespace sanpi::store::sqlite {

int Conditions::bind(Statement& st, int first_index) const {
    int index = first_index;
    for (const auto& p : values()) {
        std::visit([&](const auto& v) { bind_one(st, index, v); }, p);
        ++index;
    }
    return index;
}

}  // namespace sanpi::store::sqlite
