// The industry chain routes over a real server: every route, their refusals (400, 403, 404, 409,
// 428, 422) writing nothing, scope in the counts, suppliers, a chain's deletion, and the chain map
// table exported, imported back (refused while the chains exist, all or nothing) and round-tripped
// through an emptied chain set.
#include <algorithm>
#include <set>

#include "http/chain_sheet_xlsx.hpp"
#include "http_fixture.hpp"
#include "service/auth_service.hpp"
#include "service/chain_sheet.hpp"
#include "service/project_service.hpp"
#include "store/builders.hpp"
#include "store/transact.hpp"
#include "support/demo_store.hpp"

namespace sanpi::testing {
namespace {

namespace json = boost::json;

constexpr std::string_view kChainBoundary = "----sanpi-chain-boundary";
const HeaderList kChainMultipart{{"Content-Type", "multipart/form-data; boundary=" + std::string(kChainBoundary)}};

std::string chain_sheet_upload(const std::string& bytes, const std::string& name) {
    return "--" + std::string(kChainBoundary) + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" +
           name + "\"\r\nContent-Type: application/octet-stream\r\n\r\n" + bytes + "\r\n--" +
           std::string(kChainBoundary) + "--\r\n";
}

HeaderList chain_if_match(std::int64_t version) { return {{"If-Match", "\"" + std::to_string(version) + "\""}}; }

std::vector<std::string> chain_error_fields(const HttpResponse& res) {
    std::vector<std::string> out;
    const auto body = res.json();
    for (const auto& e : body.at("errors").as_array()) out.emplace_back(e.at("field").as_string());
    return out;
}

class ChainsHttpTest : public HttpTest {
protected:
    std::int64_t zone_id(const std::string& code) {
        for (const auto& z : all_zones()) {
            if (z.code == code || z.slug == code) return z.id;
        }
        ADD_FAILURE() << "no zone " << code;
        return 0;
    }

    json::object created(HttpClient& client, const std::string& target, const json::object& body) {
        auto res = client.post(target, body);
        EXPECT_EQ(res.status, 201) << target << " " << res.body;
        return res.status == 201 ? res.json().as_object() : json::object{};
    }

    std::int64_t new_chain(const std::string& name) {
        return created(*as("province"), "/api/v1/chains",
                       {{"name", name}, {"industry", "new_energy"}, {"leader_post", "副省长 测试"}})
            .at("id")
            .as_int64();
    }

    std::int64_t new_node(std::int64_t chain, json::object body) {
        return created(*as("province"), "/api/v1/chains/" + std::to_string(chain) + "/nodes", body).at("id").as_int64();
    }

    std::string chain_path(std::int64_t chain) { return "/api/v1/chains/" + std::to_string(chain); }

    // If-Match with the chain's version now.
    HeaderList current(std::int64_t chain) {
        return chain_if_match(as("province")->get(chain_path(chain)).json().at("version").as_int64());
    }

    // A project of `zone` at `node`, through the project API.
    std::int64_t project_at(const std::string& zone, std::int64_t node, const std::string& name) {
        auto res = as("province")
                       ->post("/api/v1/projects", {{"name", name},
                                                   {"zone_id", zone_id(zone)},
                                                   {"industry", "new_energy"},
                                                   {"total_investment", "2亿元"},
                                                   {"chain_node_id", node}});
        EXPECT_EQ(res.status, 201) << res.body;
        return res.status == 201 ? res.json().at("id").as_int64() : 0;
    }

