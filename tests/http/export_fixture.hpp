#pragma once
// What the XLSX export tests share: a download that must succeed, the fields a refused one names,
// and every item of a paged JSON list to compare a workbook with.
#include <set>
#include <string>

#include "http_fixture.hpp"
#include "xlsx_reader.hpp"

namespace sanpi::testing {

inline constexpr const char* kXlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

class ExportTest : public HttpTest {
protected:
    HttpResponse download(const std::string& user, const std::string& target) {
        auto res = as(user)->get(target);
        EXPECT_EQ(res.status, 200) << target << " " << res.body.substr(0, 500);
        if (res.status == 200) {
            EXPECT_EQ(res.header("content-type"), kXlsxContentType);
        }
        return res;
    }

    boost::json::object workbook(const std::string& user, const std::string& target) {
        auto res = download(user, target);
        return res.status == 200 ? read_xlsx(res.body) : boost::json::object{};
    }

    // The fields a 400 answer names (a test failure if the answer is not a 400 problem).
    std::set<std::string> refused_fields(const std::string& user, const std::string& target) {
        auto res = as(user)->get(target);
        EXPECT_EQ(res.status, 400) << target << " " << res.body.substr(0, 300);
        std::set<std::string> out;
        if (res.status != 400) return out;
        EXPECT_EQ(res.header("content-type").rfind("application/problem+json", 0), 0u);
        const auto body = res.json();
        for (const auto& e : body.at("errors").as_array()) out.insert(std::string(e.at("field").as_string()));
        return out;
    }

    // Every item of a list answering {"items", "total"}, page after page (`query` without paging).
    boost::json::array listed(const std::string& user, const std::string& list, const std::string& query = "") {
        boost::json::array out;
        for (int page = 1;; ++page) {
            const auto target =
                list + "?page_size=500&page=" + std::to_string(page) + (query.empty() ? "" : "&" + query);
            auto res = as(user)->get(target);
            EXPECT_EQ(res.status, 200) << target << " " << res.body.substr(0, 300);
            if (res.status != 200) return out;
            const auto body = res.json();
            const auto& items = body.at("items").as_array();
            for (const auto& item : items) out.push_back(item);
            if (items.empty() || static_cast<std::int64_t>(out.size()) >= body.at("total").as_int64()) return out;
        }
    }

    // The header rows (3 and 4) of a workbook in the official layout.
    static const boost::json::array& upper_header(const boost::json::object& book) {
        return book.at("rows").as_array().at(2).as_array();
    }
    static const boost::json::array& lower_header(const boost::json::object& book) {
        return book.at("rows").as_array().at(3).as_array();
    }
};

}  // namespace sanpi::testing
