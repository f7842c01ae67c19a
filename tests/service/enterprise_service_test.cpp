// Registering investor enterprises and finding them by credit code, on both backends.
#include "service/enterprise_service.hpp"

#include "domain/credit_code.hpp"
#include "service_fixture.hpp"

namespace sanpi::testing {
namespace {

using service::EnterpriseInput;

// A valid code no demo enterprise holds (a fresh database per test: one code is enough).
std::string unused_credit_code() {
    const std::string first17 = "91149900MA0000001";
    return first17 + *domain::CreditCode::check_character(first17);
}

class EnterpriseServiceTest : public ServiceTest {
protected:
    service::EnterpriseService enterprises() { return service::EnterpriseService(store(), clock_); }

    // As the province, which sees the whole register (others see the enterprises of their scope).
    std::optional<domain::Enterprise> find(const std::string& code, const char* who = "province") {
        return enterprises().find_by_credit_code(as(who), domain::CreditCode::parse(code).value()).value();
    }

    std::int64_t audit_entries() {
        auto head =
            store::read_value<std::optional<domain::ChainHead>>(store(), [](store::Tx& tx) { return tx.audit_head(); });
        return head.value() ? (*head)->seq : 0;
    }
};

TEST_P(EnterpriseServiceTest, AZoneUserRegistersOneThatItAndTheProvinceThenFind) {
    const auto code = unused_credit_code();
    EXPECT_FALSE(find(code));
    const auto before = audit_entries();
    auto created = enterprises().create(as("taiyuan-zgq"), EnterpriseInput{" 山西测试装备有限公司\u3000", code});
    ASSERT_TRUE(created) << created.error().message.en;
    EXPECT_GT(created->id, 0);
    EXPECT_EQ(created->name, "山西测试装备有限公司");
    auto again = find(code);
    ASSERT_TRUE(again);
    EXPECT_EQ(again->id, created->id);
    EXPECT_EQ(again->name, "山西测试装备有限公司");
    EXPECT_EQ(again->ownership, domain::Ownership::kOther);
    EXPECT_EQ(find(code, "taiyuan-zgq")->id, created->id);
    EXPECT_EQ(audit_entries(), before + 1);
}

TEST_P(EnterpriseServiceTest, ADuplicateCodeConflictsNamingTheHolder) {
    const auto code = unused_credit_code();
    const auto first = enterprises().create(as("province"), EnterpriseInput{"第一家公司", code}).value();
    const auto before = audit_entries();
    auto second = enterprises().create(as("province"), EnterpriseInput{"第二家公司", code});
    ASSERT_FALSE(second);
    EXPECT_EQ(second.error().code, ErrorCode::kConflict);
    ASSERT_EQ(second.error().fields.size(), 1u);
    EXPECT_EQ(second.error().fields[0].field, "credit_code");
    EXPECT_NE(second.error().message.en.find("enterprise id " + std::to_string(first.id)), std::string::npos);
    EXPECT_EQ(find(code)->name, "第一家公司");
    EXPECT_EQ(audit_entries(), before);
}

TEST_P(EnterpriseServiceTest, ReadOnlyRolesAreForbiddenAndNothingIsWritten) {
    const auto code = unused_credit_code();
    for (const char* who : {"viewer", "supervisor", "taiyuan"}) {
        auto created = enterprises().create(as(who), EnterpriseInput{"某公司", code});
        ASSERT_FALSE(created) << who;
        EXPECT_EQ(created.error().code, ErrorCode::kForbidden) << who;
    }
    EXPECT_FALSE(find(code));
}

TEST_P(EnterpriseServiceTest, EveryBadFieldIsNamedAtOnce) {
    auto created = enterprises().create(as("province"), EnterpriseInput{" ", "91140100MA0KXYZ12"});
    ASSERT_FALSE(created);
    EXPECT_EQ(created.error().code, ErrorCode::kInvalidInput);
    ASSERT_EQ(created.error().fields.size(), 2u);
    EXPECT_EQ(created.error().fields[0].field, "name");
    EXPECT_EQ(created.error().fields[1].field, "credit_code");
    EXPECT_NE(created.error().fields[1].message.en.find("18"), std::string::npos);
}

INSTANTIATE_TEST_SUITE_P(Backends, EnterpriseServiceTest, ::testing::ValuesIn(all_backends()), backend_param_name);

}  // namespace
}  // namespace sanpi::testing
