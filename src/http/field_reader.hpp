#pragma once
// Reads typed values out of a JSON request body, collecting every problem instead of stopping
// at the first: a wrong JSON type is a malformed request (400), an unacceptable value of the
// right type is a validation failure (422).
#include <boost/json/value.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/date.hpp"
#include "domain/error.hpp"
#include "domain/money.hpp"

namespace sanpi::http {

class FieldReader {
public:
    std::optional<std::string> string(const boost::json::value& v, std::string_view field);
    // A string folded to ASCII and trimmed (codes, dictionary keys).
    std::optional<std::string> code(const boost::json::value& v, std::string_view field);
    std::optional<std::int64_t> positive_id(const boost::json::value& v, std::string_view field);
    std::optional<std::int32_t> count(const boost::json::value& v, std::string_view field);
    // "12.5亿元", "3000万元", "1200000" or a non-negative integer of yuan.
    std::optional<domain::Money> money(const boost::json::value& v, std::string_view field);
    std::optional<domain::Date> date(const boost::json::value& v, std::string_view field);
    // Decimal 亩 with at most two decimals, as a string or number, returned in 0.01 亩.
    std::optional<std::int64_t> centimu(const boost::json::value& v, std::string_view field);
    std::optional<std::vector<std::int64_t>> id_list(const boost::json::value& v, std::string_view field);
    std::optional<std::vector<std::string>> string_list(const boost::json::value& v, std::string_view field);

    void wrong_type(std::string_view field, std::string_view zh, std::string_view en);
    void invalid(std::string_view field, std::string_view zh, std::string_view en);
    void invalid(const Error& error, std::string_view field);

    bool ok() const { return malformed_.empty() && invalid_.empty(); }
    const std::vector<FieldError>& malformed() const { return malformed_; }
    const std::vector<FieldError>& invalid() const { return invalid_; }

private:
    std::vector<FieldError> malformed_;
    std::vector<FieldError> invalid_;
};

}  // namespace sanpi::http