    static const json::object* node_of(const json::value& tree, std::int64_t id) {
        for (const auto& n : tree.at("nodes").as_array()) {
            if (n.at("id").as_int64() == id) return &n.as_object();
        }
        return nullptr;
    }
};

TEST_P(ChainsHttpTest, TheTreeOfAChainForARegion) {
    const auto chain = new_chain("接口测试链一");
    const auto root = new_node(chain, {{"name", "材料"}, {"segment", "upstream"}});
    const auto leaf = new_node(chain, {{"name", "正极"}, {"parent_id", root}});
    const auto gap = new_node(chain, {{"name", "电池"}, {"segment", "中游"}});
    project_at("taiyuan-zgq", leaf, "接口链项目一");

    auto res = as("viewer")->get(chain_path(chain) + "?region=140100");
    ASSERT_EQ(res.status, 200) << res.body;
    const auto tree = res.json();
    EXPECT_EQ(tree.at("name"), "接口测试链一");
    EXPECT_EQ(tree.at("leader_post"), "副省长 测试");
    EXPECT_EQ(tree.at("area").at("kind"), "city");
    ASSERT_EQ(tree.at("nodes").as_array().size(), 3u);
    const auto* l = node_of(tree, leaf);
    ASSERT_NE(l, nullptr);
    EXPECT_EQ(l->at("parent_id").as_int64(), root);
    EXPECT_EQ(l->at("segment"), "upstream");
    EXPECT_EQ(l->at("projects").as_int64(), 1);
    EXPECT_EQ(l->at("investment"), "200000000");
    EXPECT_EQ(l->at("gap"), false);
    EXPECT_EQ(node_of(tree, gap)->at("gap"), true);
    EXPECT_EQ(node_of(tree, root)->at("parent_id"), nullptr);

    // Datong sees none of Taiyuan's project; a zone user sees only its zone.
    auto datong = as("datong")->get(chain_path(chain));
    ASSERT_EQ(datong.status, 200);
    EXPECT_EQ(node_of(datong.json(), leaf)->at("gap"), true);
    EXPECT_EQ(node_of(as("taiyuan-zgq")->get(chain_path(chain)).json(), leaf)->at("projects").as_int64(), 1);

    auto list = as("viewer")->get("/api/v1/chains?region=140100");
    ASSERT_EQ(list.status, 200) << list.body;
    bool found = false;
    const auto listed = list.json();  // the loop below reads inside it
    for (const auto& c : listed.at("items").as_array()) {
        if (c.at("id").as_int64() != chain) continue;
        found = true;
        EXPECT_EQ(c.at("coverage").at("leaves").as_int64(), 2);
        EXPECT_EQ(c.at("coverage").at("gap_leaves").as_int64(), 1);
        EXPECT_EQ(c.at("coverage").at("investment"), "200000000");
    }
    EXPECT_TRUE(found);

    auto items = as("province")->get(chain_path(chain) + "/nodes/" + std::to_string(root) + "?region=140100");
    ASSERT_EQ(items.status, 200) << items.body;
    EXPECT_EQ(items.json().at("projects").as_array().size(), 1u);

    auto targets = as("province")->get(chain_path(chain) + "/targets?region=140200");
    ASSERT_EQ(targets.status, 200) << targets.body;
    const auto t = targets.json();
    EXPECT_EQ(t.at("area").at("neighbours"), "cities");
    ASSERT_FALSE(t.at("items").as_array().empty());
    EXPECT_EQ(t.at("items").at(0).at("rank").as_int64(), 1);
    EXPECT_EQ(t.at("items").at(0).at("places").at(0).at("code"), "140100");
}

TEST_P(ChainsHttpTest, BadQueriesAndUnknownChains) {
    auto viewer = as("viewer");
    EXPECT_EQ(viewer->get("/api/v1/chains?region=14").status, 400);
    EXPECT_EQ(viewer->get("/api/v1/chains?colour=red").status, 400);
    EXPECT_EQ(viewer->get("/api/v1/chains?zone=abc").status, 400);
    auto unknown_region = viewer->get("/api/v1/chains?region=150100");
    EXPECT_EQ(unknown_region.status, 422) << unknown_region.body;
    EXPECT_EQ(chain_error_fields(unknown_region), std::vector<std::string>{"region"});
    EXPECT_EQ(viewer->get("/api/v1/chains/99999999").status, 404);
    EXPECT_EQ(viewer->get("/api/v1/chains/99999999/targets").status, 404);
    EXPECT_EQ(viewer->get("/api/v1/chains/abc").status, 400);
    EXPECT_EQ(anonymous()->get("/api/v1/chains").status, 401);
}

TEST_P(ChainsHttpTest, WritesAreTheProvincesAndBadInputWritesNothing) {
    const auto chain = new_chain("接口测试链二");
    const auto root = new_node(chain, {{"name", "材料"}, {"segment", "upstream"}});
    const auto child = new_node(chain, {{"name", "负极"}, {"parent_id", root}});
    auto province = as("province");
    const auto version = province->get(chain_path(chain)).json().at("version").as_int64();

    EXPECT_EQ(as("taiyuan")->post("/api/v1/chains", {{"name", "城市链"}, {"industry", "new_energy"}}).status, 403);
    EXPECT_EQ(as("taiyuan")->post(chain_path(chain) + "/nodes", {{"name", "x"}, {"segment", "upstream"}}).status, 403);
    auto empty = province->post("/api/v1/chains", {{"name", ""}, {"industry", "new_energy"}});
    EXPECT_EQ(empty.status, 422);
    EXPECT_EQ(chain_error_fields(empty), std::vector<std::string>{"name"});
    EXPECT_EQ(province->post("/api/v1/chains", {{"name", "接口测试链二"}, {"industry", "new_energy"}}).status, 409);
    EXPECT_EQ(province->post("/api/v1/chains", {{"name", 3}, {"industry", "new_energy"}}).status, 400);
    auto cycle = province->patch(chain_path(chain) + "/nodes/" + std::to_string(root), {{"parent_id", child}},
                                 chain_if_match(version));
    EXPECT_EQ(cycle.status, 422) << cycle.body;
    EXPECT_EQ(chain_error_fields(cycle), std::vector<std::string>{"parent_id"});
    auto segment = province->post(chain_path(chain) + "/nodes", {{"name", "y"}, {"segment", "sideways"}});
    EXPECT_EQ(chain_error_fields(segment), std::vector<std::string>{"segment"});
    auto twice = province->post(chain_path(chain) + "/nodes", {{"name", "负极"}, {"parent_id", root}});
    EXPECT_EQ(chain_error_fields(twice), std::vector<std::string>{"name"});
    EXPECT_EQ(province->patch(chain_path(chain) + "/nodes/99999999", {{"name", "z"}}, chain_if_match(version)).status,
              404);
    EXPECT_EQ(province->get(chain_path(chain)).json().at("version").as_int64(), version);
    EXPECT_EQ(province->get(chain_path(chain)).json().at("nodes").as_array().size(), 2u);

    EXPECT_EQ(province->patch(chain_path(chain), {{"leader_post", "副省长 新"}}).status, 428);
    EXPECT_EQ(province->patch(chain_path(chain), {{"leader_post", "副省长 新"}}, chain_if_match(version - 1)).status,
              409);
    auto renamed = province->patch(chain_path(chain), {{"leader_post", "副省长 新"}}, chain_if_match(version));
    ASSERT_EQ(renamed.status, 200) << renamed.body;
    EXPECT_EQ(renamed.json().at("leader_post"), "副省长 新");
    EXPECT_EQ(renamed.header("etag"), "\"" + std::to_string(version + 1) + "\"");

    // Map an enterprise and a project; the node cannot be deleted until both are gone.
    const auto project = project_at("taiyuan-zgq", child, "接口链项目二");
    auto got = province->get("/api/v1/projects/" + std::to_string(project)).json();
    const auto enterprise =
        got.at("investor_ids").as_array().empty() ? std::int64_t{1} : got.at("investor_ids").at(0).as_int64();
    const auto map_path =
        chain_path(chain) + "/nodes/" + std::to_string(child) + "/enterprises/" + std::to_string(enterprise);
    EXPECT_EQ(province->request("PUT", map_path).status, 204);
    EXPECT_EQ(province->request("PUT", chain_path(chain) + "/nodes/" + std::to_string(child) + "/enterprises/99999999")
                  .status,
              404);
    EXPECT_EQ(province->request("PUT", chain_path(chain) + "/owners/" + std::to_string(enterprise)).status, 204);
    EXPECT_EQ(province->get(chain_path(chain)).json().at("chain_owners").as_array().size(), 1u);
    EXPECT_EQ(
        province->request("DELETE", chain_path(chain) + "/nodes/" + std::to_string(root), "", current(chain)).status,
        409);
    EXPECT_EQ(province->request("DELETE", map_path).status, 204);
    EXPECT_EQ(province->request("DELETE", map_path).status, 404);
    EXPECT_EQ(province->request("DELETE", chain_path(chain) + "/owners/" + std::to_string(enterprise)).status, 204);
    EXPECT_EQ(
        province->request("DELETE", chain_path(chain) + "/nodes/" + std::to_string(root), "", current(chain)).status,
        409)
        << "the project still maps to 负极";
    auto version_now = province->get("/api/v1/projects/" + std::to_string(project)).json().at("version").as_int64();
    auto unmapped = province->patch("/api/v1/projects/" + std::to_string(project), {{"chain_node_id", nullptr}},
                                    chain_if_match(version_now));
    ASSERT_EQ(unmapped.status, 200) << unmapped.body;
    EXPECT_EQ(
        province->request("DELETE", chain_path(chain) + "/nodes/" + std::to_string(root), "", current(chain)).status,
        204);
    EXPECT_TRUE(province->get(chain_path(chain)).json().at("nodes").as_array().empty());

    auto bad_node = province->patch("/api/v1/projects/" + std::to_string(project), {{"chain_node_id", 99999999}},
                                    chain_if_match(version_now + 1));
    EXPECT_EQ(bad_node.status, 422) << bad_node.body;
    EXPECT_EQ(chain_error_fields(bad_node), std::vector<std::string>{"chain_node_id"});
}

TEST_P(ChainsHttpTest, ExportAndImportTheChainMapTable) {
    auto province = as("province");
    auto exported = province->get("/api/v1/chains/export.xlsx?lang=zh");
    ASSERT_EQ(exported.status, 200) << exported.body.substr(0, 200);
    EXPECT_EQ(exported.header("content-type"), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    EXPECT_EQ(as("viewer")->get("/api/v1/chains/export.xlsx?lang=en").status, 200);

    // Back into the same database: every chain exists already, so nothing is written.
    auto again = province->request("POST", "/api/v1/chains/import", chain_sheet_upload(exported.body, "chains.xlsx"),
                                   kChainMultipart);
    EXPECT_EQ(again.status, 422) << again.body;
    const auto rejected = again.json().at("rejected").as_array();
    ASSERT_FALSE(rejected.empty());
    EXPECT_EQ(rejected.at(0).at("column"), "产业链");
    EXPECT_EQ(rejected.at(0).at("row").as_int64(), 5);
    EXPECT_EQ(
        as("taiyuan")
            ->request("POST", "/api/v1/chains/import", chain_sheet_upload(exported.body, "c.xlsx"), kChainMultipart)
            .status,
        403);

    // A CSV of a new chain: previewed, then committed; a bad row refuses the whole file.
    const std::string csv =
        "产业链,产业,链长,环节,一级节点,二级节点,链主企业\n"
        "导入测试链,新能源,副省长 导入,上游,材料,,\n"
        "导入测试链,新能源,副省长 导入,上游,材料,正极,\n"
        "导入测试链,新能源,副省长 导入,下游,整车,,\n";
    auto preview = province->request("POST", "/api/v1/chains/import?dry_run=true", chain_sheet_upload(csv, "c.csv"),
                                     kChainMultipart);
    ASSERT_EQ(preview.status, 200) << preview.body;
    EXPECT_EQ(preview.json().at("nodes").as_int64(), 3);
    EXPECT_EQ(preview.json().at("committed"), false);
    const std::string bad = csv +
                            "导入测试链,新能源,,中游,电池,电芯,无此企业（911401000000000000）\n"
                            "导入测试链,新能源,,左游,其他,,\n";
    auto refused =
        province->request("POST", "/api/v1/chains/import", chain_sheet_upload(bad, "c.csv"), kChainMultipart);
    ASSERT_EQ(refused.status, 422) << refused.body;
    std::set<std::string> columns;
    const auto refusal = refused.json();
    for (const auto& r : refusal.at("rejected").as_array()) columns.insert(std::string(r.at("column").as_string()));
    EXPECT_EQ(columns, (std::set<std::string>{"一级节点", "环节"}));
    // A chain's own row (no segment, no node) lists owners only, once.
    const std::string own_rows =
        "产业链,产业,链长,环节,一级节点,链主企业,关联项目\n"
        "导入测试链二,新能源,,,,,SX-0001\n"
        "导入测试链二,新能源,,,,,\n";
    auto own =
        province->request("POST", "/api/v1/chains/import", chain_sheet_upload(own_rows, "c.csv"), kChainMultipart);
    ASSERT_EQ(own.status, 422) << own.body;
    columns.clear();
    const auto own_refusal = own.json();
    for (const auto& r : own_refusal.at("rejected").as_array()) columns.insert(std::string(r.at("column").as_string()));
    EXPECT_EQ(columns, (std::set<std::string>{"产业链", "关联项目"}));
    auto committed =
        province->request("POST", "/api/v1/chains/import", chain_sheet_upload(csv, "c.csv"), kChainMultipart);
    ASSERT_EQ(committed.status, 200) << committed.body;
    EXPECT_EQ(committed.json().at("committed"), true);
    bool found = false;
    const auto all = province->get("/api/v1/chains").json();
    for (const auto& c : all.at("items").as_array()) {
        if (c.at("name") == "导入测试链") {
            found = true;
            EXPECT_EQ(c.at("coverage").at("nodes").as_int64(), 3);
            EXPECT_EQ(c.at("leader_post"), "副省长 导入");
        }
    }
    EXPECT_TRUE(found);
}

TEST_P(ChainsHttpTest, SuppliersNodeVersionsAndDeletingAChain) {
    const auto chain = new_chain("接口测试链三");
    const auto root = new_node(chain, {{"name", "材料"}, {"segment", "upstream"}});
    const auto leaf = new_node(chain, {{"name", "正极"}, {"parent_id", root}});
    auto province = as("province");
    const auto project = project_at("taiyuan-zgq", leaf, "接口链项目三");
    // The owner: an investor of one of the zone's demo projects (so the zone sees it).
    const auto listed_here =
        province->get("/api/v1/projects?page_size=1&zone=" + std::to_string(zone_id("taiyuan-zgq"))).json();
    const auto owner = listed_here.at("items").at(0).at("investor_ids").at(0).as_int64();
    EXPECT_EQ(province->request("PUT", chain_path(chain) + "/owners/" + std::to_string(owner)).status, 204);

    // Node writes need the chain's ETag: 428 without, 409 when stale, a new ETag after.
    const auto node_path = chain_path(chain) + "/nodes/" + std::to_string(leaf);
    EXPECT_EQ(province->patch(node_path, {{"name", "正极材料"}}).status, 428);
    const auto version = province->get(chain_path(chain)).json().at("version").as_int64();
    EXPECT_EQ(province->patch(node_path, {{"name", "正极材料"}}, chain_if_match(version - 1)).status, 409);
    auto renamed = province->patch(node_path, {{"name", "正极材料"}}, chain_if_match(version));
    ASSERT_EQ(renamed.status, 200) << renamed.body;
    EXPECT_EQ(renamed.header("etag"), "\"" + std::to_string(version + 1) + "\"");
    EXPECT_EQ(province->request("DELETE", node_path).status, 428);

    // Suppliers: written by the province with If-Match on edits, read by everyone.
    const auto suppliers = chain_path(chain) + "/suppliers";
    const json::object body{
        {"owner_id", owner}, {"node_id", leaf}, {"name", "苏州正极配套有限公司"}, {"region", "320500"}};
    EXPECT_EQ(as("taiyuan")->post(suppliers, body).status, 403);
    auto bad = province->post(suppliers, {{"owner_id", owner}, {"node_id", leaf}, {"name", "x"}, {"region", "abc"}});
    EXPECT_EQ(bad.status, 422) << bad.body;
    EXPECT_EQ(chain_error_fields(bad), std::vector<std::string>{"region"});
    EXPECT_EQ(province->post(suppliers, {{"name", 3}}).status, 400);
    auto made = province->post(suppliers, body);
    ASSERT_EQ(made.status, 201) << made.body;
    EXPECT_EQ(made.header("etag"), "\"1\"");
    const auto supplier = made.json().at("id").as_int64();
    EXPECT_EQ(made.json().at("region").at("name"), "苏州市");
    EXPECT_EQ(made.json().at("owner").at("id").as_int64(), owner);
    const auto one = suppliers + "/" + std::to_string(supplier);
    EXPECT_EQ(province->patch(one, {{"credit_code", nullptr}}).status, 428);
    EXPECT_EQ(province->patch(one, {{"region", "440300"}}, chain_if_match(7)).status, 409);
    auto edited = province->patch(one, {{"region", "440300"}}, chain_if_match(1));
    ASSERT_EQ(edited.status, 200) << edited.body;
    EXPECT_EQ(edited.header("etag"), "\"2\"");
    auto listed = as("viewer")->get(suppliers);
    ASSERT_EQ(listed.status, 200);
    EXPECT_EQ(listed.json().at("items").as_array().size(), 1u);
    auto node = as("viewer")->get(node_path);
    EXPECT_EQ(node.json().at("suppliers").as_array().size(), 1u);
    // A supplier names its owner, a register entry: the owner's zone sees it, a zone elsewhere does
    // not (nor the owner in the tree) until its own projects bring the owner into its view.
    EXPECT_EQ(as("taiyuan-zgq")->get(suppliers).json().at("items").as_array().size(), 1u);
    EXPECT_EQ(as("datong-etdz")->get(suppliers).json().at("items").as_array().size(), 0u);
    EXPECT_EQ(as("datong-etdz")->get(node_path).json().at("suppliers").as_array().size(), 0u);
    const auto shows_owner = [&](const char* who) {
        const auto tree = as(who)->get(chain_path(chain)).json();
        const auto& owners = tree.at("chain_owners").as_array();
        return std::any_of(owners.begin(), owners.end(), [&](const auto& o) { return o.at("id").as_int64() == owner; });
    };
    EXPECT_FALSE(shows_owner("datong-etdz"));
    EXPECT_TRUE(shows_owner("taiyuan-zgq"));
    // Targets carry the suppliers half (no more "not_recorded").
    auto targets = province->get(chain_path(chain) + "/targets?region=140100");
    ASSERT_EQ(targets.status, 200);
    EXPECT_FALSE(targets.json().as_object().contains("suppliers"));

    // The chain: 409 while a project maps to it, then deleted with its nodes, owners and suppliers.
    EXPECT_EQ(province->request("DELETE", chain_path(chain)).status, 428);
    auto refused = province->request("DELETE", chain_path(chain), "", current(chain));
    EXPECT_EQ(refused.status, 409) << refused.body;
    const auto project_version =
        province->get("/api/v1/projects/" + std::to_string(project)).json().at("version").as_int64();
    ASSERT_EQ(province
                  ->patch("/api/v1/projects/" + std::to_string(project), {{"chain_node_id", nullptr}},
                          chain_if_match(project_version))
                  .status,
              200);
    EXPECT_EQ(as("taiyuan")->request("DELETE", chain_path(chain), "", current(chain)).status, 403);
    EXPECT_EQ(province->request("DELETE", chain_path(chain), "", chain_if_match(1)).status, 409);
    EXPECT_EQ(province->request("DELETE", chain_path(chain), "", current(chain)).status, 204);
    EXPECT_EQ(province->get(chain_path(chain)).status, 404);
    EXPECT_EQ(province->get(suppliers).status, 404);
}

// Export, import into an empty chain set, export again: the same workbook, every mapping included
// (owners, other enterprises, projects, suppliers), an owner mapped to no node and a chain with no
// nodes (both on a chain's own row). On a copy of the demo of its own, since the chain set must be
// emptied first.
TEST_P(ChainsHttpTest, ExportImportIntoAnEmptyChainSetGivesTheSameWorkbook) {
    auto copy = make_demo_store(GetParam(), env().clock);
    store::Store& db = *copy.db->store;
    auto province = store::read_value<std::optional<domain::User>>(
        db, [](store::Tx& tx) { return tx.find_user_by_name("province"); });
    ASSERT_TRUE(province && *province);
    const auto who = service::AuthService::principal_for(**province);
    const auto today = env().clock.today();
    service::ChainService chains(db, env().clock);
    auto loose = store::write_value<std::int64_t>(
        db, [](store::Tx& tx) { return tx.insert_enterprise(store_test::make_enterprise("未挂节点的链主", 424242)); });
    ASSERT_TRUE(loose);
    const auto first = chains.list(who, {});
    ASSERT_TRUE(first && !first->empty());
    ASSERT_TRUE(chains.set_owner(who, first->front().chain.id, *loose, true));
    ASSERT_TRUE(chains.create(who, {"尚无节点的链", "new_materials", "副市长"}));
    auto before = service::chain_sheet_rows(db, who, domain::BulletinLang::kZh);
    ASSERT_TRUE(before) << before.error().message.en;
    auto workbook = http::chain_sheet_xlsx(*before, domain::BulletinLang::kZh, "山西省", today);
    ASSERT_TRUE(workbook);
    std::size_t with_projects = 0, with_suppliers = 0;
    std::vector<std::string> own_rows;
    for (const auto& r : *before) {
        with_projects += r.mapped_projects.empty() ? 0 : 1;
        with_suppliers += r.suppliers.empty() ? 0 : 1;
        if (r.chain_row) own_rows.push_back(r.chain + ":" + r.owners);
    }
    EXPECT_GT(with_projects, 10u);
    EXPECT_GT(with_suppliers, 0u);
    std::vector<std::string> expected_own_rows{
        first->front().chain.name + ":未挂节点的链主（" + store_test::credit_code(424242).str() + "）",
        "尚无节点的链:"};
    std::sort(expected_own_rows.begin(), expected_own_rows.end());
    std::sort(own_rows.begin(), own_rows.end());
    EXPECT_EQ(own_rows, expected_own_rows);

    // Empty the chain set: the projects leave their nodes, then every chain goes.
    service::ProjectService projects(db, env().clock);
    auto list = chains.list(who, {});
    ASSERT_TRUE(list);
    for (const auto& c : *list) {
        auto mapped = store::read_value<std::vector<store::ChainProject>>(
            db, [&](store::Tx& tx) { return tx.chain_projects(domain::Scope::all(), c.chain.id); });
        ASSERT_TRUE(mapped);
        for (const auto& p : *mapped) {
            service::ProjectPatch unmap;
            unmap.chain_node_id = std::optional<std::int64_t>();
            auto r = projects.update(who, p.id, p.version, unmap);
            ASSERT_TRUE(r) << p.code << ": " << r.error().message.en;
        }
        auto version = store::read_value<std::optional<domain::Chain>>(
            db, [&](store::Tx& tx) { return tx.get_chain(c.chain.id); });
        ASSERT_TRUE(version && *version);
        auto gone = chains.delete_chain(who, c.chain.id, (*version)->version);
        ASSERT_TRUE(gone) << gone.error().message.en;
    }
    ASSERT_TRUE(chains.list(who, {})->empty());

    auto imported = service::import_chain_sheet(db, env().clock, who, *workbook, true);
    ASSERT_TRUE(imported) << imported.error().message.en;
    ASSERT_TRUE(imported->rejected.empty())
        << imported->rejected.front().reason.en << " row " << imported->rejected.front().row << " "
        << imported->rejected.front().value;
    EXPECT_TRUE(imported->committed);
    EXPECT_GT(imported->projects, 10);

    auto after = service::chain_sheet_rows(db, who, domain::BulletinLang::kZh);
    ASSERT_TRUE(after);
    ASSERT_EQ(before->size(), after->size());
    for (std::size_t i = 0; i < before->size(); ++i) {
        const auto& a = (*before)[i];
        const auto& b = (*after)[i];
        EXPECT_EQ(std::tie(a.chain, a.industry, a.leader, a.segment, a.levels, a.owners, a.mapped_enterprises,
                           a.mapped_projects, a.suppliers, a.enterprises, a.projects, a.chain_row),
                  std::tie(b.chain, b.industry, b.leader, b.segment, b.levels, b.owners, b.mapped_enterprises,
                           b.mapped_projects, b.suppliers, b.enterprises, b.projects, b.chain_row))
            << "row " << i;
        EXPECT_EQ(a.investment, b.investment) << "row " << i;
    }
    // The rows are the workbook's whole content; its bytes are not compared, since the file's
    // creation time (docProps) is the second it was written.
    EXPECT_TRUE(http::chain_sheet_xlsx(*after, domain::BulletinLang::kZh, "山西省", today));
}

INSTANTIATE_TEST_SUITE_P(Backends, ChainsHttpTest, ::testing::ValuesIn(all_backends()), backend_param_name);

}  // namespace
}  // namespace sanpi::testing
