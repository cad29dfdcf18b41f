// yusuan/text/escape.hpp -- text made safe for CSV, JSON and terminals.
#pragma once

#include <yusuan/text/utf8.hpp>

#include <cstddef>
#include <ostream>
#include <string>
#include <string_view>

namespace yusuan::text {

/// A CSV field, quoted as RFC 4180 requires (when it holds a comma, a quote or
/// a line break; quotes are doubled).
inline std::string csv_field(std::string_view s) {
  if (s.find_first_of(",\"\n\r") == std::string_view::npos) return std::string(s);
  std::string q = "\"";
  for (char c : s) {
    if (c == '"') q += '"';
    q += c;
  }
  return q + "\"";
}

/// Appends `s` as a JSON string literal: quotes, backslashes and control
/// characters escaped, other UTF-8 as it is.
inline void append_json_string(std::string& out, std::string_view s) {
  static constexpr char hex[] = "0123456789abcdef";
  out += '"';
  for (const char ch : s) {
    const auto u = static_cast<unsigned char>(ch);
    switch (ch) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (u < 0x20 || u == 0x7F) {
          out += "\\u00";
          out += hex[u >> 4];
          out += hex[u & 15];
        } else {
          out += ch;
        }
    }
  }
  out += '"';
}

/// `s` as a JSON string literal.
inline std::string json_string(std::string_view s) {
  std::string out;
  append_json_string(out, s);
  return out;
}

/// Writes `s` as a JSON string literal.
inline void write_json_string(std::ostream& os, std::string_view s) { os << json_string(s); }

/// Whether a code point must not reach a terminal as it is: C0 controls other
/// than tab, DEL, C1 controls, and the bidirectional overrides and isolates
/// that can make a line read differently from what it holds.
constexpr bool is_unsafe_for_terminal(char32_t c) noexcept {
  return (c < 0x20 && c != '\t') || (c >= 0x7F && c <= 0x9F) || (c >= 0x202A && c <= 0x202E) ||
         (c >= 0x2066 && c <= 0x2069) || c == 0x200E || c == 0x200F || c == 0x061C;
}

/// `s` with every character unsafe for a terminal written as an escape:
/// \0, \a, \b, \e, \f, \v, \x7f, \u{202e} …  Everything else is kept.
inline std::string terminal_safe(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  const char* p = s.data();
  const char* const e = p + s.size();
  static constexpr char hex[] = "0123456789abcdef";
  while (p < e) {
    const char* at = p;
    const char32_t c = decode(p, e);
    if (!is_unsafe_for_terminal(c)) {
      out.append(at, p);
      continue;
    }
    switch (c) {
      case 0: out += "\\0"; break;
      case 0x07: out += "\\a"; break;
      case 0x08: out += "\\b"; break;
      case 0x1B: out += "\\e"; break;
      case 0x0C: out += "\\f"; break;
      case 0x0B: out += "\\v"; break;
      case 0x0D: out += "\\r"; break;
      case 0x0A: out += "\\n"; break;
      default:
        if (c < 0x100) {
          out += "\\x";
          out += hex[(c >> 4) & 15];
          out += hex[c & 15];
        } else {
          out += "\\u{";
          bool started = false;
          for (int shift = 20; shift >= 0; shift -= 4) {
            const unsigned d = (c >> shift) & 15;
            if (d || started || shift == 0) {
              out += hex[d];
              started = true;
            }
          }
          out += '}';
        }
    }
  }
  return out;
}

}  // namespace yusuan::text
