// yusuan/codes.hpp -- classification codes and the small vocabularies of a
// budget: 功能科目 (functional codes), 经济科目 (economic codes), spending kinds,
// fund sources and unit types.  Each vocabulary word has a Chinese and an
// English spelling.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace yusuan {

// ---------------------------------------------------------------------------
// Codes
// ---------------------------------------------------------------------------

/// A code of 支出功能分类: 类 (3 digits, "208"), 款 (5, "20805") or 项 (7,
/// "2080507").  Stored as its digits and its level.
class function_code {
public:
  constexpr function_code() noexcept = default;
  /// From the digits, which must have 3, 5 or 7 of them (checked by parse()).
  static constexpr function_code from_digits(std::uint32_t digits, int level) noexcept {
    function_code c;
    c.value_ = digits;
    c.level_ = static_cast<std::uint8_t>(level);
    return c;
  }
  /// Accepts "2080507", "208 05 07", "208.05.07", "20805", "208".
  static std::optional<function_code> parse(std::string_view s) noexcept {
    std::uint32_t v = 0;
    int digits = 0;
    for (char ch : s) {
      if (ch >= '0' && ch <= '9') {
        v = v * 10 + static_cast<std::uint32_t>(ch - '0');
        if (++digits > 7) return std::nullopt;
      } else if (ch != ' ' && ch != '.') {
        return std::nullopt;
      }
    }
    if (digits != 3 && digits != 5 && digits != 7) return std::nullopt;
    return from_digits(v, (digits - 1) / 2);
  }
  constexpr bool empty() const noexcept { return level_ == 0; }
  explicit constexpr operator bool() const noexcept { return level_ != 0; }
  /// 1 类, 2 款, 3 项; 0 when absent.
  constexpr int level() const noexcept { return level_; }
  constexpr std::uint32_t digits() const noexcept { return value_; }
  /// The code cut to a coarser level (1..level()).
  constexpr function_code at(int level) const noexcept {
    if (level >= level_ || level <= 0) return level <= 0 ? function_code{} : *this;
    std::uint32_t v = value_;
    for (int l = level_; l > level; --l) v /= 100;
    return from_digits(v, level);
  }
  /// Whether `other` equals this code or lies under it.
  constexpr bool contains(function_code other) const noexcept {
    return level_ != 0 && other.level_ >= level_ && other.at(level_) == *this;
  }
  /// "2080507"
  std::string str() const { return level_ == 0 ? std::string() : std::to_string(value_); }
  /// "208 05 07", as the published tables print them.
  std::string spaced() const {
    const std::string d = str();
    if (level_ <= 1) return d;
    std::string out = d.substr(0, 3);
    for (std::size_t i = 3; i < d.size(); i += 2) out += " " + d.substr(i, 2);
    return out;
  }
  friend constexpr auto operator<=>(function_code a, function_code b) noexcept {
    // Order as the tables do: by the code's digits padded to 7 places, parents first.
    auto key = [](function_code c) {
      std::uint64_t v = c.value_;
      for (int l = c.level_; l < 3; ++l) v *= 100;
      return (v << 2) | c.level_;
    };
    return key(a) <=> key(b);
  }
  friend constexpr bool operator==(function_code, function_code) noexcept = default;

private:
  std::uint32_t value_ : 24 = 0;  // at most 7 digits: 9,999,999 < 2^24
  std::uint32_t level_ : 8 = 0;
};

/// A code of an economic classification: 部门预算支出经济分类 (3xx / 3xxxx) or
/// 政府预算支出经济分类 (5xx / 5xxxx).  Level 1 类 (3 digits), 2 款 (5 digits).
class econ_code {
public:
  constexpr econ_code() noexcept = default;
  static constexpr econ_code from_digits(std::uint32_t digits, int level) noexcept {
    econ_code c;
    c.value_ = digits;
    c.level_ = static_cast<std::uint8_t>(level);
    return c;
  }
  /// Accepts "30101", "301 01", "301".
  static std::optional<econ_code> parse(std::string_view s) noexcept {
    std::uint32_t v = 0;
    int digits = 0;
    for (char ch : s) {
      if (ch >= '0' && ch <= '9') {
        v = v * 10 + static_cast<std::uint32_t>(ch - '0');
        if (++digits > 5) return std::nullopt;
      } else if (ch != ' ' && ch != '.') {
        return std::nullopt;
      }
    }
    if (digits != 3 && digits != 5) return std::nullopt;
    return from_digits(v, digits == 3 ? 1 : 2);
  }
  constexpr bool empty() const noexcept { return level_ == 0; }
  explicit constexpr operator bool() const noexcept { return level_ != 0; }
  constexpr int level() const noexcept { return level_; }
  constexpr std::uint32_t digits() const noexcept { return value_; }
  /// 部门预算 codes start with 3, 政府预算 codes with 5.
  constexpr bool is_government() const noexcept { return class_digits() / 100 == 5; }
  constexpr std::uint32_t class_digits() const noexcept { return level_ == 2 ? value_ / 100 : value_; }
  constexpr econ_code at(int level) const noexcept {
    if (level <= 0) return {};
    if (level >= level_) return *this;
    return from_digits(value_ / 100, 1);
  }
  constexpr bool contains(econ_code other) const noexcept {
    return level_ != 0 && other.level_ >= level_ && other.at(level_) == *this;
  }
  std::string str() const { return level_ == 0 ? std::string() : std::to_string(value_); }
  /// "301 01", as 预算07表 prints them.
  std::string spaced() const {
    const std::string d = str();
    return level_ == 2 ? d.substr(0, 3) + " " + d.substr(3) : d;
  }
  friend constexpr auto operator<=>(econ_code a, econ_code b) noexcept {
    auto key = [](econ_code c) {
      std::uint64_t v = c.value_;
      if (c.level_ == 1) v *= 100;
      return (v << 2) | c.level_;
    };
    return key(a) <=> key(b);
  }
  friend constexpr bool operator==(econ_code, econ_code) noexcept = default;

private:
  std::uint32_t value_ : 24 = 0;  // at most 7 digits: 9,999,999 < 2^24
  std::uint32_t level_ : 8 = 0;
};

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

/// 行政单位, 参照公务员法管理的事业单位 (参公), 事业单位.
#ifndef YUSUAN_UNIT_TYPE_DEFINED
#define YUSUAN_UNIT_TYPE_DEFINED 1
enum class unit_type : std::uint8_t { unknown, administrative, civil_service, institution };
#endif

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
