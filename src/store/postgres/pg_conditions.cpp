#include "store/postgres/pg_conditions.hpp"

namespace sanpi::store::postgres {

Params Conditions::params() const {
    Params out;
    for (const auto& p : values()) std::visit([&](const auto& v) { out.add(v); }, p);
    return out;
}

}  // namespace sanpi::store::postgres
