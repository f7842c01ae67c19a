#include "store/postgres/pg_codec.hpp"

namespace sanpi::store::postgres {

std::int64_t returned_id(const PgResult& r) {
    if (r.rows() != 1) throw StoreFault("INSERT returned no id");
    return r.int64(0, 0);
}

}  // namespace sanpi::store::postgres
