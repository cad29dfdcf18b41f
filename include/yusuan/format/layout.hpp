// yusuan/format/layout.hpp -- the canonical layout of a budget file, given
// where its statements start (format/format.ipp finds them with the parser).
//
// The layout changes blanks only, never a token: one statement per line
// (a line holding several is split where the next statement starts), each
// line indented two spaces per open block, blanks between tokens one space,
// amounts of consecutive items (and of 上年, 数值, 计数 and 收入 lines)
// right-aligned in a column, runs of blank lines one, comments kept where
// they are.  Line breaks inside a statement are kept (an item's trailing
// coordinates belong on its amount's line; a long constraint stays as it
// was broken), its continuation lines indented one level deeper.  Tokens
// that are glued stay glued (9,101.68万元, 合计(经济 = 302)); the one
// exception is the colon of an item, written right after its coordinates.
#pragma once

#include <yusuan/syntax/chars.hpp>
#include <yusuan/text/utf8.hpp>
#include <yusuan/text/width.hpp>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace yusuan::format {

/// How a statement's amount is aligned with its neighbours': statements of
/// the same kind on consecutive lines of one block share a column.
enum class align_kind : std::uint8_t { none, item, prior, figure, count, income };

/// A statement of the file, as the parser found it.
struct statement_mark {
  std::size_t begin = 0;                 // byte offset of its first token
  bool opens = false;                    // it opens a block ('{' at its end)
  bool closes = false;                   // it is the '}' of a block
  align_kind align = align_kind::none;   // whether and with whom its amount aligns
  std::size_t amount = 0;                // offset of the amount, when `align` is set
};

/// A token to write differently (a keyword in the other language).
struct token_edit {
  std::size_t begin = 0, end = 0;
  std::string text;
};

