#include "store/postgres/pg_params.hpp"

#include "store/postgres/pg_handle.hpp"

namespace sanpi::store::postgres {

void Params::add_text(std::string_view s) {
    // Text parameters travel as C strings, so a NUL would silently cut the value short.
    if (s.find('\0') != std::string_view::npos) {
        throw PgError("22021", "", false, "text parameter contains a NUL byte");
    }
    values_.emplace_back(std::string(s));
}

std::vector<const char*> Params::pointers() const {
    std::vector<const char*> out;
    out.reserve(values_.size());
    for (const auto& v : values_) out.push_back(v ? v->c_str() : nullptr);
    return out;
}

std::string int_array_literal(const std::vector<std::int64_t>& values) {
    std::string out = "{";
    for (const auto v : values) {
        if (out.size() > 1) out += ',';
        out += std::to_string(v);
    }
    out += '}';
    return out;
}

}  // namespace sanpi::store::postgres
