#pragma once
// Statement parameters as libpq takes them: always bound (never spliced into SQL), sent as text
// or NULL. The shared Tx binds through sql::Statement (pg_statement.cpp); the backend's own
// catalog queries pass names with Params::of.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sanpi::store::postgres {

class Params {
public:
    template <class... Texts>
    static Params of(const Texts&... texts) {
        Params p;
        (p.add_text(texts), ...);
        return p;
    }

    // Throws PgError (as SQLSTATE 22021) for text PostgreSQL cannot store: a NUL byte.
    void add_text(std::string_view s);

    // Sets parameter `index` (from 1), the ones before it NULL until they are set.
    void set_int64(int index, std::int64_t v) { slot(index) = std::to_string(v); }
    void set_text(int index, std::string_view s);
    // Bytes sent in binary format, so NULs and any byte travel as they are (a BYTEA parameter).
    void set_blob(int index, std::string_view bytes);
    void set_null(int index) { slot(index).reset(); }
    void clear() {
        values_.clear();
        binary_.clear();
    }

    std::size_t size() const { return values_.size(); }
    // One pointer per parameter, nullptr for NULL; valid while this object lives unchanged.
    std::vector<const char*> pointers() const;
    // For libpq when any parameter is binary: byte lengths and formats (0 text, 1 binary).
    bool any_binary() const;
    std::vector<int> lengths() const;
    std::vector<int> formats() const;

private:
    std::optional<std::string>& slot(int index);

    std::vector<std::optional<std::string>> values_;
    std::vector<bool> binary_;  // per parameter, as long as values_
};

}  // namespace sanpi::store::postgres
