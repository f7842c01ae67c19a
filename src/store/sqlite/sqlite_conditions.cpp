#include "store/sqlite/sqlite_conditions.hpp"

#include "store/sqlite/sqlite_codec.hpp"

namespace sanpi::store::sqlite {

void Conditions::add(std::string_view term, SqlValue value) {
    terms_.emplace_back(term);
    params_.push_back(std::move(value));
}

void Conditions::add(std::string_view term, SqlValue first, SqlValue second) {
    terms_.emplace_back(term);
    params_.push_back(std::move(first));
    params_.push_back(std::move(second));
}

std::string Conditions::where() const {
    std::string out;
    for (const auto& t : terms_) {
        out += out.empty() ? " WHERE " : " AND ";
        out += t;
    }
    return out;
}

int Conditions::bind(Statement& st, int first_index) const {
    int index = first_index;
    for (const auto& p : params_) {
        std::visit([&](const auto& v) { bind_one(st, index, v); }, p);
        ++index;
    }
    return index;
}

bool is_digits(std::string_view s, std::size_t max) {
    if (s.empty() || s.size() > max) return false;
    for (char c : s) {
        if (c < '0' || c > '9') return false;
    }
    return true;
}

Result<void> add_scope(Conditions& where, const domain::Scope& scope, std::string_view zone_id_column,
                       std::string_view region_column) {
    switch (scope.kind) {
        case domain::Scope::Kind::kAll:
            return {};
        case domain::Scope::Kind::kZone:
            where.add(std::string(zone_id_column) + " = ?", scope.zone_id);
            return {};
        case domain::Scope::Kind::kRegion:
            // Digits only, so the prefix cannot carry LIKE wildcards.
            if (!is_digits(scope.region_prefix, 6)) return Error::forbidden("权限范围无效", "invalid access scope");
            where.add(std::string(region_column) + " LIKE ?", scope.region_prefix + "%");
            return {};
    }
    return Error::forbidden("权限范围无效", "invalid access scope");
}

std::string like_contains_pattern(std::string_view text) {
    std::string out = "%";
    for (char c : text) {
        if (c == '%' || c == '_' || c == '!') out += '!';
        out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    }
    out += '%';
    return out;
}

}  // namespace sanpi::store::sqlite
