#pragma once
// Builders and a fixture for the coordination item HTTP tests: one demo zone with its account,
// its city's account, a project inside it and one outside its city, and snapshots that prove a
// refused request changed nothing.
#include <map>
#include <string>

#include "domain/coordination_item.hpp"
#include "http_fixture.hpp"
#include "service/clock.hpp"
#include "store/transact.hpp"

namespace sanpi::testing {

// A complete, valid create body (the test clock's today is 2024-01-15).
inline boost::json::object make_item_body() {
    return {{"category", "land"},
            {"description", "二期用地指标不足，需协调新增建设用地指标"},
            {"responsible_department", "市自然资源和规划局"},
            {"deadline", "2024-03-31"}};
}

class CoordinationHttpTest : public HttpTest {
protected:
    void SetUp() override {
        const auto zone = all_zones().at(1);
        zone_id_ = zone.id;
        zone_slug_ = zone.slug;
        city_code_ = zone.region.city().str();
        city_slug_ = city_account(city_code_);
        project_ = project_in_zone(zone_id_);
        foreign_project_ = project_outside_city(city_code_);
    }

    static std::string items_path(std::int64_t project_id) {
        return "/api/v1/projects/" + std::to_string(project_id) + "/coordination-items";
    }
    static std::string item_path(std::int64_t id) { return "/api/v1/coordination-items/" + std::to_string(id); }
    static HeaderList if_match(std::int64_t version) { return {{"If-Match", "\"" + std::to_string(version) + "\""}}; }

    std::unique_ptr<HttpClient> zone_user() { return as(zone_slug_); }
    std::unique_ptr<HttpClient> city_user() { return as(city_slug_); }

    // Raises an item on `project_id` (default: the zone's project) as the zone; returns its id.
    std::int64_t create(boost::json::object body = make_item_body(), std::int64_t project_id = 0) {
        auto res = zone_user()->post(items_path(project_id ? project_id : project_), body);
        EXPECT_EQ(res.status, 201) << res.body;
        return res.status == 201 ? res.json().at("id").as_int64() : 0;
    }

    // PATCHes the item at its current version; returns the answer.
    HttpResponse patch_current(std::int64_t id, const boost::json::object& body) {
        return zone_user()->patch(item_path(id), body, if_match(stored(id).item.version));
    }

    store::CoordinationItemRecord stored(std::int64_t id) {
        auto r = store::read_value<std::optional<store::CoordinationItemRecord>>(
            store(), [&](store::Tx& tx) { return tx.get_coordination_item(store::Scope::all(), id); });
        EXPECT_TRUE(r && *r) << "item " << id;
        return r && *r ? **r : store::CoordinationItemRecord{};
    }

    // Every item of every project (in `scope`), walking the store's pages.
    std::vector<store::CoordinationItemRecord> all_items(const domain::Scope& scope = domain::Scope::all(),
                                                         store::CoordinationQuery q = {}) {
        std::vector<store::CoordinationItemRecord> out;
        q.limit = 500;
        for (q.offset = 0;; q.offset += q.limit) {
            auto page = store::read_value<store::Page<store::CoordinationItemRecord>>(
                store(), [&](store::Tx& tx) { return tx.list_coordination_items(scope, q); });
            EXPECT_TRUE(page);
            if (!page || page->items.empty()) break;
            out.insert(out.end(), page->items.begin(), page->items.end());
        }
        return out;
    }

    // id -> version of every item, to prove a refused request changed nothing.
    std::map<std::int64_t, std::int64_t> item_snapshot() {
        std::map<std::int64_t, std::int64_t> out;
        for (const auto& r : all_items()) out[r.item.id] = r.item.version;
        return out;
    }

    domain::Date today() { return env().clock.today(); }

    std::int64_t zone_id_ = 0;
    std::string zone_slug_;
    std::string city_code_;
    std::string city_slug_;
    std::int64_t project_ = 0;          // a demo project in zone_
    std::int64_t foreign_project_ = 0;  // a demo project in another city

private:
    std::string city_account(const std::string& city_code) {
        auto regions =
            store::read_value<std::vector<domain::Region>>(store(), [](store::Tx& tx) { return tx.list_regions(); });
        EXPECT_TRUE(regions);
        for (const auto& r : *regions) {
            if (r.code.str() == city_code) return r.slug;
        }
        ADD_FAILURE() << "no region " << city_code;
        return {};
    }

    std::int64_t project_outside_city(const std::string& city_code) {
        for (const auto& z : all_zones()) {
            if (z.region.city().str() != city_code) return project_in_zone(z.id);
        }
        return 0;
    }
};

// Moves the shared test clock for one test and puts it back.
class ClockShift {
public:
    ClockShift(service::FixedClock& clock, store::Timestamp to) : clock_(clock), saved_(clock.now()) { clock_.set(to); }
    ~ClockShift() { clock_.set(saved_); }
    ClockShift(const ClockShift&) = delete;
    ClockShift& operator=(const ClockShift&) = delete;

private:
    service::FixedClock& clock_;
    store::Timestamp saved_;
};

}  // namespace sanpi::testing
