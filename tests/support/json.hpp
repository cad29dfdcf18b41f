// A small JSON reader, enough to check the --format json output of the yusuan
// program: json_reader(text).read(doc) parses one JSON value.
#pragma once

#include <yusuan/diagnostic.hpp>

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace yusuan_test {

struct json {
  enum class kind { null, boolean, number, string, array, object } type = kind::null;
  bool boolean = false;
  double number = 0;
  std::string string;
  std::vector<json> array;
  std::vector<std::pair<std::string, json>> object;
  const json* get(std::string_view key) const {
    for (const auto& [k, v] : object)
      if (k == key) return &v;
    return nullptr;
  }
};

class json_reader {
public:
  explicit json_reader(std::string_view s) : s_(s) {}
  /// Parses the whole text; false if it is not one JSON value.
  bool read(json& out) {
    if (!value(out)) return false;
    ws();
    return i_ == s_.size();
  }

private:
  void ws() {
    while (i_ < s_.size() && (s_[i_] == ' ' || s_[i_] == '\n' || s_[i_] == '\r' || s_[i_] == '\t')) ++i_;
  }
  bool lit(std::string_view w) {
    if (s_.substr(i_, w.size()) != w) return false;
    i_ += w.size();
    return true;
  }
  bool str(std::string& out) {
    if (i_ >= s_.size() || s_[i_] != '"') return false;
    ++i_;
    while (i_ < s_.size()) {
      const char c = s_[i_++];
      if (c == '"') return true;
      if (static_cast<unsigned char>(c) < 0x20) return false;
      if (c != '\\') {
        out += c;
        continue;
      }
      if (i_ >= s_.size()) return false;
      const char e = s_[i_++];
      switch (e) {
        case '"': out += '"'; break;
        case '\\': out += '\\'; break;
        case '/': out += '/'; break;
        case 'b': out += '\b'; break;
        case 'f': out += '\f'; break;
        case 'n': out += '\n'; break;
        case 'r': out += '\r'; break;
        case 't': out += '\t'; break;
        case 'u': {
          if (i_ + 4 > s_.size()) return false;
          char32_t cp = 0;
          for (int k = 0; k < 4; ++k) {
            const char h = s_[i_++];
            cp <<= 4;
            if (h >= '0' && h <= '9') cp |= static_cast<char32_t>(h - '0');
            else if (h >= 'a' && h <= 'f') cp |= static_cast<char32_t>(h - 'a' + 10);
            else if (h >= 'A' && h <= 'F') cp |= static_cast<char32_t>(h - 'A' + 10);
            else return false;
          }
          yusuan::text::append_utf8(out, cp);
          break;
        }
        default: return false;
      }
    }
    return false;
  }
  bool value(json& out) {
    ws();
    if (i_ >= s_.size()) return false;
    const char c = s_[i_];
    if (c == '{') {
      out.type = json::kind::object;
      ++i_;
      ws();
      if (lit("}")) return true;
      for (;;) {
        ws();
        std::string key;
        if (!str(key)) return false;
        ws();
        if (!lit(":")) return false;
        json v;
        if (!value(v)) return false;
        out.object.emplace_back(std::move(key), std::move(v));
        ws();
        if (lit("}")) return true;
        if (!lit(",")) return false;
      }
    }
    if (c == '[') {
      out.type = json::kind::array;
      ++i_;
      ws();
      if (lit("]")) return true;
      for (;;) {
        json v;
        if (!value(v)) return false;
        out.array.push_back(std::move(v));
        ws();
        if (lit("]")) return true;
        if (!lit(",")) return false;
      }
    }
    if (c == '"') {
      out.type = json::kind::string;
      return str(out.string);
    }
    if (lit("true")) {
      out.type = json::kind::boolean;
      out.boolean = true;
      return true;
    }
    if (lit("false")) {
      out.type = json::kind::boolean;
      return true;
    }
    if (lit("null")) return true;
    const std::size_t b = i_;
    if (i_ < s_.size() && s_[i_] == '-') ++i_;
    while (i_ < s_.size() && ((s_[i_] >= '0' && s_[i_] <= '9') || s_[i_] == '.' || s_[i_] == 'e' || s_[i_] == 'E' ||
                              s_[i_] == '+' || s_[i_] == '-'))
      ++i_;
    if (i_ == b) return false;
    out.type = json::kind::number;
    out.number = std::stod(std::string(s_.substr(b, i_ - b)));
    return true;
  }

  std::string_view s_;
  std::size_t i_ = 0;
};

}  // namespace yusuan_test