namespace detail {

inline constexpr std::string_view byte_order_mark = "\xEF\xBB\xBF";

/// Length of the blank at p (a space, tab, form feed, vertical tab, U+3000,
/// a no-break space U+00A0, U+2007, U+202F, or U+FEFF), or 0.  Line breaks are not blanks here: lines are split first.
inline std::size_t blank_at(std::string_view s, std::size_t p) {
  return syntax::chars::blank_length(s.data() + p, s.data() + s.size());
}

inline bool starts_comment(std::string_view s, std::size_t p, std::size_t e) {
  return s[p] == '#' || (s[p] == '/' && p + 1 < e && s[p + 1] == '/');
}

/// End of the string that starts at p ("…" with \-escapes, or “…”), or of
/// the piece when it is not closed on it.
inline std::size_t string_end(std::string_view s, std::size_t p, std::size_t e) {
  if (s[p] == '"') {
    for (std::size_t q = p + 1; q < e; ++q) {
      if (s[q] == '\\' && q + 1 < e) ++q;
      else if (s[q] == '"') return q + 1;
    }
    return e;
  }
  const std::size_t close = s.substr(0, e).find("\xE2\x80\x9D", p + 3);  // ”
  return close == std::string_view::npos ? e : close + 3;
}

inline bool opens_string(std::string_view s, std::size_t p) {
  return s[p] == '"' || (s[p] == '\xE2' && s.compare(p, 3, "\xE2\x80\x9C") == 0);  // “
}

/// A run of text between blanks, as it will be written.
struct chunk {
  std::size_t b, e;        // in the source
  bool glued = false;      // no blank between it and the chunk before
  bool comment = false;    // a comment: the rest of the line
  std::size_t sep_b = 0, sep_e = 0;  // the blank before it in the source
};

/// Splits [b, e) into chunks (into `out`); a chunk also starts at `cut` (the amount).
inline void chunks(std::string_view s, std::size_t b, std::size_t e, std::size_t cut, std::vector<chunk>& out) {
  out.clear();
  std::size_t p = b, sep_b = b;
  bool glued = false;
  while (p < e) {
    if (const std::size_t n = blank_at(s, p)) {
      if (glued || out.empty()) sep_b = p;
      p += n;
      glued = false;
      continue;
    }
    chunk c{p, p, glued && !out.empty(), false, glued ? p : sep_b, p};
    if (starts_comment(s, p, e)) {
      c.comment = true;
      c.e = e;
      while (c.e > p && blank_at(s, c.e - 1)) --c.e;  // trailing blanks (ASCII) go
      out.push_back(c);
      break;
    }
    std::size_t q = p;
    if (opens_string(s, q)) {
      q = string_end(s, q, e);
    } else {
      while (q < e && !blank_at(s, q) && !opens_string(s, q) && !starts_comment(s, q, e)) {
        ++q;
        if (q == cut) break;
      }
    }
    c.e = q;
    out.push_back(c);
    p = q;
    glued = true;
  }
}

inline bool is_ascii_digit(char c) { return c >= '0' && c <= '9'; }

/// Whether [b, e) starts with exactly two digits: what one space after a
/// code would join to it as a group.
inline bool two_digits_at(std::string_view s, std::size_t b, std::size_t e) {
  return e - b >= 2 && is_ascii_digit(s[b]) && is_ascii_digit(s[b + 1]) && (e - b == 2 || !is_ascii_digit(s[b + 2]));
}

/// Writes chunks [from, to) with one space between those that had blanks
/// between them, applying the edits (a chunk an edit empties is left out).
/// One exception: a blank other than one space before two digits after a
/// number is kept as it is, since one space would join them into a code
/// (208 01 is the code 20801; 208 and 01 with a tab between are two).
inline void write_chunks(std::string& out, std::string_view s, const std::vector<chunk>& cs, std::size_t from,
                         std::size_t to, std::span<const token_edit> edits) {
  bool any = false;
  for (std::size_t i = from; i < to; ++i) {
    const chunk& c = cs[i];
    auto it = std::lower_bound(edits.begin(), edits.end(), c.b,
                               [](const token_edit& t, std::size_t off) { return t.begin < off; });
    const bool emptied_start = !c.comment && it != edits.end() && it->begin == c.b && it->text.empty();
    if (emptied_start && it->end == c.e) continue;  // a token written as nothing (in of "not in")
    if (any && !c.glued && !emptied_start) {
      const std::string_view sep = s.substr(c.sep_b, c.sep_e - c.sep_b);
      if (sep != " " && is_ascii_digit(s[cs[i - 1].e - 1]) && two_digits_at(s, c.b, c.e)) out += sep;
      else out += ' ';
    }
    any = true;
    std::size_t p = c.b;
    if (!c.comment) {
      for (; it != edits.end() && it->begin < c.e; ++it) {
        out.append(s.substr(p, it->begin - p));
        out.append(it->text);
        p = it->end;
      }
    }
    out.append(s.substr(p, c.e - p));
  }
}

inline bool is_closer(std::string_view s, std::size_t p) {
  return s[p] == '}' || s[p] == ')' ||
         (s[p] == '\xEF' && (s.compare(p, 3, "\xEF\xBD\x9D") == 0 || s.compare(p, 3, "\xEF\xBC\x89") == 0));
}

/// Brackets opened minus closed by the code of [b, e) (strings and
/// comments aside).
inline int bracket_balance(std::string_view s, const std::vector<chunk>& cs) {
  int n = 0;
  for (const chunk& c : cs) {
    if (c.comment || opens_string(s, c.b)) continue;
    for (std::size_t p = c.b; p < c.e; ++p) {
      if (s[p] == '{' || s[p] == '(' ||
          (s[p] == '\xEF' && (s.compare(p, 3, "\xEF\xBD\x9B") == 0 || s.compare(p, 3, "\xEF\xBC\x88") == 0)))
        ++n;
      else if (is_closer(s, p)) --n;
    }
  }
  return n;
}

/// An item (or 上年 …) line cut at its amount: the text before it, the
/// amount (with what is glued to it) and what follows.
struct aligned_text {
  std::string prefix, amount, suffix;
};

/// Where an amount's decimal point is (or where its digits end).
inline std::size_t decimal_point(std::string_view a) {
  const std::size_t dot = a.find('.');
  if (dot != std::string_view::npos) return dot;
  std::size_t p = 0;
  while (p < a.size() && (is_ascii_digit(a[p]) || a[p] == ',' || a[p] == '-' || a[p] == '+')) ++p;
  return p;
}

/// A line of a run of aligned lines, kept until the run ends: its piece
/// (written again then) and its widths.
struct run_line {
  std::size_t piece, indent;
  std::size_t prefix_w, whole_w, part_w;
};

}  // namespace detail

/// Levels of indentation past which lines are indented no further: blocks
/// (and brackets) nested deeper than any budget needs must not make the
/// output grow with the square of the input.
inline constexpr std::size_t max_indent_levels = 32;

