#pragma once
// The columns of the chain map table (产业链图谱表) that chains export to and import from, as
// governments lay it out: 产业链 | 产业 | 链长 | 环节 | 一级节点 … 四级节点 | 链主企业 | 企业数 |
// 项目数 | 投资额（亿元）, with the node's other mappings beside the owners (关联企业: the other
// enterprises mapped to it; 关联项目: the codes of the projects mapped to it; 链主供应商: the
// known suppliers of the chain's owners at it). One row per node, its path in the level columns;
// the figures are read back by nobody (an import ignores them).
#include <array>
#include <string_view>

namespace sanpi::domain {

enum class ChainSheetColumn {
    kChain,
    kIndustry,
    kLeader,
    kSegment,
    kLevel1,
    kLevel2,
    kLevel3,
    kLevel4,
    kOwners,
    kMappedEnterprises,
    kMappedProjects,
    kSuppliers,
    kEnterprises,
    kProjects,
    kInvestment
};

struct ChainSheetColumnName {
    ChainSheetColumn column;
    std::string_view zh;
    std::string_view en;
};

inline constexpr std::array<ChainSheetColumnName, 15> kChainSheetColumns{{
    {ChainSheetColumn::kChain, "产业链", "Chain"},
    {ChainSheetColumn::kIndustry, "产业", "Industry"},
    {ChainSheetColumn::kLeader, "链长", "Chain leader"},
    {ChainSheetColumn::kSegment, "环节", "Segment"},
    {ChainSheetColumn::kLevel1, "一级节点", "Level 1 node"},
    {ChainSheetColumn::kLevel2, "二级节点", "Level 2 node"},
    {ChainSheetColumn::kLevel3, "三级节点", "Level 3 node"},
    {ChainSheetColumn::kLevel4, "四级节点", "Level 4 node"},
    {ChainSheetColumn::kOwners, "链主企业", "Chain owners"},
    {ChainSheetColumn::kMappedEnterprises, "关联企业", "Mapped enterprises"},
    {ChainSheetColumn::kMappedProjects, "关联项目", "Mapped projects"},
    {ChainSheetColumn::kSuppliers, "链主供应商", "Owners' suppliers"},
    {ChainSheetColumn::kEnterprises, "企业数", "Enterprises"},
    {ChainSheetColumn::kProjects, "项目数", "Projects"},
    {ChainSheetColumn::kInvestment, "投资额", "Investment"},
}};

}  // namespace sanpi::domain
