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

namespace detail {

/// Up to 64 code points of `s` into `out`; how many there are (65: more).
inline std::size_t decode_short(std::string_view s, char32_t (&out)[64]) noexcept {
  std::size_t n = 0;
  const char* p = s.data();
  const char* last = p + s.size();
  while (p < last) {
    const char32_t c = decode(p, last);
    if (n == 64) return 65;
    out[n++] = c;
  }
  return n;
}

/// The edit distance of two words of at most 64 code points, with swaps of
/// neighbours, in three rows on the stack.
inline std::size_t short_distance(const char32_t* x, std::size_t n, const char32_t* y, std::size_t m) noexcept {
  std::size_t rows[3][65];
  for (std::size_t j = 0; j <= m; ++j) rows[0][j] = j;
  for (std::size_t i = 1; i <= n; ++i) {
    std::size_t* cur = rows[i % 3];
    const std::size_t* prev = rows[(i - 1) % 3];
    const std::size_t* before = rows[(i + 1) % 3];  // row i - 2
    cur[0] = i;
    for (std::size_t j = 1; j <= m; ++j) {
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1)});
      if (i > 1 && j > 1 && x[i - 1] == y[j - 2] && x[i - 2] == y[j - 1]) cur[j] = std::min(cur[j], before[j - 2] + 1);
    }
  }
  return rows[n % 3][m];
}

/// The edit distance of words of `n` and `m` code points (decode_short's
/// counts, 65 for more than 64) and lengths `la` and `lb`.
inline std::size_t distance(const char32_t* x, std::size_t n, std::size_t la, const char32_t* y, std::size_t m,
                            std::size_t lb) noexcept {
  if (n > 64 || m > 64) return (la > lb ? la - lb : lb - la) + 64;
  return short_distance(x, n, y, m);
}

}  // namespace detail

/// Edit distance between two strings, counted in code points: insertions,
/// deletions, substitutions and swaps of two neighbours each count one.
/// Words longer than 64 code points are not compared (the result is their
/// length difference plus 64), which keeps the cost bounded on hostile input.
inline std::size_t edit_distance(std::string_view a, std::string_view b) {
  char32_t x[64], y[64];
  const std::size_t n = detail::decode_short(a, x), m = detail::decode_short(b, y);
  return detail::distance(x, n, n > 64 ? length(a) : n, y, m, m > 64 ? length(b) : m);
}

/// The candidates close enough to `word` to be what was meant, nearest first
/// (at most `max` of them): within a third of the longer word's length, and
/// at least one edit for short words.  Duplicates are listed once.  Each
/// candidate costs no allocation: a did-you-mean is looked for among
/// thousands of names.
inline std::vector<std::string> closest_names(std::string_view word, const std::vector<std::string>& candidates,
                                              std::size_t max = 3) {
  char32_t x[64], y[64];
  const std::size_t n = detail::decode_short(word, x);
  const std::size_t len = n > 64 ? length(word) : n;
  // (distance, index of the candidate): sorted, nearest first and, at one
  // distance, in the candidates' order
  std::vector<std::pair<std::size_t, std::size_t>> near;
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    const std::string& c = candidates[i];
    if (c == word) continue;
    const std::size_t m = detail::decode_short(c, y);
    const std::size_t clen = m > 64 ? length(c) : m;
    const std::size_t limit = std::max<std::size_t>(1, std::max(len, clen) / 3);
    // the lengths' difference is the fewest edits there can be: most are passed over uncompared
    if ((len > clen ? len - clen : clen - len) > limit) continue;
    const std::size_t d = detail::distance(x, n, len, y, m, clen);
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
