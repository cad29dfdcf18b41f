// yusuan/compile/vocabulary.hpp -- E0205 for a word that should be one of
// a small vocabulary (a spending kind, a source of funds or of income, a unit
// type) and is none of it: every word of the vocabulary expected, the
// nearest ones suggested (事业收人 → 事业收入); and 上年结转结余.FUND, the
// one fund of spending written with a dot.
#pragma once

#include <yusuan/compile/reporter.hpp>
#include <yusuan/model/kinds.hpp>
#include <yusuan/model/records.hpp>
#include <yusuan/text/suggest.hpp>

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace yusuan::compile {

enum class vocabulary {
  kind,           ///< 基本支出 … 特定目标类
  fund,           ///< 资金: a source of funds (not 上年结转结余)
  income_source,  ///< 收入: a line of income (not 财政拨款, a part of one)
  unit_type,      ///< 行政, 参公, 事业
};

/// Adds the names of `values` but `skip` to `zh` (Chinese) and `all` (both spellings).
template <class T, std::size_t N>
void add_vocabulary_names(std::vector<std::string>& zh, std::vector<std::string>& all, const std::array<T, N>& values, T skip) {
  for (T v : values) {
    if (v == skip) continue;
    zh.emplace_back(chinese_name(v));
    all.emplace_back(chinese_name(v));
    all.emplace_back(english_name(v));
  }
}

/// The words of a vocabulary: `zh` its Chinese words in order, `all` every
/// spelling (Chinese and English).
inline void words_of(vocabulary v, std::vector<std::string>& zh, std::vector<std::string>& all) {
  switch (v) {
    case vocabulary::kind:
      add_vocabulary_names(zh, all, all_spending_kinds, spending_kind::unspecified);
      break;
    case vocabulary::fund: add_vocabulary_names(zh, all, all_fund_sources, fund_source::carryover); break;
    case vocabulary::income_source:
      add_vocabulary_names(zh, all, all_fund_sources, fund_source::fiscal_appropriation);
      break;
    case vocabulary::unit_type:
      add_vocabulary_names(zh, all, std::array{unit_type::administrative, unit_type::civil_service, unit_type::institution},
                        unit_type::unknown);
      break;
  }
}

/// "a, b or c".
inline std::string either_of(const std::vector<std::string>& words) {
  std::string out;
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (i != 0) out += i + 1 == words.size() ? " or " : ", ";
    out += words[i];
  }
  return out;
}

/// Reports `word` at `at` as none of vocabulary `v` (E0205, `message`):
/// expected every word of it, labelled with the nearest spellings.
inline diagnostic& unknown_word(reporter& rep, vocabulary v, std::string message, std::string_view word,
                                source_span at) {
  std::vector<std::string> zh, all;
  words_of(v, zh, all);
  auto& d = rep.error("E0205", std::move(message), at);
  d.expected = either_of(zh);
  d.found = "'" + std::string(word) + "'";
  // a word of one or two characters is one edit from too many others
  // (企业 is no typo of 事业): the vocabulary alone is shown
  if (text::code_points(word).size() > 2)
    if (const auto near = text::closest_names(word, all); !near.empty())
      d.label = "did you mean " + text::quoted_list(near) + "?";
  return d;
}

/// A fund of spending written with a dot, 上年结转结余.FUND (an item's 资金, a
/// filter over items or projects' amounts): the fund whose last year's
/// balance pays, one a balance can be split into.  E0205 at `at`, and
/// nullopt, for another line before the dot, nothing after it, or no such
/// part.
inline std::optional<fund_source> balance_fund(reporter& rep, std::string_view written, source_span at) {
  const auto dot = written.find('.');
  const std::string_view line = written.substr(0, dot), part = dot == std::string_view::npos ? "" : written.substr(dot + 1);
  if (parse_fund_source(line) != fund_source::carryover) {
    auto& d = rep.error("E0205", "'" + std::string(written) + "' is not a fund source", at,
                        "only 上年结转结余 is written with the fund its balance is of");
    d.expected = "a fund source, or 上年结转结余.FUND";
    d.found = "'" + std::string(written) + "'";
    return std::nullopt;
  }
  if (part.empty()) {
    auto& d = rep.error("E0205", "a fund source is missing after '" + std::string(line) + ".'", at,
                        "write the fund the balance is of: 上年结转结余.一般公共预算, 上年结转结余.政府性基金 …");
    d.expected = "a fund source after '.'";
    d.found = "nothing";
    return std::nullopt;
  }
  const auto p = parse_fund_source(part);
  if (!p || !is_part_of(*p, fund_source::carryover)) {
    unknown_word(rep, vocabulary::fund, "unknown fund source '" + std::string(part) + "' of 上年结转结余", part, at);
    return std::nullopt;
  }
  return p;
}

}  // namespace yusuan::compile
