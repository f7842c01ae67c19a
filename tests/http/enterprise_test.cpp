// The enterprise register: exact look-up by unified social credit code, registration by whoever
// may write projects, and what is refused (nothing written).
#include <algorithm>
#include <atomic>
#include <cctype>

#include "domain/credit_code.hpp"
#include "http_fixture.hpp"
#include "store/transact.hpp"

namespace sanpi::testing {
namespace {

namespace json = boost::json;

// A valid code no demo enterprise holds: 17 characters of our own and the GB 32100 check character.
// The servers of both backends live for the whole program, so each call gives a new code.
std::string fresh_credit_code() {
    static std::atomic<int> next{0};
    std::string first17 = "91149900MA" + std::to_string(1000000 + next++);
    return first17 + *domain::CreditCode::check_character(first17);
}

std::string lookup_path(const std::string& code) { return "/api/v1/enterprises?credit_code=" + code; }

std::vector<std::string> field_names(const HttpResponse& res) {
    std::vector<std::string> out;
    const auto body = res.json();
    for (const auto& e : body.at("errors").as_array()) out.emplace_back(e.at("field").as_string());
    return out;
}

bool refusal_names(const HttpResponse& res, const std::string& field) {
    const auto fields = field_names(res);
    return std::find(fields.begin(), fields.end(), field) != fields.end();
}

class EnterpriseTest : public HttpTest {
protected:
    // The audit chain's last sequence number, once every user named has a token: the first use of
    // a user makes one, and that is an audit entry of its own.
    std::int64_t audit_seq_after_signing_in(std::initializer_list<const char*> users) {
        for (const char* user : users) as(user);
        return audit_seq();
    }

    std::int64_t audit_seq() {
        auto head =
            store::read_value<std::optional<domain::ChainHead>>(store(), [](store::Tx& tx) { return tx.audit_head(); });
        EXPECT_TRUE(head);
        return head && *head ? (*head)->seq : 0;
    }

    json::array found(const std::string& user, const std::string& code) {
        auto res = as(user)->get(lookup_path(code));
        EXPECT_EQ(res.status, 200) << res.body;
        return res.status == 200 ? res.json().at("items").as_array() : json::array{};
    }

