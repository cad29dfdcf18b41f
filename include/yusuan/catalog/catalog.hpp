// yusuan/catalog/catalog.hpp -- the 政府收支分类科目 catalogs, compiled in.
//
// Three code families per edition:
//   code_family::function  支出功能分类科目        类 201 / 款 20805 / 项 2080505
//   code_family::econ      部门预算支出经济分类科目  类 301 / 款 30101
//   code_family::gov_econ  政府预算支出经济分类科目  类 501 / 款 50101
// and the standard 部门 → 政府 economic mapping, which depends on the unit type
// (行政 and 参公 units map 301/302/309/310 to 501–504, 事业单位 to 505/506).
//
// The tables come from budgets/std/<year>/*.catalog (the source of truth) via
// scripts/gen-catalog.py, which writes <yusuan/catalog/data.hpp>.  Nothing here
// reads files or allocates, except gov_econ_for / dept_econ_for / children,
// which return small vectors of views into the static tables.
//
// Every entry carries confirmation flags ([R] seen in a real published budget,
// [T] in the official 2024 决算 template, [P] on a public web page, [K] from
// domain knowledge only, [?] uncertain) and, for 类 and 款, whether all of its
// children are known (`complete`).
//
// Editions and years: catalog::edition(year) returns the edition of that year
// if there is one, otherwise the nearest earlier edition, and for a year
// before the first edition the first edition (today only 2024 exists, so every
// year gets 2024; compare edition(y).year() with y to notice).  Names that
// changed between editions are answered per year by name_in_year(), which
// honours the catalog's `renamed` lines (e.g. 210 was 医疗卫生与计划生育支出
// up to 2018).
#pragma once

#include <yusuan/catalog/data.hpp>
#include <yusuan/model/kinds.hpp>

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <utility>
#include <vector>