/// The text in canonical layout.  `marks` are the statements in order of
/// `begin`; `edits` the tokens to rewrite, in order.  Time and memory are
/// linear in the text: lines are written as they are laid out, and a run of
/// aligned lines keeps only the widths of each.
inline std::string layout(std::string_view s, std::span<const statement_mark> marks,
                          std::span<const token_edit> edits = {}, std::size_t indent_width = 2) {
  using namespace detail;
  std::string out;
  out.reserve(s.size() + s.size() / 8);
  std::size_t start = 0;
  if (s.substr(0, 3) == byte_order_mark) {
    out += byte_order_mark;
    start = 3;
  }
  // the pieces of text to write: lines, split where a statement starts
  struct piece {
    std::size_t b, e;
    std::size_t mark;  // the statement it starts, or npos
    bool code;         // it holds code, not only a comment (or nothing)
  };
  constexpr std::size_t npos = static_cast<std::size_t>(-1);
  std::vector<piece> pieces;
  std::size_t m = 0;
  auto add_piece = [&](std::size_t b, std::size_t e, std::size_t mark) {
    pieces.push_back({b, e, mark, b < e && !starts_comment(s, b, e)});
  };
  for (std::size_t p = start; p <= s.size();) {
    std::size_t e = p;
    while (e < s.size() && s[e] != '\n' && s[e] != '\r') ++e;
    std::size_t b = p;
    while (b < e && blank_at(s, b)) b += blank_at(s, b);
    while (m < marks.size() && marks[m].begin < b) ++m;  // (a mark is never inside blanks)
    std::size_t from = b;
    std::size_t mark = m < marks.size() && marks[m].begin == b && b < e ? m++ : npos;
    while (m < marks.size() && marks[m].begin < e) {
      add_piece(from, marks[m].begin, mark);
      from = marks[m].begin;
      mark = m++;
    }
    add_piece(from, e, mark);
    if (e == s.size()) break;
    p = e + (s[e] == '\r' && e + 1 < s.size() && s[e + 1] == '\n' ? 2 : 1);
  }
  // the last piece of each statement: its last piece with code
  std::vector<std::size_t> last_piece(marks.size(), npos);
  {
    std::size_t current = npos;
    for (std::size_t i = 0; i < pieces.size(); ++i) {
      if (pieces[i].mark != npos) current = pieces[i].mark;
      if (current != npos && pieces[i].code) last_piece[current] = i;
    }
  }

  std::vector<chunk> cs;
  auto chunks_of = [&](std::size_t i) {
    const piece& pc = pieces[i];
    const std::size_t cut = pc.mark != npos && marks[pc.mark].align != align_kind::none ? marks[pc.mark].amount : npos;
    chunks(s, pc.b, pc.e, cut, cs);
  };
  // the chunk of the amount of a statement on one line, or cs.size()
  auto amount_chunk = [&](std::size_t i) {
    const piece& pc = pieces[i];
    if (pc.mark == npos || marks[pc.mark].align == align_kind::none || last_piece[pc.mark] != i) return cs.size();
    for (std::size_t k = 0; k < cs.size(); ++k)
      if (cs[k].b == marks[pc.mark].amount && !cs[k].comment) return k;
    return cs.size();
  };
  auto aligned = [&](std::size_t i, std::size_t k) {
    aligned_text t;
    write_chunks(t.prefix, s, cs, 0, k, edits);
    if (marks[pieces[i].mark].align == align_kind::item) {  // the colon right after the coordinates
      auto& pre = t.prefix;
      for (std::string_view colon : {std::string_view(":"), std::string_view("\xEF\xBC\x9A")})
        if (pre.size() > colon.size() + 1 && pre.compare(pre.size() - colon.size(), colon.size(), colon) == 0 &&
            pre[pre.size() - colon.size() - 1] == ' ' && !cs[k - 1].glued)
          pre.erase(pre.size() - colon.size() - 1, 1);
    }
    std::size_t after = k + 1;
    write_chunks(t.amount, s, cs, k, k + 1, edits);
    for (; after < cs.size() && cs[after].glued && !cs[after].comment; ++after)
      write_chunks(t.amount, s, cs, after, after + 1, edits);
    if (after < cs.size()) write_chunks(t.suffix, s, cs, after, cs.size(), edits);
    // a keyword glued to the amount and respelled with a blank before it
    // (1.00资金 → 1.00 fund) belongs to what follows the amount
    if (const std::size_t blank = t.amount.find(' '); blank != std::string::npos) {
      t.suffix = t.amount.substr(blank + 1) + (t.suffix.empty() ? "" : " ") + t.suffix;
      t.amount.resize(blank);
    }
    return t;
  };

  // writing: at most one blank line in a row, none at the start or end of
  // the file or of a block; runs of aligned lines
  bool any = false, last_opens = false, pending_blank = false;
  std::vector<run_line> run;
  align_kind run_kind = align_kind::none;
  double run_log_sum = 0;  // of the prefix widths: a much longer or shorter one starts a run of its own
  auto indent = [&](std::size_t levels) { out.append(std::min(levels, max_indent_levels) * indent_width, ' '); };
  auto before_line = [&](bool closes) {
    if (pending_blank && !closes) out += '\n';
    pending_blank = false;
  };
  auto flush_run = [&]() {
    if (run.empty()) return;
    std::size_t prefix_w = 0, whole_w = 0, part_w = 0;
    for (const auto& r : run) {
      prefix_w = std::max(prefix_w, r.prefix_w);
      whole_w = std::max(whole_w, r.whole_w);
      part_w = std::max(part_w, r.part_w);
    }
    for (const auto& r : run) {
      chunks_of(r.piece);
      const aligned_text t = aligned(r.piece, amount_chunk(r.piece));
      indent(r.indent);
      out += t.prefix;
      out.append(prefix_w - r.prefix_w + 1 + whole_w - r.whole_w, ' ');
      out += t.amount;
      if (!t.suffix.empty()) {
        out.append(part_w - r.part_w + 1, ' ');
        out += t.suffix;
      }
      out += '\n';
    }
    run.clear();
  };
  auto put_blank = [&]() {
    flush_run();
    if (any && !last_opens) pending_blank = true;
  };
  auto put_line = [&](std::size_t levels, const std::string& text, bool opens, bool closes) {
    if (text.empty()) return;  // a line whose only token was written as nothing
    flush_run();
    before_line(closes);
    indent(levels);
    out += text;
    out += '\n';
    any = true;
    last_opens = opens;
  };
  auto put_aligned = [&](std::size_t i, std::size_t levels, align_kind kind, const aligned_text& t) {
    const std::size_t pt = decimal_point(t.amount);
    const run_line r{i, levels, text::display_width(t.prefix),
                     text::display_width(std::string_view(t.amount).substr(0, pt)),
                     text::display_width(std::string_view(t.amount).substr(pt))};
    const double w = std::log(static_cast<double>(std::max<std::size_t>(r.prefix_w, 1)));
    if (!run.empty()) {
      const double ratio = std::exp(w - run_log_sum / static_cast<double>(run.size()));
      if (kind != run_kind || levels != run.front().indent || ratio >= 4 || ratio <= 0.25) flush_run();
    }
    if (run.empty()) {
      before_line(false);
      run_kind = kind;
      run_log_sum = 0;
    }
    run.push_back(r);
    run_log_sum += w;
    any = true;
    last_opens = false;
  };

  std::size_t depth = 0, base = 0;
  std::size_t current = npos;
  int open_in_statement = 0;
  std::string text;
  for (std::size_t i = 0; i < pieces.size(); ++i) {
    const piece& pc = pieces[i];
    chunks_of(i);
    text.clear();
    if (pc.mark != npos) {
      if (current != npos && marks[current].opens) ++depth;
      current = pc.mark;
      const statement_mark& st = marks[current];
      if (st.closes && depth > 0) --depth;
      base = depth;
      open_in_statement = bracket_balance(s, cs);
      if (const std::size_t k = amount_chunk(i); k < cs.size()) {
        put_aligned(i, base, st.align, aligned(i, k));
      } else {
        write_chunks(text, s, cs, 0, cs.size(), edits);
        put_line(base, text, st.opens && last_piece[current] == i, st.closes);
      }
    } else if (cs.empty()) {
      put_blank();
    } else if (current != npos && last_piece[current] != npos && i <= last_piece[current]) {
      // a continuation line of the statement: one level in, or as deep as
      // its open brackets, a closing bracket back; one level more when the
      // statement opens a block (whose body is indented by one)
      const int n = std::max(open_in_statement, 0);
      const std::size_t levels = is_closer(s, cs.front().b) && !cs.front().comment
                                     ? static_cast<std::size_t>(std::max(n - 1, 0))
                                     : static_cast<std::size_t>(std::max(n, 1));
      write_chunks(text, s, cs, 0, cs.size(), edits);
      put_line(base + levels + (marks[current].opens ? 1 : 0), text, marks[current].opens && last_piece[current] == i,
               false);
      open_in_statement += bracket_balance(s, cs);
    } else {
      // a comment on a line of its own, between statements
      write_chunks(text, s, cs, 0, cs.size(), edits);
      put_line(depth + (current != npos && marks[current].opens ? 1 : 0), text, false, false);
    }
  }
  flush_run();
  return out;
}

}  // namespace yusuan::format