    // A demo investor's code, read from the store.
    std::string demo_credit_code() {
        auto e = store::read_value<std::optional<domain::Enterprise>>(
            store(), [](store::Tx& tx) { return tx.get_enterprise(1); });
        EXPECT_TRUE(e && *e);
        return (*e)->credit_code.str();
    }
};

TEST_P(EnterpriseTest, LookUpFindsADemoEnterpriseByItsCodeAndShowsOnlyItsIdentity) {
    const auto code = demo_credit_code();
    auto items = found("viewer", code);
    ASSERT_EQ(items.size(), 1u);
    const auto& e = items[0].as_object();
    EXPECT_EQ(e.at("id"), 1);
    EXPECT_EQ(e.at("credit_code").as_string(), code);
    EXPECT_FALSE(e.at("name").as_string().empty());
    EXPECT_EQ(e.size(), 3u) << json::serialize(e);
    // Lower case and full-width input reads the same code.
    std::string lower = code;
    for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    EXPECT_EQ(found("supervisor", lower).size(), 1u);
}

TEST_P(EnterpriseTest, LookUpOfAnUnregisteredCodeIsEmpty) {
    EXPECT_TRUE(found("taiyuan", fresh_credit_code()).empty());
}

TEST_P(EnterpriseTest, MalformedCodesAre400NamingCreditCodeWithTheReason) {
    std::string wrong_check = fresh_credit_code();
    wrong_check.back() = wrong_check.back() == '0' ? '1' : '0';
    for (const std::string& code : {std::string("91140100"), std::string("91140100MA0KXYZ1IO"), wrong_check}) {
        auto res = as("province")->get(lookup_path(code), {{"Accept-Language", "en"}});
        EXPECT_EQ(res.status, 400) << code << " " << res.body;
        ASSERT_TRUE(refusal_names(res, "credit_code")) << res.body;
        const auto body = res.json();
        EXPECT_FALSE(body.at("errors").as_array()[0].at("message").as_string().empty());
    }
    auto missing = as("province")->get("/api/v1/enterprises");
    EXPECT_EQ(missing.status, 400);
    EXPECT_TRUE(refusal_names(missing, "credit_code")) << missing.body;
    auto browsing = as("province")->get("/api/v1/enterprises?name=%E5%B1%B1%E8%A5%BF");
    EXPECT_EQ(browsing.status, 400);
    EXPECT_TRUE(refusal_names(browsing, "name")) << browsing.body;
}

TEST_P(EnterpriseTest, LookUpNeedsASignedInCaller) {
    EXPECT_EQ(anonymous()->get(lookup_path(demo_credit_code())).status, 401);
    EXPECT_EQ(anonymous()
                  ->post("/api/v1/enterprises", json::object{{"name", "某公司"}, {"credit_code", fresh_credit_code()}})
                  .status,
              401);
}

TEST_P(EnterpriseTest, AZoneUserRegistersAnEnterpriseThenFindsItAndTheAuditLogRecordsIt) {
    const auto code = fresh_credit_code();
    const auto seq = audit_seq_after_signing_in({"taiyuan-zgq", "viewer"});
    auto res = as("taiyuan-zgq")
                   ->post("/api/v1/enterprises",
                          json::object{{"name", "\u3000 山西测试新材料（集团）有限公司 "}, {"credit_code", code}});
    ASSERT_EQ(res.status, 201) << res.body;
    const auto body = res.json();
    const auto id = body.at("id").as_int64();
    EXPECT_GT(id, 0);
    EXPECT_EQ(body.at("name"), "山西测试新材料（集团）有限公司");
    EXPECT_EQ(body.at("credit_code").as_string(), code);
    EXPECT_EQ(res.header("location"), lookup_path(code));
    auto items = found("viewer", code);
    ASSERT_EQ(items.size(), 1u);
    EXPECT_EQ(items[0].at("id"), id);
    EXPECT_EQ(audit_seq(), seq + 1);
    auto log = as("province")->get("/api/v1/audit?entity_type=enterprise&entity_id=" + std::to_string(id));
    ASSERT_EQ(log.status, 200) << log.body;
    const auto entries = log.json().at("items").as_array();
    ASSERT_EQ(entries.size(), 1u) << log.body;
    EXPECT_EQ(entries[0].at("action"), "enterprise.create");
    EXPECT_EQ(entries[0].at("actor").at("name"), "taiyuan-zgq");
}

TEST_P(EnterpriseTest, ASecondRegistrationOfACodeIs409NamingTheHolder) {
    const auto code = demo_credit_code();
    const auto seq = audit_seq_after_signing_in({"province"});
    auto res = as("province")->post("/api/v1/enterprises", json::object{{"name", "另一家公司"}, {"credit_code", code}});
    ASSERT_EQ(res.status, 409) << res.body;
    EXPECT_TRUE(refusal_names(res, "credit_code")) << res.body;
    EXPECT_NE(res.json().at("detail").as_string().find("企业编号 1）"), std::string::npos) << res.body;
    EXPECT_EQ(audit_seq(), seq);
}

TEST_P(EnterpriseTest, ReadOnlyRolesMayNotRegister) {
    const auto seq = audit_seq_after_signing_in({"viewer", "supervisor", "taiyuan", "province"});
    for (const char* who : {"viewer", "supervisor", "taiyuan"}) {
        const auto code = fresh_credit_code();
        auto res =
            as(who)->post("/api/v1/enterprises", json::object{{"name", "只读角色登记的公司"}, {"credit_code", code}});
        EXPECT_EQ(res.status, 403) << who << " " << res.body;
        EXPECT_TRUE(found("province", code).empty()) << who;
    }
    EXPECT_EQ(audit_seq(), seq);
}

TEST_P(EnterpriseTest, BadNameAndCodeAreRefusedNamingEachFieldAndNothingIsWritten) {
    const auto seq = audit_seq_after_signing_in({"province"});
    auto both =
        as("province")->post("/api/v1/enterprises", json::object{{"name", "  "}, {"credit_code", "91140100MA0KXYZ12"}});
    EXPECT_EQ(both.status, 422) << both.body;
    EXPECT_TRUE(refusal_names(both, "name")) << both.body;
    EXPECT_TRUE(refusal_names(both, "credit_code")) << both.body;
    const auto code = fresh_credit_code();
    auto too_long =
        as("province")
            ->post("/api/v1/enterprises", json::object{{"name", std::string(121, 'A')}, {"credit_code", code}});
    EXPECT_EQ(too_long.status, 422) << too_long.body;
    EXPECT_EQ(field_names(too_long), std::vector<std::string>{"name"});
    auto missing = as("province")->post("/api/v1/enterprises", json::object{{"credit_code", code}});
    EXPECT_EQ(missing.status, 422) << missing.body;
    EXPECT_EQ(field_names(missing), std::vector<std::string>{"name"});
    auto wrong_type =
        as("province")
            ->post("/api/v1/enterprises", json::object{{"name", 5}, {"credit_code", code}, {"ownership", "state"}});
    EXPECT_EQ(wrong_type.status, 400) << wrong_type.body;
    EXPECT_TRUE(refusal_names(wrong_type, "name"));
    EXPECT_TRUE(refusal_names(wrong_type, "ownership"));
    EXPECT_TRUE(found("province", code).empty());
    EXPECT_EQ(audit_seq(), seq);
}

INSTANTIATE_TEST_SUITE_P(Backends, EnterpriseTest, ::testing::ValuesIn(all_backends()), backend_param_name);

}  // namespace
}  // namespace sanpi::testing
