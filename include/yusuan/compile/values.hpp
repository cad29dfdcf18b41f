// yusuan/compile/values.hpp -- reading the values of tokens: amounts in the
// file's unit, whole counts, percentages, years, strings with their escapes.
// Every malformed value is a located diagnostic.
#pragma once

#include <yusuan/compile/reporter.hpp>
#include <yusuan/compile/scope.hpp>
#include <yusuan/money.hpp>

#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>

namespace yusuan::compile {

/// Reads the values of tokens for the lowering pass.
class value_reader {
public:
  value_reader(reporter& r, file_state& f) : rep_(r), file_(&f) {}
  void set_file(file_state& f) noexcept { file_ = &f; }
  unit file_unit() const noexcept { return file_->amount_unit; }

  /// An amount in the file's unit (金额单位).
  std::optional<money> amount(slice text) {
    ++file_->amounts;  // 金额单位 must come before the file's first amount
    std::error_code ec;
    std::size_t pos = 0;
    const money m = money::parse(text.view(), file_->amount_unit, ec, pos);
    if (!ec && m.fen() == std::numeric_limits<std::int64_t>::min()) {
      // amounts are within ±(2^63 - 1) 分, so that each has a negation
      rep_.error("E0202", "amount '" + std::string(text.view()) + "' is more than an amount can hold",
                 rep_.span_of(text), "amounts are at most 92,233,720,368,547,758.07 元 either side of 0");
      return std::nullopt;
    }
    if (!ec) return m;
    const unit u = file_->amount_unit;
    if (ec == amount_errc::too_precise) {
      auto& d = rep_.error("E0202",
                           "amount '" + std::string(text.view()) + "' is finer than 1 分 in " + std::string(unit_name(u)),
                           rep_.span_at(text.b + pos, text.size() - pos));
      d.label = "1 分 is 0." + std::string(static_cast<std::size_t>(exact_decimals(u) - 1), '0') + "1 " +
                std::string(unit_name(u));
      return std::nullopt;
    }
    const source_span sp = pos < text.size() ? rep_.span_at(text.b + pos, 1) : rep_.span_of(text);
    auto& d = rep_.error("E0202", "malformed amount '" + std::string(text.view()) + "'", sp,
                         describe_amount_error(text.view(), ec, pos));
    d.expected = "an amount such as 1,234.56";
    return std::nullopt;
  }

  /// A whole number of at most 17 digits (a count of vehicles, a limit).
  std::optional<std::int64_t> whole(slice text, const char* what) {
    const auto t = text.view();
    bool ok = !t.empty() && t.size() <= 17;
    for (char c : t) ok = ok && c >= '0' && c <= '9';
    if (!ok) {
      rep_.error("E0202", std::string(what) + " must be a whole number", rep_.span_of(text),
                 "found '" + std::string(t) + "'");
      return std::nullopt;
    }
    std::int64_t n = 0;
    for (char c : t) n = n * 10 + (c - '0');
    return n;
  }

  /// A four-digit year, or nullopt (without a diagnostic) when it is not one.
  static std::optional<int> year(std::string_view t) noexcept {
    if (t.size() != 4) return std::nullopt;
    int y = 0;
    for (char c : t) {
      if (c < '0' || c > '9') return std::nullopt;
      y = y * 10 + (c - '0');
    }
    return y;
  }

  /// A percentage literal (6.06%, 12％): units at its own scale (at most six decimals).
  struct percentage {
    std::int64_t units = 0;
    int scale = 0;
  };
  std::optional<percentage> percent(slice tok) {
    std::string t(tok.view());
    if (!t.empty() && t.back() == '%') t.pop_back();
    else if (t.size() >= 3 && t.compare(t.size() - 3, 3, "％") == 0) t.resize(t.size() - 3);
    const auto dot = t.find('.');
    const int scale = dot == std::string::npos ? 0 : static_cast<int>(t.size() - dot - 1);
    std::error_code ec;
    std::size_t pos = 0;
    const auto d = decimal<6>::parse(t, ec, pos);
    if (ec || scale > 6) {
      rep_.error("E0202", "malformed percentage '" + std::string(tok.view()) + "'", rep_.span_of(tok),
                 ec ? describe_decimal_error(t, ec, pos, 6) : "a percentage has at most six decimals");
      return std::nullopt;
    }
    return percentage{d.units() / static_cast<std::int64_t>(detail::pow10(6 - scale)), scale};
  }

  /// The text of a string token, with \" and \\ resolved (“…” has no escapes).
  std::string text(slice s) const {
    const auto v = s.view();
    const bool straight_quotes =  // a bare word or “…” has no escapes
        s.b && rep_.file() && s.b > rep_.file()->text().data() && s.b[-1] == '"';
    if (!straight_quotes || v.find('\\') == std::string_view::npos) return std::string(v);
    std::string out;
    out.reserve(v.size());
    for (std::size_t i = 0; i < v.size(); ++i) {
      if (v[i] == '\\' && i + 1 < v.size() && (v[i + 1] == '"' || v[i + 1] == '\\')) ++i;
      out += v[i];
    }
    return out;
  }

private:
  reporter& rep_;
  file_state* file_;
};

}  // namespace yusuan::compile
