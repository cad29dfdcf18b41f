// yusuan/text/suggest.hpp -- "did you mean …?": the known names closest to
// a word that names nothing, by edit distance over code points (so that 功熊
// is one edit from 功能, as kidn is one from kind).
#pragma once

#include <yusuan/text/utf8.hpp>

#include <algorithm>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace yusuan::text {

/// The code points of a UTF-8 string.
inline std::u32string code_points(std::string_view s) {
  std::u32string out;
  const char* p = s.data();
  const char* last = p + s.size();
  while (p < last) out.push_back(decode(p, last));
  return out;
}

/// Edit distance between two strings, counted in code points: insertions,
/// deletions, substitutions and swaps of two neighbours each count one.
/// Words longer than 64 code points are not compared (the result is their
/// length difference plus 64), which keeps the cost bounded on hostile input.
inline std::size_t edit_distance(std::string_view a, std::string_view b) {
  const std::u32string x = code_points(a), y = code_points(b);
  const std::size_t n = x.size(), m = y.size();
  if (n > 64 || m > 64) return (n > m ? n - m : m - n) + 64;
  std::vector<std::size_t> d((n + 1) * (m + 1));
  auto at = [&](std::size_t i, std::size_t j) -> std::size_t& { return d[i * (m + 1) + j]; };
  for (std::size_t i = 0; i <= n; ++i) at(i, 0) = i;
  for (std::size_t j = 0; j <= m; ++j) at(0, j) = j;
  for (std::size_t i = 1; i <= n; ++i)
    for (std::size_t j = 1; j <= m; ++j) {
      at(i, j) = std::min({at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + (x[i - 1] == y[j - 1] ? 0 : 1)});
      if (i > 1 && j > 1 && x[i - 1] == y[j - 2] && x[i - 2] == y[j - 1]) at(i, j) = std::min(at(i, j), at(i - 2, j - 2) + 1);
    }
  return at(n, m);
}

/// The candidates close enough to `word` to be what was meant, nearest first
/// (at most `max` of them): within a third of the longer word's length, and
/// at least one edit for short words.  Duplicates are listed once.
inline std::vector<std::string> closest_names(std::string_view word, const std::vector<std::string>& candidates,
                                              std::size_t max = 3) {
  const std::size_t len = code_points(word).size();
  // (distance, index of the candidate): sorted, nearest first and, at one
  // distance, in the candidates' order
  std::vector<std::pair<std::size_t, std::size_t>> near;
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    const std::string& c = candidates[i];
    if (c == word) continue;
    const std::size_t d = edit_distance(word, c);
    const std::size_t limit = std::max<std::size_t>(1, std::max(len, code_points(c).size()) / 3);
    if (d <= limit) near.emplace_back(d, i);
  }
  std::sort(near.begin(), near.end());
  std::vector<std::string> out;
  for (const auto& [d, i] : near) {
    if (out.size() == max) break;
    if (std::find(out.begin(), out.end(), candidates[i]) == out.end()) out.push_back(candidates[i]);
  }
  return out;
}

/// "'功能' or '经济'" for a list of names; empty for none.
inline std::string quoted_list(const std::vector<std::string>& names) {
  std::string out;
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (i) out += i + 1 == names.size() ? " or " : ", ";
    out += "'" + names[i] + "'";
  }
  return out;
}

}  // namespace yusuan::text
