// yusuan/model/kinds.hpp -- the small vocabularies of a budget: spending
// kinds, fund sources, unit types and performance target categories.  Each
// word has a Chinese and an English spelling, defined here once.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

namespace yusuan {

// ---------------------------------------------------------------------------
// Vocabularies
// ---------------------------------------------------------------------------

/// Spending kind, hierarchical: 基本支出 ⊃ 人员经费, 公用经费;
/// 项目支出 ⊃ 其他运转类, 特定目标类.  `basic` and `project` are used when only
/// the upper level is known.
enum class spending_kind : std::uint8_t { unspecified, basic, personnel, public_funds, project, operating, specific };

inline constexpr std::array<spending_kind, 6> all_spending_kinds = {
    spending_kind::basic,   spending_kind::personnel, spending_kind::public_funds,
    spending_kind::project, spending_kind::operating, spending_kind::specific};

constexpr std::string_view chinese_name(spending_kind k) noexcept {
  switch (k) {
    case spending_kind::unspecified: return "未分类";
    case spending_kind::basic: return "基本支出";
    case spending_kind::personnel: return "人员经费";
    case spending_kind::public_funds: return "公用经费";
    case spending_kind::project: return "项目支出";
    case spending_kind::operating: return "其他运转类";
    case spending_kind::specific: return "特定目标类";
  }
  return "";
}

constexpr std::string_view english_name(spending_kind k) noexcept {
  switch (k) {
    case spending_kind::unspecified: return "unspecified";
    case spending_kind::basic: return "basic";
    case spending_kind::personnel: return "personnel";
    case spending_kind::public_funds: return "public";
    case spending_kind::project: return "project-spending";
    case spending_kind::operating: return "operating";
    case spending_kind::specific: return "specific";
  }
  return "";
}

inline std::optional<spending_kind> parse_spending_kind(std::string_view s) noexcept {
  for (auto k : all_spending_kinds)
    if (s == chinese_name(k) || s == english_name(k)) return k;
  if (s == "项目") return spending_kind::project;
  return std::nullopt;
}

/// The upper level of a kind (基本支出 for 人员经费 …); itself for the upper levels.
constexpr spending_kind parent_kind(spending_kind k) noexcept {
  switch (k) {
    case spending_kind::personnel:
    case spending_kind::public_funds: return spending_kind::basic;
    case spending_kind::operating:
    case spending_kind::specific: return spending_kind::project;
    default: return k;
  }
}

/// Whether an item of kind `item` counts under `filter` (人员经费 counts under 基本支出).
constexpr bool kind_within(spending_kind item, spending_kind filter) noexcept {
  return item == filter || (filter != spending_kind::unspecified && parent_kind(item) == filter && item != filter);
}

/// Where money comes from (收入 lines and 资金来源 of items).
enum class fund_source : std::uint8_t {
  general_budget,          // 一般公共预算
  fiscal_appropriation,    // 财政拨款 (其中 of 一般公共预算)
  government_fund,         // 政府性基金
  state_capital,           // 国有资本经营
  special_account,         // 财政专户管理资金
  institution_revenue,     // 事业收入
  business_revenue,        // 事业单位经营收入
  superior_subsidy,        // 上级补助收入
  subordinate_remittance,  // 附属单位上缴收入
  other_revenue,           // 其他收入
  carryover,               // 上年结转结余
};

inline constexpr std::array<fund_source, 11> all_fund_sources = {
    fund_source::general_budget,   fund_source::fiscal_appropriation, fund_source::government_fund,
    fund_source::state_capital,    fund_source::special_account,      fund_source::institution_revenue,
    fund_source::business_revenue, fund_source::superior_subsidy,     fund_source::subordinate_remittance,
    fund_source::other_revenue,    fund_source::carryover};

constexpr std::string_view chinese_name(fund_source f) noexcept {
  switch (f) {
    case fund_source::general_budget: return "一般公共预算";
    case fund_source::fiscal_appropriation: return "财政拨款";
    case fund_source::government_fund: return "政府性基金";
    case fund_source::state_capital: return "国有资本经营";
    case fund_source::special_account: return "财政专户管理资金";
    case fund_source::institution_revenue: return "事业收入";
    case fund_source::business_revenue: return "事业单位经营收入";
    case fund_source::superior_subsidy: return "上级补助收入";
    case fund_source::subordinate_remittance: return "附属单位上缴收入";
    case fund_source::other_revenue: return "其他收入";
    case fund_source::carryover: return "上年结转结余";
  }
  return "";
}

constexpr std::string_view english_name(fund_source f) noexcept {
  switch (f) {
    case fund_source::general_budget: return "general-budget";
    case fund_source::fiscal_appropriation: return "fiscal-appropriation";
    case fund_source::government_fund: return "government-fund";
    case fund_source::state_capital: return "state-capital";
    case fund_source::special_account: return "special-account";
    case fund_source::institution_revenue: return "institution-revenue";
    case fund_source::business_revenue: return "business-revenue";
    case fund_source::superior_subsidy: return "superior-subsidy";
    case fund_source::subordinate_remittance: return "subordinate-remittance";
    case fund_source::other_revenue: return "other-revenue";
    case fund_source::carryover: return "carryover";
  }
  return "";
}

inline std::optional<fund_source> parse_fund_source(std::string_view s) noexcept {
  for (auto f : all_fund_sources)
    if (s == chinese_name(f) || s == english_name(f)) return f;
  // Spellings used by the published tables.
  if (s == "一般公共预算拨款" || s == "一般公共预算资金") return fund_source::general_budget;
  if (s == "政府性基金预算" || s == "政府性基金预算拨款" || s == "政府性基金预算拨款收入") return fund_source::government_fund;
  if (s == "国有资本经营预算" || s == "国有资本经营预算拨款" || s == "国有资本经营预算拨款收入") return fund_source::state_capital;
  if (s == "财政专户管理资金收入") return fund_source::special_account;
  if (s == "上年结转" || s == "上年结转结余收入") return fund_source::carryover;
  return std::nullopt;
}

/// Unit type (单位性质).
enum class unit_type : std::uint8_t {
  unknown,         ///< not stated
  administrative,  ///< 行政单位
  civil_service,   ///< 参照公务员法管理的事业单位 (参公)
  institution,     ///< 事业单位
};

constexpr std::string_view chinese_name(unit_type t) noexcept {
  switch (t) {
    case unit_type::unknown: return "未知";
    case unit_type::administrative: return "行政";
    case unit_type::civil_service: return "参公";
    case unit_type::institution: return "事业";
  }
  return "";
}

constexpr std::string_view english_name(unit_type t) noexcept {
  switch (t) {
    case unit_type::unknown: return "unknown";
    case unit_type::administrative: return "administrative";
    case unit_type::civil_service: return "civil-service";
    case unit_type::institution: return "institution";
  }
  return "";
}

inline std::optional<unit_type> parse_unit_type(std::string_view s) noexcept {
  for (auto t : {unit_type::administrative, unit_type::civil_service, unit_type::institution})
    if (s == chinese_name(t) || s == english_name(t)) return t;
  if (s == "行政单位") return unit_type::administrative;
  if (s == "参公单位" || s == "参照公务员法管理") return unit_type::civil_service;
  if (s == "事业单位") return unit_type::institution;
  return std::nullopt;
}

/// 绩效目标 categories of 预算13表.
enum class target_category : std::uint8_t { cost, output, outcome, satisfaction };

constexpr std::string_view chinese_name(target_category c) noexcept {
  switch (c) {
    case target_category::cost: return "成本";
    case target_category::output: return "产出";
    case target_category::outcome: return "效益";
    case target_category::satisfaction: return "满意度";
  }
  return "";
}
constexpr std::string_view english_name(target_category c) noexcept {
  switch (c) {
    case target_category::cost: return "cost";
    case target_category::output: return "output";
    case target_category::outcome: return "outcome";
    case target_category::satisfaction: return "satisfaction";
  }
  return "";
}
inline std::optional<target_category> parse_target_category(std::string_view s) noexcept {
  for (auto c : {target_category::cost, target_category::output, target_category::outcome, target_category::satisfaction})
    if (s == chinese_name(c) || s == english_name(c)) return c;
  if (s == "成本指标") return target_category::cost;
  if (s == "产出指标") return target_category::output;
  if (s == "效益指标") return target_category::outcome;
  if (s == "满意度指标") return target_category::satisfaction;
  return std::nullopt;
}

}  // namespace yusuan
