#pragma once
// Migration 20: industry chains (产业链). A chain (name, industry, 链长 post, version) and its tree
// of nodes (parent in the same chain, segment, order among siblings); enterprises mapped to nodes;
// the chain's owner enterprises (链主). Projects map through projects.chain_node_id, which the
// service checks on every project write (an existing column cannot gain a foreign key in SQLite
// without rebuilding projects); a node is deleted only when no project or enterprise maps to it,
// and the index below finds those projects. Released migrations are history: add a new one, never
// edit.
#include <string_view>

namespace sanpi::store::migrations {

inline constexpr std::string_view kM0020IndustryChains = R"sql(
CREATE TABLE chains (
    id            {{ID_PK}},
    name          TEXT NOT NULL UNIQUE,
    industry_code TEXT NOT NULL REFERENCES industries (code),
    leader_post   TEXT NOT NULL DEFAULT '',
    version       BIGINT NOT NULL DEFAULT 1
);

CREATE TABLE chain_nodes (
    id         {{ID_PK}},
    chain_id   BIGINT NOT NULL REFERENCES chains (id),
    parent_id  BIGINT REFERENCES chain_nodes (id) DEFERRABLE INITIALLY DEFERRED,
    name       TEXT NOT NULL,
    segment    TEXT NOT NULL CONSTRAINT ck_chain_segment CHECK (segment IN ('upstream', 'midstream', 'downstream')),
    sort_order INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX chain_nodes_chain ON chain_nodes (chain_id, id);
CREATE INDEX chain_nodes_parent ON chain_nodes (parent_id);

CREATE TABLE chain_node_enterprises (
    node_id       BIGINT NOT NULL REFERENCES chain_nodes (id),
    enterprise_id BIGINT NOT NULL REFERENCES enterprises (id),
    PRIMARY KEY (node_id, enterprise_id)
);
CREATE INDEX chain_node_enterprises_enterprise ON chain_node_enterprises (enterprise_id);

CREATE TABLE chain_owners (
    chain_id      BIGINT NOT NULL REFERENCES chains (id),
    enterprise_id BIGINT NOT NULL REFERENCES enterprises (id),
    PRIMARY KEY (chain_id, enterprise_id)
);

CREATE INDEX projects_chain_node ON projects (chain_node_id);
)sql";

}  // namespace sanpi::store::migrations
