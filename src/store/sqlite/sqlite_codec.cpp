#include "store/sqlite/sqlite_codec.hpp"

namespace sanpi::store::sqlite {

std::int64_t returned_id(Statement& st) {
    if (!st.step()) throw StoreFault("INSERT returned no id");
    return st.int64(0);
}

}  // namespace sanpi::store::sqlite