namespace yusuan {

// ---------------------------------------------------------------------------
// Flags, families, unit types
// ---------------------------------------------------------------------------

/// How well an entry is confirmed: [R] [T] [P] [K] [?].  An entry may carry
/// several; they are stored as a bitmask (bit = 1 << enumerator).
enum class confirmation : std::uint8_t { real, template_, page, knowledge, uncertain };

/// The bit of `c` in a flags mask.
constexpr std::uint8_t flag_bit(confirmation c) noexcept {
  return static_cast<std::uint8_t>(1u << static_cast<unsigned>(c));
}
/// Whether `flags` contains `c`.
constexpr bool has_flag(std::uint8_t flags, confirmation c) noexcept {
  return (flags & flag_bit(c)) != 0;
}
/// A flags mask: make_flags(confirmation::real, confirmation::page) == [R][P].
template <class... C>
constexpr std::uint8_t make_flags(C... c) noexcept {
  return static_cast<std::uint8_t>((0u | ... | flag_bit(c)));
}
/// Seen in a real document ([R]) or the official template ([T]).
constexpr bool is_verified(std::uint8_t flags) noexcept {
  return (flags & (flag_bit(confirmation::real) | flag_bit(confirmation::template_))) != 0;
}

static_assert(flag_bit(confirmation::real) == catalog_data::flag_r);
static_assert(flag_bit(confirmation::template_) == catalog_data::flag_t);
static_assert(flag_bit(confirmation::page) == catalog_data::flag_p);
static_assert(flag_bit(confirmation::knowledge) == catalog_data::flag_k);
static_assert(flag_bit(confirmation::uncertain) == catalog_data::flag_u);

namespace detail {
struct flags_text_table {
  static constexpr std::size_t count = 32;
  std::array<std::array<char, 16>, count> text{};
  std::array<std::uint8_t, count> size{};
  constexpr flags_text_table() {
    constexpr std::array<char, 5> letters{'R', 'T', 'P', 'K', '?'};
    for (std::size_t mask = 0; mask < count; ++mask) {
      std::size_t n = 0;
      for (std::size_t bit = 0; bit < letters.size(); ++bit) {
        if ((mask >> bit) & 1u) {
          text[mask][n++] = '[';
          text[mask][n++] = letters[bit];
          text[mask][n++] = ']';
        }
      }
      size[mask] = static_cast<std::uint8_t>(n);
    }
  }
};
inline constexpr flags_text_table flags_texts{};
}  // namespace detail

/// The flags as written in the catalog files: "[R][T]"; "" for none.
constexpr std::string_view flags_text(std::uint8_t flags) noexcept {
  const auto mask = static_cast<std::size_t>(flags & 0x1fu);
  return {detail::flags_texts.text[mask].data(), detail::flags_texts.size[mask]};
}

/// Parses "[R][P]" (any order, no spaces); nullopt on anything else or on a
/// repeated flag.
constexpr std::optional<std::uint8_t> parse_flags(std::string_view text) noexcept {
  std::uint8_t flags = 0;
  if (text.empty()) return std::nullopt;
  while (!text.empty()) {
    if (text.size() < 3 || text[0] != '[' || text[2] != ']') return std::nullopt;
    std::uint8_t bit = 0;
    switch (text[1]) {
      case 'R': bit = flag_bit(confirmation::real); break;
      case 'T': bit = flag_bit(confirmation::template_); break;
      case 'P': bit = flag_bit(confirmation::page); break;
      case 'K': bit = flag_bit(confirmation::knowledge); break;
      case '?': bit = flag_bit(confirmation::uncertain); break;
      default: return std::nullopt;
    }
    if (flags & bit) return std::nullopt;
    flags = static_cast<std::uint8_t>(flags | bit);
    text.remove_prefix(3);
  }
  return flags;
}

/// The three classifications.
enum class code_family : std::uint8_t { function, econ, gov_econ };

/// "function", "econ", "gov_econ".
constexpr std::string_view family_name(code_family f) noexcept {
  switch (f) {
    case code_family::function: return "function";
    case code_family::econ: return "econ";
    case code_family::gov_econ: return "gov_econ";
  }
  return "?";
}

// unit_type (单位性质, model/kinds.hpp) decides the 部门 → 政府 economic mapping.
static_assert(static_cast<int>(unit_type::administrative) == 1 && static_cast<int>(unit_type::civil_service) == 2 &&
              static_cast<int>(unit_type::institution) == 3);

/// The bit of `u` in a mapping's unit_types mask (0 for unknown).
constexpr std::uint8_t unit_bit(unit_type u) noexcept {
  switch (u) {
    case unit_type::administrative: return catalog_data::unit_administrative;
    case unit_type::civil_service: return catalog_data::unit_civil_service;
    case unit_type::institution: return catalog_data::unit_institution;
    case unit_type::unknown: break;
  }
  return 0;
}

/// "行政", "参公", "事业"; "" for unknown.
constexpr std::string_view unit_type_name(unit_type u) noexcept {
  switch (u) {
    case unit_type::administrative: return "行政";
    case unit_type::civil_service: return "参公";
    case unit_type::institution: return "事业";
    case unit_type::unknown: break;
  }
  return "";
}

// ---------------------------------------------------------------------------
// Entries
// ---------------------------------------------------------------------------

/// One code: {code, name, flags, complete}.  `complete`: every child (款 of a
/// 类, 项 of a 款) is in the catalog, so an unknown child code is an error
/// rather than merely unknown.
using catalog_entry = catalog_data::entry;
/// One line of the 部门 → 政府 mapping: {dept_code, gov_code, unit_types, flags}.
using mapping_entry = catalog_data::mapping;
/// A former name: {code, old_name, valid_until, flags}.
using rename_entry = catalog_data::rename;

/// Whether the mapping line applies to units of type `u`.  For an unknown
/// unit type only lines that apply to every type do (303→509, 313→510, …).
constexpr bool applies_to(const mapping_entry& m, unit_type u) noexcept {
  return u == unit_type::unknown ? m.unit_types == catalog_data::unit_all : (m.unit_types & unit_bit(u)) != 0;
}

/// Digits of the right length for the family: function 3/5/7, econ and
/// gov_econ 3/5.
constexpr bool is_code_shape(code_family f, std::string_view code) noexcept {
  const auto n = code.size();
  const bool length_ok = f == code_family::function ? (n == 3 || n == 5 || n == 7) : (n == 3 || n == 5);
  return length_ok && std::all_of(code.begin(), code.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// ---------------------------------------------------------------------------
// catalog
// ---------------------------------------------------------------------------

class catalog {
 public:
  /// The edition for budgets of `year`: that year's edition, else the nearest
  /// earlier one, else (year before every edition) the first one.
  static const catalog& edition(int year) noexcept {
    const auto& all = instances();
    const catalog* best = &all.front();
    for (const auto& c : all)
      if (c.year() <= year) best = &c;  // editions are sorted by year
    return *best;
  }
  /// Whether an edition of exactly `year` is compiled in.
  static bool has_edition(int year) noexcept {
    const auto& all = instances();
    return std::any_of(all.begin(), all.end(), [&](const catalog& c) { return c.year() == year; });
  }
  /// Every compiled-in edition, oldest first.
  static std::span<const catalog> editions() noexcept { return instances(); }

  /// The year of this edition (may differ from the year passed to edition()).
  constexpr int year() const noexcept { return data_->year; }

  /// All entries of a family in code order (byte order of the digit strings,
  /// i.e. depth-first: 208, 20801, 2080101, …, 20805, 2080501, …).
  constexpr std::span<const catalog_entry> entries(code_family f) const noexcept {
    return table(f).entries;
  }
  /// Whether every 类 of the family is listed.
  constexpr bool classes_complete(code_family f) const noexcept { return table(f).classes_complete; }
  /// The family's `renamed` lines.
  constexpr std::span<const rename_entry> renames(code_family f) const noexcept {
    return table(f).renames;
  }

  /// The entry for `digits` ("2080109", "30101", "501"), or nullptr.
  constexpr const catalog_entry* find(code_family f, std::string_view digits) const noexcept {
    const auto list = entries(f);
    const auto it = std::lower_bound(list.begin(), list.end(), digits,
                                     [](const catalog_entry& e, std::string_view c) { return e.code < c; });
    return (it != list.end() && it->code == digits) ? &*it : nullptr;
  }
  /// Whether `digits` is in the family.
  constexpr bool contains(code_family f, std::string_view digits) const noexcept {
    return find(f, digits) != nullptr;
  }
  /// The current name of `digits`, if known.
  constexpr std::optional<std::string_view> name(code_family f, std::string_view digits) const noexcept {
    if (const auto* e = find(f, digits)) return e->name;
    return std::nullopt;
  }

  /// The name `code` had in `year`: the old name of the first `renamed` line
  /// whose valid_until >= year, else the current name; nullopt if the code is
  /// unknown.  name_in_year(function, "210", 2018) == "医疗卫生与计划生育支出".
  constexpr std::optional<std::string_view> name_in_year(code_family f, std::string_view code,
                                                         int year) const noexcept {
    const auto list = renames(f);
    auto it = std::lower_bound(list.begin(), list.end(), code,
                               [](const rename_entry& r, std::string_view c) { return r.code < c; });
    for (; it != list.end() && it->code == code; ++it)
      if (year <= it->valid_until) return it->old_name;
    return name(f, code);
  }

  /// The parent entry (款 of a 项, 类 of a 款), or nullptr for a 类, a
  /// malformed code, or a parent missing from the catalog.
  constexpr const catalog_entry* parent(code_family f, std::string_view code) const noexcept {
    if (!is_code_shape(f, code) || code.size() <= 3) return nullptr;
    return find(f, code.substr(0, code.size() - 2));
  }

  /// The direct children of `code` in code order; for an empty `code`, the 类.
  std::vector<const catalog_entry*> children(code_family f, std::string_view code) const {
    std::vector<const catalog_entry*> out;
    const auto list = entries(f);
    auto it = std::lower_bound(list.begin(), list.end(), code,
                               [](const catalog_entry& e, std::string_view c) { return e.code < c; });
    const auto child_size = code.empty() ? std::size_t{3} : code.size() + 2;
    for (; it != list.end() && it->code.starts_with(code); ++it)
      if (it->code.size() == child_size) out.push_back(&*it);
    return out;
  }

  // -- 部门 → 政府 economic mapping ------------------------------------------

  /// Every mapping line, sorted by dept_code, then gov_code.
  constexpr std::span<const mapping_entry> mapping() const noexcept { return data_->mappings; }

  /// The mapping lines for a 5-digit 部门 code (all unit types).
  constexpr std::span<const mapping_entry> mapping_for(std::string_view dept_code) const noexcept {
    const auto list = mapping();
    const auto range = std::equal_range(list.begin(), list.end(), dept_code, dept_less{});
    return {range.first, range.second};
  }

  /// The standard 政府 code(s) for a 部门 code and unit type.  A 5-digit code
  /// gives the 款 (normally exactly one: "30101", 行政 → {"50101"}); a 3-digit
  /// code gives the distinct 类 its 款 map to ("301", 事业 → {"505"}).  Empty
  /// when the code is unknown or has no mapping, and for unit_type::unknown
  /// when the mapping depends on the unit type.
  std::vector<std::string_view> gov_econ_for(std::string_view dept_code, unit_type u) const {
    std::vector<std::string_view> out;
    if (dept_code.size() == 5) {
      for (const auto& m : mapping_for(dept_code))
        if (applies_to(m, u)) out.push_back(m.gov_code);
    } else if (dept_code.size() == 3) {
      for (const auto& m : mapping())
        if (m.dept_code.starts_with(dept_code) && applies_to(m, u)) out.push_back(m.gov_code.substr(0, 3));
      std::sort(out.begin(), out.end());
      out.erase(std::unique(out.begin(), out.end()), out.end());
    }
    return out;
  }

  /// The 部门 款 that map to a 5-digit 政府 code for a unit type (the reverse
  /// direction), in code order.
  std::vector<std::string_view> dept_econ_for(std::string_view gov_code, unit_type u) const {
    std::vector<std::string_view> out;
    for (const auto& m : mapping())
      if (m.gov_code == gov_code && applies_to(m, u)) out.push_back(m.dept_code);
    return out;
  }

  /// Whether (dept_code → gov_code) is the standard pair for the unit type; a
  /// budget line that is not deserves a warning (real budgets have such pairs).
  constexpr bool is_standard_pair(std::string_view dept_code, std::string_view gov_code,
                                  unit_type u) const noexcept {
    for (const auto& m : mapping_for(dept_code))
      if (m.gov_code == gov_code && applies_to(m, u)) return true;
    return false;
  }

  /// The standard mapping line for (dept_code, unit type), or nullptr.
  constexpr const mapping_entry* standard_mapping(std::string_view dept_code, unit_type u) const noexcept {
    for (const auto& m : mapping_for(dept_code))
      if (applies_to(m, u)) return &m;
    return nullptr;
  }

 private:
  struct dept_less {
    constexpr bool operator()(const mapping_entry& m, std::string_view c) const noexcept { return m.dept_code < c; }
    constexpr bool operator()(std::string_view c, const mapping_entry& m) const noexcept { return c < m.dept_code; }
  };

  constexpr explicit catalog(const catalog_data::edition& data) noexcept : data_(&data) {}

  constexpr const catalog_data::family_table& table(code_family f) const noexcept {
    return data_->families[static_cast<std::size_t>(f)];
  }

  static constexpr std::size_t edition_count = catalog_data::editions.size();
  static_assert(edition_count > 0, "no catalog edition compiled in");

  static const std::array<catalog, edition_count>& instances() noexcept {
    static constexpr std::array<catalog, edition_count> all =
        []<std::size_t... I>(std::index_sequence<I...>) {
          return std::array<catalog, edition_count>{catalog(catalog_data::editions[I])...};
        }(std::make_index_sequence<edition_count>{});
    return all;
  }

  const catalog_data::edition* data_;
};

// ---------------------------------------------------------------------------
// Compile-time checks of the generated tables: sorted, unique, editions in
// year order (binary search depends on it).
// ---------------------------------------------------------------------------
namespace detail {
constexpr bool catalog_tables_sorted() noexcept {
  int last_year = 0;
  for (const auto& ed : catalog_data::editions) {
    if (ed.year <= last_year) return false;
    last_year = ed.year;
    for (const auto& t : ed.families) {
      for (std::size_t i = 1; i < t.entries.size(); ++i)
        if (!(t.entries[i - 1].code < t.entries[i].code)) return false;
      for (std::size_t i = 1; i < t.renames.size(); ++i)
        if (t.renames[i].code < t.renames[i - 1].code) return false;
    }
    for (std::size_t i = 1; i < ed.mappings.size(); ++i) {
      const auto& a = ed.mappings[i - 1];
      const auto& b = ed.mappings[i];
      if (b.dept_code < a.dept_code || (a.dept_code == b.dept_code && !(a.gov_code < b.gov_code))) return false;
    }
  }
  return true;
}
static_assert(catalog_tables_sorted(), "catalog/data.hpp tables are not sorted; regenerate them");
}  // namespace detail

}  // namespace yusuan
