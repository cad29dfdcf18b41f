// Tests of the budget language: parsing, checks and diagnostics.
//
//   dsl            the small sample budget
//   dsl_diag       one test (or a few) per diagnostic code: code, message,
//                  line:column and, where they exist, expected / found / notes
//   dsl_syntax     recovery after syntax errors
//   dsl_model      round trips: what a budget says is what the model holds
//   dsl_cli        the yusuan program: exit codes, text and JSON output
//
// The tests run with the repository root as working directory; budgets used
// by imports live in tests/data/dsl/.
#include <yusuan/compile.hpp>

#include <gtest/gtest.h>

#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace fs = std::filesystem;

namespace {

using yusuan::compile_options;
using yusuan::compile_result;
using yusuan::diagnostic;
using yusuan::econ_code;
using yusuan::function_code;
using yusuan::money;
using yusuan::severity;
using yusuan::spending_kind;
using yusuan::fund_source;

// ---------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------

/// Options without the catalog checks: these tests are about the language, and
/// use codes and names freely (the catalog checks have tests of their own).
compile_options no_catalog() {
  compile_options o;
  o.check_catalog = false;
  return o;
}

compile_result compile(std::string_view text, const compile_options& o = no_catalog()) {
  return yusuan::compile_string(text, "t.budget", o);
}

money wan(std::string_view s) { return money::parse(s, yusuan::unit::wan_yuan); }
money yuan(std::string_view s) { return money::parse(s, yusuan::unit::yuan); }
function_code fn(std::string_view s) { return *function_code::parse(s); }
econ_code ec(std::string_view s) { return *econ_code::parse(s); }

/// Every diagnostic rendered as text, for failure messages.
std::string dump(const yusuan::diagnostics& ds) {
  std::ostringstream os;
  yusuan::render_text(os, ds);
  return os.str();
}
std::string dump(const compile_result& r) { return dump(r.diagnostics); }

std::vector<const diagnostic*> with_code(const compile_result& r, std::string_view code) {
  std::vector<const diagnostic*> out;
  for (const auto& d : r.diagnostics)
    if (d.code == code) out.push_back(&d);
  return out;
}

/// The only diagnostic with this code (a test failure otherwise).
const diagnostic& one(const compile_result& r, std::string_view code) {
  static const diagnostic none{};
  const auto ds = with_code(r, code);
  if (ds.size() != 1) {
    ADD_FAILURE() << "expected exactly one " << code << ", got " << ds.size() << ":\n" << dump(r);
    return ds.empty() ? none : *ds.front();
  }
  return *ds.front();
}

/// "line:column" of a location (columns in characters); "0:0" for none.
std::string where(const yusuan::source_span& s) {
  const auto l = yusuan::resolve(s);
  return std::to_string(l.line) + ":" + std::to_string(l.column);
}
std::string where(const diagnostic& d) { return where(d.span); }
std::string file_of(const diagnostic& d) { return yusuan::resolve(d.span).file; }

bool has(std::string_view hay, std::string_view needle) { return hay.find(needle) != std::string_view::npos; }

#define EXPECT_HAS(hay, needle) EXPECT_TRUE(has((hay), (needle))) << "'" << (hay) << "' lacks '" << (needle) << "'"

/// Whether some note of `d` contains `text`; sets `at` to its location.
bool note_has(const diagnostic& d, std::string_view text, std::string* at = nullptr) {
  for (const auto& n : d.notes)
    if (has(n.message, text)) {
      if (at) *at = where(n.span);
      return true;
    }
  return false;
}

/// A fresh directory under the test temporary directory, removed at the end.
class temp_dir {
public:
  temp_dir() {
    static std::atomic<int> counter{0};
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    const std::string test = info ? std::string(info->test_suite_name()) + "." + info->name() : "none";
    path_ = fs::path(::testing::TempDir()) /
            ("yusuan-dsl-" + std::to_string(::getpid()) + "-" + test + "-" + std::to_string(counter++));
    fs::remove_all(path_);
    fs::create_directories(path_);
  }
  ~temp_dir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  temp_dir(const temp_dir&) = delete;
  temp_dir& operator=(const temp_dir&) = delete;
  const fs::path& path() const { return path_; }
  fs::path write(const std::string& name, std::string_view bytes) const {
    const fs::path p = path_ / name;
    fs::create_directories(p.parent_path());
    std::ofstream out(p, std::ios::binary);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    return p;
  }

private:
  fs::path path_;
};

std::string read_all(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

/// "测试" in GBK: not UTF-8.
const std::string gbk_title = "标题 \"\xB2\xE2\xCA\xD4\"\n";

// ---------------------------------------------------------------------------
// A small JSON reader, enough to check the CLI's --format json output.
// ---------------------------------------------------------------------------

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

// ---------------------------------------------------------------------------
// Running the CLI
// ---------------------------------------------------------------------------

struct cli_result {
  int exit = -1;
  std::string out, err;
};

/// Runs `yusuan <args>` (args already shell-quoted where needed).
cli_result run_cli(const std::string& args) {
  temp_dir t;
  const fs::path out = t.path() / "stdout", err = t.path() / "stderr";
  const std::string cmd = std::string("'") + YUSUAN_CLI + "' " + args + " >'" + out.string() + "' 2>'" + err.string() +
                          "' </dev/null";
  const int status = std::system(cmd.c_str());
  cli_result r;
  r.exit = status != -1 && WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.out = read_all(out);
  r.err = read_all(err);
  return r;
}

std::string quote(const fs::path& p) { return "'" + p.string() + "'"; }

}  // namespace

// ===========================================================================
// The sample budget
// ===========================================================================

TEST(dsl, small_budget_checks_clean) {
  auto r = yusuan::compile_file("tests/data/small.budget");
  ASSERT_TRUE(r.ok()) << r.diagnostics.size();
  EXPECT_EQ(r.value->items().size(), 8u);
  EXPECT_EQ(r.value->expenditure_total(), yusuan::money::parse("120.00", yusuan::unit::wan_yuan));
}

TEST(dsl, small_budget_has_no_diagnostics_and_loads) {
  auto r = yusuan::compile_file("tests/data/small.budget");
  ASSERT_TRUE(r.ok()) << dump(r);
  EXPECT_TRUE(r.diagnostics.empty()) << dump(r);
  EXPECT_FALSE(r.io_error);
  const yusuan::budget b = yusuan::load_budget("tests/data/small.budget");
  EXPECT_EQ(b.constraints().size(), 7u);
  for (const auto& c : b.constraints()) EXPECT_TRUE(c.passed) << c.text;
}

// ===========================================================================
// Diagnostics, one code at a time
// ===========================================================================

// --- E0001: a file that cannot be read ---------------------------------------

TEST(dsl_diag, E0001_missing_file) {
  auto r = yusuan::compile_file("tests/data/dsl/no_such_file.budget");
  EXPECT_FALSE(r.ok());
  EXPECT_TRUE(r.io_error);
  ASSERT_EQ(r.diagnostics.size(), 1u) << dump(r);
  const auto& d = one(r, "E0001");
  EXPECT_EQ(d.level, severity::error);
  EXPECT_EQ(d.message, "cannot read 'tests/data/dsl/no_such_file.budget': no such file");
  EXPECT_EQ(where(d), "0:0");  // the root file has no location to point at
  EXPECT_THROW((void)yusuan::load_budget("tests/data/dsl/no_such_file.budget"), yusuan::budget_error);
  try {
    (void)yusuan::load_budget("tests/data/dsl/no_such_file.budget");
  } catch (const yusuan::budget_error& e) {
    EXPECT_HAS(std::string(e.what()), "error[E0001]");
    EXPECT_HAS(std::string(e.what()), "1 error, 0 warnings");
    EXPECT_EQ(e.diagnostics().error_count(), 1u);
  }
  yusuan::diagnostics ds;
  EXPECT_FALSE(yusuan::load_budget("tests/data/dsl/no_such_file.budget", ds).has_value());
  EXPECT_EQ(ds.size(), 1u);
}

TEST(dsl_diag, E0001_import_of_a_directory) {
  // compile_string resolves imports against the current directory (the repository root).
  auto r = compile("金额单位 万元\n导入 \"tests\"\n");
  EXPECT_FALSE(r.ok());
  EXPECT_FALSE(r.io_error);  // the budget itself was read: the error is in it
  const auto& d = one(r, "E0001");
  EXPECT_EQ(d.message, "cannot read 'tests': not a readable file");
  EXPECT_EQ(d.label, "imported here");
  EXPECT_EQ(where(d), "2:5");
}

// --- E0002: not UTF-8 ------------------------------------------------------------

TEST(dsl_diag, E0002_gbk_string) {
  auto r = compile("年度 2024\n" + gbk_title);
  EXPECT_FALSE(r.ok());
  EXPECT_TRUE(r.io_error);
  const auto& d = one(r, "E0002");
  EXPECT_EQ(d.message, "'t.budget' is not UTF-8 (byte 0xb2 at line 2)");
  EXPECT_EQ(where(d), "0:0");
  ASSERT_EQ(d.notes.size(), 1u);
  EXPECT_HAS(d.notes[0].message, "iconv -f GBK -t UTF-8 't.budget'");
}

TEST(dsl_diag, E0002_gbk_file) {
  temp_dir t;
  const auto p = t.write("gbk.budget", gbk_title);
  auto r = yusuan::compile_file(p);
  EXPECT_FALSE(r.ok());
  EXPECT_TRUE(r.io_error);
  const auto& d = one(r, "E0002");
  EXPECT_HAS(d.message, "is not UTF-8 (byte 0xb2 at line 1)");
  EXPECT_HAS(d.message, p.string());
  ASSERT_EQ(d.notes.size(), 1u);
  EXPECT_HAS(d.notes[0].message, "iconv -f GBK -t UTF-8");
}

TEST(dsl_diag, E0002_gbk_import_points_at_the_import) {
  temp_dir t;
  t.write("gbk.budget", gbk_title);
  const auto p = t.write("main.budget", "金额单位 万元\n导入 \"gbk.budget\"\n");
  auto r = yusuan::compile_file(p);
  EXPECT_FALSE(r.ok());
  const auto& d = one(r, "E0002");
  EXPECT_EQ(d.message, "'gbk.budget' is not UTF-8 (byte 0xb2 at line 1)");
  EXPECT_EQ(where(d), "2:5");
  EXPECT_TRUE(note_has(d, "iconv -f GBK -t UTF-8 'gbk.budget'"));
}

// --- E0101: syntax errors ----------------------------------------------------------

TEST(dsl_diag, E0101_expected_and_found) {
  auto r = compile("金额单位 万元\n收入 一般公共预算 abc\n");
  EXPECT_FALSE(r.ok());
  const auto& d = one(r, "E0101");
  EXPECT_EQ(d.level, severity::error);
  EXPECT_EQ(d.message, "syntax error: expected an amount");
  EXPECT_EQ(d.expected, "an amount");
  EXPECT_EQ(d.found, "'abc'");
  EXPECT_EQ(where(d), "2:11");  // columns count characters, not bytes
  EXPECT_EQ(file_of(d), "t.budget");
}

TEST(dsl_diag, E0101_missing_colon_before_amount) {
  auto r = compile("208 01 09 30101 40.001\n");
  const auto& d = one(r, "E0101");
  EXPECT_EQ(d.expected, "':' and an amount, or '{'");
  EXPECT_EQ(d.found, "'40.001'");
  EXPECT_EQ(where(d), "1:17");
}

TEST(dsl_diag, E0101_missing_colon_before_two_decimal_amount) {
  auto r = compile("208 01 09 30101 5.00\n");
  const auto& d = one(r, "E0101");
  EXPECT_EQ(d.found, "'5.00'");
  EXPECT_EQ(where(d), "1:17");
}

TEST(dsl_diag, E0101_missing_colon_does_not_swallow_the_next_item) {
  auto r = compile("208 01 09 30101 40.00\n208 01 09 30102: 1.00\n");
  const auto& d = one(r, "E0101");
  EXPECT_EQ(where(d), "1:17");
  EXPECT_TRUE(with_code(r, "E0201").empty()) << dump(r);
}

TEST(dsl_diag, line_without_amount_is_an_error) {
  // The statement runs on to the next line, whose second economic code gives it away.
  auto r = compile("208 01 09 30101 基本工资\n208 01 09 30102 津贴补贴: 1.00\n");
  EXPECT_FALSE(r.ok());
  const auto& d = one(r, "E0201");
  EXPECT_EQ(d.message, "two 部门 economic codes for one item: 30101 and 30102");
  EXPECT_EQ(where(d), "2:11");
}

TEST(dsl_diag, E0101_found_the_end_of_the_file) {
  auto r = compile("标题 ");
  const auto& d = one(r, "E0101");
  EXPECT_EQ(d.expected, "a quoted string");
  EXPECT_EQ(d.found, "the end of the file");
  EXPECT_EQ(where(d), "1:4");
}

TEST(dsl_diag, E0101_unknown_statement) {
  auto r = compile("金额单位 万元\n  ？？ 什么\n");
  const auto& d = one(r, "E0101");
  EXPECT_EQ(d.message, "syntax error: expected a statement");
  EXPECT_EQ(where(d), "2:3");
}

TEST(dsl_diag, render_text_layout) {
  auto r = compile("金额单位 万元\n收入 一般公共预算 abc\n");
  const std::string text = dump(r);
  EXPECT_EQ(text,
            "error[E0101]: syntax error: expected an amount\n"
            "  --> t.budget:2:11\n"
            "  |\n"
            "2 | 收入 一般公共预算 abc\n"
            "  |                   ^ expected an amount, found 'abc'\n"  // carets by display width
            "\n");
  EXPECT_EQ(yusuan::summary(r.diagnostics), "1 error, 0 warnings");
}

// --- E0102: too many syntax errors ----------------------------------------------------

TEST(dsl_diag, E0102_more_than_max_errors) {
  auto o = no_catalog();
  o.max_errors = 2;
  auto r = compile("收入 一般公共预算 a1\n收入 一般公共预算 b2\n收入 一般公共预算 c3\n收入 一般公共预算 d4\n", o);
  EXPECT_FALSE(r.ok());
  const auto shown = with_code(r, "E0101");
  ASSERT_EQ(shown.size(), 2u) << dump(r);
  EXPECT_EQ(where(*shown[0]), "1:11");
  EXPECT_EQ(where(*shown[1]), "2:11");
  EXPECT_TRUE(shown[0]->notes.empty());
  EXPECT_TRUE(note_has(*shown[1], "stopping syntax error reports here (limit 2)"));
  const auto& d = one(r, "E0102");
  EXPECT_EQ(d.message, "2 more syntax errors not shown");
  EXPECT_EQ(where(d), "0:0");  // a summary, not a place
  EXPECT_EQ(d.level, yusuan::severity::error);  // the suppressed errors still fail the budget
  EXPECT_EQ(r.diagnostics.error_count(), 3u);
}

TEST(dsl_diag, E0102_exactly_max_errors_has_no_summary) {
  auto o = no_catalog();
  o.max_errors = 2;
  auto r = compile("收入 一般公共预算 a1\n收入 一般公共预算 b2\n", o);
  EXPECT_EQ(with_code(r, "E0101").size(), 2u);
  EXPECT_TRUE(with_code(r, "E0102").empty()) << dump(r);
}

TEST(dsl_diag, E0102_max_errors_zero_still_fails) {
  auto o = no_catalog();
  o.max_errors = 0;
  auto r = compile("收入 一般公共预算 abc\n", o);
  EXPECT_FALSE(r.ok());
  EXPECT_TRUE(r.diagnostics.has_errors());
}

// --- E0103: braces -----------------------------------------------------------------

TEST(dsl_diag, E0103_unexpected_close) {
  auto r = compile("金额单位 万元\n208 01 09 30101: 1.00\n  }\n");
  EXPECT_FALSE(r.ok());
  const auto& d = one(r, "E0103");
  EXPECT_EQ(d.message, "unexpected '}': no block is open");
  EXPECT_EQ(where(d), "3:3");
}

TEST(dsl_diag, E0103_unclosed_block) {
  auto r = compile("金额单位 万元\n208 01 09 基本支出 {\n  30101: 1.00\n");
  EXPECT_FALSE(r.ok());
  const auto& d = one(r, "E0103");
  EXPECT_EQ(d.message, "unclosed '{'");
  EXPECT_EQ(d.label, "this block is never closed");
  EXPECT_EQ(where(d), "2:1");
}

TEST(dsl_diag, E0103_unclosed_block_in_an_imported_file) {
  temp_dir t;
  t.write("part.budget", "\n208 01 09 {\n  30101: 1.00\n");
  const auto p = t.write("main.budget", "金额单位 万元\n导入 \"part.budget\"\n}\n");
  auto r = yusuan::compile_file(p);
  // The block of part.budget is closed at the end of part.budget, so the '}' of main is unexpected.
  const auto& unclosed = with_code(r, "E0103");
  ASSERT_EQ(unclosed.size(), 2u) << dump(r);
  EXPECT_EQ(unclosed[0]->message, "unclosed '{'");
  EXPECT_EQ(file_of(*unclosed[0]), (t.path() / "part.budget").string());
  EXPECT_EQ(where(*unclosed[0]), "2:1");
  EXPECT_EQ(unclosed[1]->message, "unexpected '}': no block is open");
  EXPECT_EQ(where(*unclosed[1]), "3:1");
}

// --- E0201: malformed codes ------------------------------------------------------------

TEST(dsl_diag, E0201_malformed_functional_code) {
  auto r = compile("2080 30101: 5.00\n");
  EXPECT_FALSE(r.ok());
  const auto& d = one(r, "E0201");
  EXPECT_EQ(d.message, "malformed code '2080'");
  EXPECT_EQ(d.label, "a functional code has 3, 5 or 7 digits");
  EXPECT_EQ(where(d), "1:1");
  EXPECT_TRUE(note_has(d, "functional codes (功能科目) have 3, 5 or 7 digits"));
}

TEST(dsl_diag, E0201_departmental_code_after_arrow) {
  auto r = compile("金额单位 万元\n208 01 09 30101 基本工资 → 30101: 5.00\n");
  const auto& d = one(r, "E0201");
  EXPECT_EQ(d.message, "malformed code '30101'");
  EXPECT_EQ(d.label, "the code after '→' must be a 政府经济科目 (5xxxx)");
  EXPECT_EQ(where(d), "2:24");
}

TEST(dsl_diag, E0201_other_malformed_codes) {
  auto r = compile("301011: 1.00\n208 01 09 4010: 1.00\n208 01 09 201 02: 1.00\n208 01 09 {\n  209 01: 1.00\n}\n");
  const auto ds = with_code(r, "E0201");
  ASSERT_EQ(ds.size(), 4u) << dump(r);
  EXPECT_EQ(ds[0]->label, "an economic code has 3 or 5 digits");
  EXPECT_EQ(where(*ds[0]), "1:1");
  EXPECT_EQ(ds[1]->label, "not a classification code");
  EXPECT_EQ(where(*ds[1]), "2:11");
  EXPECT_EQ(ds[2]->message, "two functional codes for one item: 208 01 09 and 201 02");
  EXPECT_EQ(where(*ds[2]), "3:11");
  EXPECT_EQ(ds[3]->message, "functional code 209 01 is not under the block's 208 01 09");
  EXPECT_EQ(where(*ds[3]), "5:3");
}

TEST(dsl_diag, E0201_two_departmental_codes_for_one_item) {
  auto r = compile("208 01 09 30101 30102: 1.00\n");
  const auto& d = one(r, "E0201");
  EXPECT_EQ(where(d), "1:17");
}

TEST(dsl_diag, E0201_codes_in_filters) {
  auto r = compile("208 01 09 30101: 1.00\n核对 合计(经济 = 50101) = 0\n核对 合计(功能 = 30101) = 0\n"
                   "核对 合计(政府经济 = 30101) = 0\n");
  const auto ds = with_code(r, "E0201");
  ASSERT_EQ(ds.size(), 3u) << dump(r);
  EXPECT_EQ(ds[0]->message, "'50101' is not a 部门 economic code");
  EXPECT_EQ(where(*ds[0]), "2:12");
  EXPECT_EQ(ds[1]->message, "'30101' is not a functional code");
  EXPECT_EQ(where(*ds[1]), "3:12");
  EXPECT_EQ(ds[2]->message, "'30101' is not a 政府 economic code");
  EXPECT_EQ(where(*ds[2]), "4:14");
}

// --- E0202: malformed amounts ------------------------------------------------------------

TEST(dsl_diag, E0202_malformed_amount) {
  auto r = compile("金额单位 万元\n208 01 09 30101: 3o.5\n");
  EXPECT_FALSE(r.ok());
  const auto& d = one(r, "E0202");
  EXPECT_EQ(d.message, "malformed amount '3o.5'");
  EXPECT_EQ(d.expected, "an amount such as 1,234.56");
  EXPECT_HAS(d.label, "'o'");
  EXPECT_EQ(where(d), "2:19");  // at the 'o'
}

TEST(dsl_diag, E0202_finer_than_a_fen_in_wan_yuan) {
  auto r = compile("金额单位 万元\n208 01 09 30101: 0.0000001\n");
  const auto& d = one(r, "E0202");
  EXPECT_EQ(d.message, "amount '0.0000001' is finer than 1 分 in 万元");
  EXPECT_EQ(d.label, "1 分 is 0.000001 万元");
  EXPECT_EQ(where(d), "2:26");  // at the seventh decimal
}

TEST(dsl_diag, E0202_finer_than_a_fen_in_yuan) {
  auto r = compile("金额单位 元\n208 01 09 30101: 1.234\n");
  const auto& d = one(r, "E0202");
  EXPECT_EQ(d.message, "amount '1.234' is finer than 1 分 in 元");
  EXPECT_EQ(d.label, "1 分 is 0.01 元");
  EXPECT_EQ(where(d), "2:22");
}

TEST(dsl_diag, E0202_six_decimals_in_wan_yuan_are_whole_fen) {
  auto r = compile("金额单位 万元\n208 01 09 30101: 0.000001\n");
  ASSERT_TRUE(r.ok()) << dump(r);
  EXPECT_EQ(r.value->items()[0].amount, yuan("0.01"));
}

TEST(dsl_diag, E0202_count_must_be_whole) {
  auto r = compile("计数 车辆 4.5 辆\n");
  const auto& d = one(r, "E0202");
  EXPECT_EQ(d.message, "a count must be a whole number");
  EXPECT_EQ(where(d), "1:7");
}

// --- E0203: duplicate project code ---------------------------------------------------------

TEST(dsl_diag, E0203_duplicate_project_code) {
  auto r = compile("金额单位 万元\n项目 \"甲\" 编码 4103002 金额 1.00\n项目 \"乙\" 编码 4103002 金额 2.00\n");
  EXPECT_FALSE(r.ok());
  const auto& d = one(r, "E0203");
  EXPECT_EQ(d.message, "duplicate project code 4103002");
  EXPECT_EQ(d.label, "also the code of '甲'");
  EXPECT_EQ(where(d), "3:11");
  std::string at;
  EXPECT_TRUE(note_has(d, "first used here", &at));
  EXPECT_EQ(at, "2:11");
}

// --- E0204: one code, two names ---------------------------------------------------------------

TEST(dsl_diag, E0204_code_with_two_names) {
  auto r = compile("金额单位 万元\n208 01 09 社会保险经办机构 30101 基本工资: 1.00\n"
                   "208 01 09 30101 工资: 1.00\n");
  EXPECT_FALSE(r.ok());
  const auto& d = one(r, "E0204");
  EXPECT_EQ(d.message, "code 30101 has two names: '基本工资' and '工资'");
  EXPECT_EQ(d.expected, "'基本工资'");
  EXPECT_EQ(d.found, "'工资'");
  EXPECT_EQ(where(d), "3:17");
  std::string at;
  EXPECT_TRUE(note_has(d, "first named here", &at));
  EXPECT_EQ(at, "2:26");
}

TEST(dsl_diag, E0204_functional_code_with_two_names) {
  auto r = compile("208 01 09 社保: 1.00\n2080109 社保经办: 1.00\n208 01 09: 1.00\n");
  const auto& d = one(r, "E0204");
  EXPECT_EQ(d.message, "code 2080109 has two names: '社保' and '社保经办'");
  EXPECT_EQ(where(d), "2:9");
  std::string at;
  EXPECT_TRUE(note_has(d, "first named here", &at));
  EXPECT_EQ(at, "1:11");
}

// --- E0205: unknown words ------------------------------------------------------------------------

TEST(dsl_diag, E0205_unknown_income_source) {
  auto r = compile("收入 捐赠收入 1.00\n收入 财政拨款 1.00\n收入 一般公共预算 1.00 其中 不知道 1.00\n");
  const auto ds = with_code(r, "E0205");
  ASSERT_EQ(ds.size(), 3u) << dump(r);
  EXPECT_EQ(ds[0]->message, "unknown income source '捐赠收入'");
  EXPECT_EQ(ds[0]->found, "'捐赠收入'");
  EXPECT_HAS(ds[0]->expected, "一般公共预算");
  EXPECT_EQ(where(*ds[0]), "1:4");
  EXPECT_EQ(ds[1]->message, "unknown income source '财政拨款'");  // only a 其中 part
  EXPECT_EQ(where(*ds[1]), "2:4");
  EXPECT_EQ(ds[2]->message, "unknown income source '不知道'");
  EXPECT_EQ(where(*ds[2]), "3:19");
}

TEST(dsl_diag, E0205_unknown_kind) {
  auto r = compile("208 01 09 30101: 1.00\n核对 合计(类型 = 杂项) = 0\n项目 \"p\" 类型 基本支出 金额 1.00\n");
  const auto ds = with_code(r, "E0205");
  ASSERT_EQ(ds.size(), 2u) << dump(r);
  EXPECT_EQ(ds[0]->message, "unknown kind '杂项'");
  EXPECT_HAS(ds[0]->expected, "其他运转类");
  EXPECT_EQ(where(*ds[0]), "2:12");
  EXPECT_EQ(ds[1]->message, "unknown project type '基本支出'");
  EXPECT_EQ(ds[1]->expected, "其他运转类 or 特定目标类");
  EXPECT_EQ(where(*ds[1]), "3:11");
}

TEST(dsl_diag, E0205_conflicting_kinds) {
  auto r = compile("208 01 09 基本支出 {\n  项目支出 30201: 1.00\n}\n208 01 09 人员经费 公用经费 30101: 1.00\n");
  const auto ds = with_code(r, "E0205");
  ASSERT_EQ(ds.size(), 2u) << dump(r);
  EXPECT_EQ(ds[0]->message, "kind 项目支出 conflicts with the block's 基本支出");
  EXPECT_EQ(where(*ds[0]), "2:3");
  EXPECT_EQ(ds[1]->message, "conflicting kinds: 人员经费 and 公用经费");
  EXPECT_EQ(where(*ds[1]), "4:16");
}

TEST(dsl_diag, E0205_unknown_fund) {
  auto r = compile("208 01 09 资金 不知道 30101: 1.00\n核对 合计(资金 = 也不知道) = 0\n");
  const auto ds = with_code(r, "E0205");
  ASSERT_EQ(ds.size(), 2u) << dump(r);
  EXPECT_EQ(ds[0]->message, "unknown fund source '不知道'");
  EXPECT_EQ(where(*ds[0]), "1:14");
  EXPECT_EQ(ds[1]->message, "unknown fund source '也不知道'");
  EXPECT_EQ(where(*ds[1]), "2:12");
}

TEST(dsl_diag, E0205_unknown_unit_type) {
  auto r = compile("单位 803019 \"洛阳市社会保险中心\" 类型 国企\n");
  const auto& d = one(r, "E0205");
  EXPECT_EQ(d.message, "unknown unit type '国企'");
  EXPECT_EQ(d.expected, "行政, 参公 or 事业");
  EXPECT_EQ(d.found, "'国企'");
  EXPECT_EQ(where(d), "1:26");
}

TEST(dsl_diag, E0205_unknown_unit_of_amounts) {
  auto r = compile("金额单位 美元\n");
  const auto& d = one(r, "E0205");
  EXPECT_EQ(d.message, "unknown unit of amounts '美元'");
  EXPECT_EQ(d.expected, "元, 万元 or 亿元");
  EXPECT_EQ(d.found, "'美元'");
  EXPECT_EQ(where(d), "1:6");
}

// --- E0206: header and income lines -----------------------------------------------------------------

TEST(dsl_diag, E0206_invalid_year) {
  auto r = compile("年度 24\n");
  const auto& d = one(r, "E0206");
  EXPECT_EQ(d.message, "invalid year");
  EXPECT_EQ(d.label, "expected a year such as 2024, found '24'");
  EXPECT_EQ(where(d), "1:4");
}

TEST(dsl_diag, E0206_year_mismatch) {
  auto r = compile("年度 2024\n# 另一年\n年度 2025\n");
  const auto& d = one(r, "E0206");
  EXPECT_EQ(d.message, "year 2025 differs from the budget's year 2024");
  EXPECT_EQ(where(d), "3:4");
  std::string at;
  EXPECT_TRUE(note_has(d, "the year was declared here", &at));
  EXPECT_EQ(at, "1:4");
}

TEST(dsl_diag, E0206_year_mismatch_in_an_import) {
  temp_dir t;
  t.write("part.budget", "年度 2023\n");
  const auto p = t.write("main.budget", "年度 2024\n导入 \"part.budget\"\n");
  auto r = yusuan::compile_file(p);
  const auto& d = one(r, "E0206");
  EXPECT_EQ(d.message, "year 2023 differs from the budget's year 2024");
  EXPECT_EQ(file_of(d), (t.path() / "part.budget").string());
  EXPECT_EQ(where(d), "1:4");
}

TEST(dsl_diag, E0206_duplicate_income_line) {
  auto r = compile("金额单位 万元\n收入 一般公共预算 1.00\n收入 一般公共预算 1.00\n");
  const auto& d = one(r, "E0206");
  EXPECT_EQ(d.message, "income line '一般公共预算' is stated twice");
  EXPECT_EQ(where(d), "3:4");
  std::string at;
  EXPECT_TRUE(note_has(d, "first stated here", &at));
  EXPECT_EQ(at, "2:4");
}

TEST(dsl_diag, E0206_year_end_balance_twice) {
  auto r = compile("年终结转结余 0.00\n年终结转结余 1.00\n");
  const auto& d = one(r, "E0206");
  EXPECT_EQ(d.message, "年终结转结余 is stated twice");
  EXPECT_EQ(where(d), "2:1");
}

// --- E0207: project fields and targets out of place -------------------------------------------------

TEST(dsl_diag, E0207_project_field_outside_a_project) {
  auto r = compile("金额单位 万元\n编码 410300200000000033610\n  金额 5.00\n");
  const auto ds = with_code(r, "E0207");
  ASSERT_EQ(ds.size(), 2u) << dump(r);
  EXPECT_EQ(ds[0]->message, "project field outside a project");
  EXPECT_EQ(ds[0]->label, "write it inside 项目 … { }");
  EXPECT_EQ(where(*ds[0]), "2:1");
  EXPECT_EQ(where(*ds[1]), "3:3");
}

TEST(dsl_diag, E0207_targets_outside_a_project) {
  auto r = compile("绩效 {\n  产出 完成率 ≥95%\n}\n");
  EXPECT_FALSE(r.ok());
  const auto ds = with_code(r, "E0207");
  ASSERT_FALSE(ds.empty()) << dump(r);
  EXPECT_EQ(ds[0]->message, "绩效 outside a project");
  EXPECT_EQ(ds[0]->label, "write it inside 项目 … { }");
  EXPECT_EQ(where(*ds[0]), "1:1");
  EXPECT_TRUE(with_code(r, "E0103").empty()) << dump(r);  // the block is still opened and closed
}

TEST(dsl_diag, E0207_no_misleading_cascade_inside_a_stray_targets_block) {
  auto r = compile("绩效 {\n  产出 完成率 ≥95%\n}\n");
  EXPECT_EQ(with_code(r, "E0207").size(), 1u) << dump(r);
}

TEST(dsl_diag, E0207_target_outside_targets_block) {
  auto r = compile("金额单位 万元\n产出 完成率 ≥95%\n项目 \"p\" 金额 1.00 {\n  效益 落实情况 按时足额发放\n}\n");
  const auto ds = with_code(r, "E0207");
  ASSERT_EQ(ds.size(), 2u) << dump(r);
  EXPECT_EQ(ds[0]->message, "performance target outside 绩效 { }");
  EXPECT_EQ(ds[0]->label, "write it inside a project's 绩效 { } block");
  EXPECT_EQ(where(*ds[0]), "2:1");
  EXPECT_EQ(ds[1]->message, "performance target outside 绩效 { }");
  EXPECT_EQ(where(*ds[1]), "4:3");
}

// --- E0301: unknown project ---------------------------------------------------------------------------

TEST(dsl_diag, E0301_unknown_project_in_an_item) {
  auto r = compile("金额单位 万元\n208 01 09 项目 \"无此项目\" 30201: 1.00\n");
  const auto& d = one(r, "E0301");
  EXPECT_EQ(d.message, "unknown project '无此项目'");
  EXPECT_EQ(d.label, "no 项目 of this name or code");
  EXPECT_EQ(where(d), "2:15");
}

TEST(dsl_diag, E0301_unknown_project_in_a_group) {
  auto r = compile("金额单位 万元\n项目 \"甲\" 金额 1.00\n项目组 \"组\" (\"甲\", 无此项目) 208 01 09 {\n  30201: 1.00\n}\n");
  const auto& d = one(r, "E0301");
  EXPECT_EQ(d.message, "unknown project '无此项目'");
  EXPECT_EQ(d.label, "declare it with 项目 before the group");
  EXPECT_EQ(where(d), "3:15");
}

TEST(dsl_diag, E0301_unknown_project_in_a_block_and_a_filter) {
  auto r = compile("金额单位 万元\n208 01 09 项目 \"无\" {\n  30201: 1.00\n}\n核对 合计(项目 = 也无) = 0\n");
  const auto ds = with_code(r, "E0301");
  ASSERT_EQ(ds.size(), 2u) << dump(r);
  EXPECT_EQ(ds[0]->message, "unknown project '无'");
  EXPECT_EQ(where(*ds[0]), "2:15");
  EXPECT_EQ(ds[1]->message, "unknown project '也无'");
  EXPECT_EQ(where(*ds[1]), "5:7");
}

// --- E0302: unknown names ---------------------------------------------------------------------------------

TEST(dsl_diag, E0302_unknown_measure_or_figure) {
  auto r = compile("金额单位 万元\n208 01 09 30101: 1.00\n核对 无此口径 = 1.00\n");
  EXPECT_FALSE(r.ok());
  const auto& d = one(r, "E0302");
  EXPECT_EQ(d.message, "unknown measure or figure '无此口径'");
  EXPECT_EQ(where(d), "3:4");
}

TEST(dsl_diag, E0302_no_prior_figure) {
  auto r = compile("金额单位 万元\n208 01 09 30101: 1.00\n核对 支出总计 较上年 减少 1.00\n核对 上年(三公经费) = 1.00\n");
  const auto ds = with_code(r, "E0302");
  ASSERT_EQ(ds.size(), 2u) << dump(r);
  EXPECT_EQ(ds[0]->message, "no prior-year (上年) figure named '支出总计'");
  EXPECT_EQ(where(*ds[0]), "3:4");
  EXPECT_EQ(ds[1]->message, "no prior-year (上年) figure named '三公经费'");
  EXPECT_EQ(where(*ds[1]), "4:7");
}

TEST(dsl_diag, E0302_measure_defined_in_terms_of_itself) {
  auto r = compile("208 01 09 30101: 1.00\n口径 甲 = 乙 + 1.00\n口径 乙 = 甲\n核对 甲 = 1.00\n");
  EXPECT_FALSE(r.ok());
  const auto ds = with_code(r, "E0302");
  ASSERT_FALSE(ds.empty()) << dump(r);
  EXPECT_HAS(ds[0]->message, "is defined in terms of itself");
}

// --- E0303: declared twice ------------------------------------------------------------------------------------

TEST(dsl_diag, E0303_project_declared_twice) {
  auto r = compile("金额单位 万元\n项目 \"甲\" 金额 1.00\n项目 \"甲\" 金额 2.00\n");
  const auto& d = one(r, "E0303");
  EXPECT_EQ(d.message, "project '甲' is declared twice");
  EXPECT_EQ(where(d), "3:5");
  std::string at;
  EXPECT_TRUE(note_has(d, "first declared here", &at));
  EXPECT_EQ(at, "2:5");
}

TEST(dsl_diag, E0303_measure_figure_prior_declared_twice) {
  auto r = compile("口径 甲 = 合计\n口径 甲 = 合计\n数值 乙 1.00\n数值 乙 2.00\n计数 丙 1 辆\n计数 丙 2 辆\n"
                   "上年 丁 1.00\n上年 丁 2.00\n");
  const auto ds = with_code(r, "E0303");
  ASSERT_EQ(ds.size(), 4u) << dump(r);
  EXPECT_EQ(ds[0]->message, "measure '甲' is defined twice");
  EXPECT_EQ(where(*ds[0]), "2:4");
  std::string at;
  EXPECT_TRUE(note_has(*ds[0], "first defined here", &at));
  EXPECT_EQ(at, "1:4");
  EXPECT_EQ(ds[1]->message, "figure '乙' is stated twice");
  EXPECT_EQ(where(*ds[1]), "4:4");
  EXPECT_EQ(ds[2]->message, "figure '丙' is stated twice");
  EXPECT_EQ(where(*ds[2]), "6:4");
  EXPECT_EQ(ds[3]->message, "prior-year figure '丁' is stated twice");
  EXPECT_EQ(where(*ds[3]), "8:4");
  EXPECT_TRUE(note_has(*ds[3], "first stated here", &at));
  EXPECT_EQ(at, "7:4");
}

TEST(dsl_diag, E0303_project_in_two_groups) {
  auto r = compile("金额单位 万元\n项目 \"甲\" 金额 1.00\n项目组 \"一\" (\"甲\") 208 01 09 {\n  30201: 1.00\n}\n"
                   "项目组 \"二\" (甲) 208 01 09 {\n}\n");
  const auto& d = one(r, "E0303");
  EXPECT_EQ(d.message, "project '甲' is already in group '一'");
  EXPECT_EQ(where(d), "6:10");
}

// --- E0304: unknown level ---------------------------------------------------------------------------------------

TEST(dsl_diag, E0304_unknown_level) {
  auto r = compile("208 01 09 30101: 1.00\n核对 合计(功能.节 = 208) = 1.00\n");
  EXPECT_FALSE(r.ok());
  const auto& d = one(r, "E0304");
  EXPECT_HAS(d.message, "unknown level");
  EXPECT_HAS(d.message, "节");
  EXPECT_HAS(d.expected, "款");
  EXPECT_EQ(where(d), "2:7");
}

// --- E0311 / E0312 / E0313: imports ---------------------------------------------------------------------------------

TEST(dsl_diag, E0311_import_not_found) {
  auto r = yusuan::compile_file("tests/data/dsl/import_missing.budget");
  EXPECT_FALSE(r.ok());
  EXPECT_FALSE(r.io_error);
  const auto& d = one(r, "E0311");
  EXPECT_EQ(d.message, "imported file 'no_such_file.budget' not found");
  EXPECT_EQ(d.label, "no such file: no_such_file.budget");
  EXPECT_EQ(file_of(d), "tests/data/dsl/import_missing.budget");
  EXPECT_EQ(where(d), "1:5");
}

TEST(dsl_diag, E0312_import_cycle) {
  auto r = yusuan::compile_file("tests/data/dsl/cycle_a.budget");
  EXPECT_FALSE(r.ok());
  const auto& d = one(r, "E0312");
  EXPECT_EQ(d.message, "import cycle: 'cycle_a.budget' is already being imported");
  EXPECT_EQ(file_of(d), "tests/data/dsl/cycle_b.budget");
  EXPECT_EQ(where(d), "2:5");
  EXPECT_TRUE(note_has(d, "cycle: cycle_a.budget → cycle_b.budget → cycle_a.budget")) << dump(r);
}

TEST(dsl_diag, E0312_self_import) {
  temp_dir t;
  const auto p = t.write("self.budget", "# 自己导入自己\n导入 \"./self.budget\"\n");
  auto r = yusuan::compile_file(p);
  const auto& d = one(r, "E0312");
  EXPECT_EQ(where(d), "2:5");
}

TEST(dsl_diag, E0313_import_leaving_the_root) {
  auto r = yusuan::compile_file("tests/data/dsl/import_escape.budget");
  EXPECT_FALSE(r.ok());
  const auto& d = one(r, "E0313");
  EXPECT_EQ(d.message, "import '../small.budget' leaves the budget's root directory");
  EXPECT_EQ(where(d), "1:5");
  EXPECT_TRUE(note_has(d, "imports must stay under " + fs::weakly_canonical(fs::absolute("tests/data/dsl")).string()))
      << dump(r);
}

TEST(dsl_diag, E0313_import_leaving_the_root_of_a_string) {
  auto o = no_catalog();
  o.root = "tests/data/dsl";
  auto r = compile("金额单位 万元\n导入 \"../small.budget\"\n", o);
  const auto& d = one(r, "E0313");
  EXPECT_EQ(where(d), "2:5");
  // with a wider root the same import is allowed
  o.root = "tests";
  auto ok = compile("导入 \"data/small.budget\"\n", o);
  EXPECT_TRUE(ok.ok()) << dump(ok);
}

// --- E0401: stated totals ------------------------------------------------------------------------------------------

TEST(dsl_diag, E0401_block_total_differs) {
  auto r = compile("金额单位 万元\n208 01 09 基本支出 合计 10.00 {\n  30101: 4.00\n  30102: 5.00\n}\n");
  EXPECT_FALSE(r.ok());
  const auto& d = one(r, "E0401");
  EXPECT_EQ(d.message, "stated total 10.00 differs from the sum of its items 9.00");
  EXPECT_EQ(d.expected, "10.00");
  EXPECT_EQ(d.found, "9.00 (difference -1.00 万元)");
  EXPECT_EQ(where(d), "2:1");
  std::string at;
  EXPECT_TRUE(note_has(d, "208 01 09 30101 4.00", &at));
  EXPECT_EQ(at, "3:3");
  EXPECT_TRUE(note_has(d, "208 01 09 30102 5.00", &at));
  EXPECT_EQ(at, "4:3");
}

TEST(dsl_diag, E0401_nested_totals) {
  auto r = compile("金额单位 万元\n208 01 09 合计 3.00 {\n  30101 合计 2.00 {\n    208 01 09: 1.00\n    208 01 09: 1.00\n"
                   "  }\n  30102: 1.00\n}\n");
  EXPECT_TRUE(r.ok()) << dump(r);
  auto bad = compile("金额单位 万元\n208 01 09 合计 3.00 {\n  30101 合计 2.50 {\n    208 01 09: 1.00\n"
                     "    208 01 09: 1.00\n  }\n  30102: 1.00\n}\n");
  const auto ds = with_code(bad, "E0401");
  ASSERT_EQ(ds.size(), 1u) << dump(bad);
  EXPECT_EQ(where(*ds[0]), "3:3");
}

TEST(dsl_diag, E0401_of_which_exceeds_income) {
  auto r = compile("金额单位 万元\n收入 一般公共预算 1.00 其中 财政拨款 2.00\n208 01 09 30101: 1.00\n");
  const auto& d = one(r, "E0401");
  EXPECT_EQ(d.message, "其中 财政拨款 2.00 exceeds 一般公共预算 1.00");
  EXPECT_EQ(d.expected, "at most 1.00");
  EXPECT_EQ(where(d), "2:24");
}

// --- E0402: project amount ---------------------------------------------------------------------------------------

TEST(dsl_diag, E0402_project_amount_differs_from_its_items) {
  auto r = compile("金额单位 万元\n项目 \"甲\" 类型 特定目标类 功能 208 01 09 金额 20.00 {\n  30201 办公费: 15.00\n"
                   "  30202 印刷费: 4.00\n}\n");
  EXPECT_FALSE(r.ok());
  const auto& d = one(r, "E0402");
  EXPECT_EQ(d.message, "project '甲' amount 20.00 differs from its items 19.00");
  EXPECT_EQ(d.expected, "20.00");
  EXPECT_EQ(d.found, "19.00 in its items (difference -1.00)");
  EXPECT_EQ(where(d), "2:33");
  std::string at;
  EXPECT_TRUE(note_has(d, "208 01 09 30201 甲 15.00", &at)) << dump(r);
  EXPECT_EQ(at, "3:3");
  EXPECT_TRUE(note_has(d, "30202 甲 4.00", &at));
  EXPECT_EQ(at, "4:3");
}

TEST(dsl_diag, E0402_project_in_a_group_needs_an_amount) {
  auto r = compile("金额单位 万元\n项目 \"甲\"\n项目组 \"组\" (甲) 208 01 09 {\n}\n");
  const auto& d = one(r, "E0402");
  EXPECT_EQ(d.message, "project '甲' in group '组' needs a 金额");
  EXPECT_EQ(where(d), "2:5");
}

// --- E0403: project groups -----------------------------------------------------------------------------------------

TEST(dsl_diag, E0403_group_breakdown_differs) {
  auto r = compile("金额单位 万元\n项目 \"甲\" 金额 30.00\n项目 \"乙\" 金额 10.00\n"
                   "项目组 \"运转\" (\"甲\", \"乙\") 208 01 09 其他运转类 {\n  30201: 30.00\n}\n");
  EXPECT_FALSE(r.ok());
  const auto& d = one(r, "E0403");
  EXPECT_EQ(d.message, "the breakdown of group '运转' sums to 30.00, but its projects sum to 40.00");
  EXPECT_EQ(d.expected, "40.00 (Σ of the projects)");
  EXPECT_EQ(d.found, "30.00 (difference -10.00)");
  EXPECT_EQ(where(d), "4:6");
  std::string at;
  EXPECT_TRUE(note_has(d, "甲 30.00", &at));
  EXPECT_EQ(at, "2:5");
  EXPECT_TRUE(note_has(d, "乙 10.00", &at));
  EXPECT_EQ(at, "3:5");
}

TEST(dsl_diag, E0403_project_with_items_in_a_group) {
  auto r = compile("金额单位 万元\n项目 \"甲\" 功能 208 01 09 {\n  30201: 1.00\n}\n项目组 \"组\" (甲) 208 01 09 {\n"
                   "  30201: 1.00\n}\n");
  const auto ds = with_code(r, "E0403");
  ASSERT_FALSE(ds.empty()) << dump(r);
  EXPECT_EQ(ds[0]->message, "project '甲' has items of its own and is also in group '组'");
  EXPECT_EQ(where(*ds[0]), "2:5");
}

// --- E0404: income and expenditure ---------------------------------------------------------------------------------

TEST(dsl_diag, E0404_income_differs_from_expenditure) {
  auto r = compile("金额单位 万元\n收入 一般公共预算 100.00\n收入 上年结转结余 2.00\n年终结转结余 1.00\n"
                   "208 01 09 30101: 90.00\n");
  EXPECT_FALSE(r.ok());
  const auto& d = one(r, "E0404");
  EXPECT_EQ(d.message, "income total 102.00 differs from expenditure total 91.00");
  EXPECT_EQ(d.expected, "102.00 (收入总计)");
  EXPECT_EQ(d.found, "91.00 (支出总计; difference -11.00 万元)");
  EXPECT_EQ(where(d), "2:4");
  EXPECT_TRUE(note_has(d, "收入总计 = 本年收入合计 + 上年结转结余"));
}

TEST(dsl_diag, E0404_not_checked_without_income) {
  auto r = compile("金额单位 万元\n208 01 09 30101: 90.00\n");
  EXPECT_TRUE(r.ok()) << dump(r);
}

// --- E0501 / W0501: constraints --------------------------------------------------------------------------------------

TEST(dsl_diag, E0501_failed_constraint) {
  auto r = compile("金额单位 万元\n208 01 09 公用经费 {\n  30217 公务接待费: 2.20\n  30231 公务用车运行维护费: 7.00\n"
                   "  30201 办公费: 5.00\n}\n口径 三公经费 = 合计(经济 in (30212, 30217, 30231, 31013))\n"
                   "  核对 三公经费 = 9.30\n");
  EXPECT_FALSE(r.ok());
  const auto& d = one(r, "E0501");
  EXPECT_EQ(d.level, severity::error);
  EXPECT_EQ(d.message, "constraint failed: 核对 三公经费 = 9.30");
  EXPECT_EQ(d.expected, "9.30");
  EXPECT_EQ(d.found, "9.20 (difference -0.10 万元)");
  EXPECT_EQ(where(d), "8:3");
  ASSERT_EQ(d.notes.size(), 2u) << dump(r);  // the counted items, not 30201
  EXPECT_EQ(d.notes[0].message, "counted: 208 01 09 30217 2.20");
  EXPECT_EQ(where(d.notes[0].span), "3:3");
  EXPECT_EQ(d.notes[1].message, "counted: 208 01 09 30231 7.00");
  EXPECT_EQ(where(d.notes[1].span), "4:3");
}

TEST(dsl_diag, E0501_comparisons_and_tolerance) {
  auto r = compile("金额单位 万元\n208 01 09 30101: 10.00\n"
                   "核对 合计 ≤ 9.99\n"           // fails
                   "核对 合计 = 10.01 容差 0.01\n"  // passes
                   "核对 合计 ≥ 10.02 容差 0.01\n"  // fails
                   "核对 合计 ≠ 10.00\n"          // fails
                   "核对 合计 < 10.00\n"          // fails
                   "核对 合计 > 9.99\n");         // passes
  const auto ds = with_code(r, "E0501");
  ASSERT_EQ(ds.size(), 4u) << dump(r);
  EXPECT_EQ(where(*ds[0]), "3:1");
  EXPECT_EQ(ds[0]->expected, "≤ 9.99");
  EXPECT_EQ(ds[0]->found, "10.00 (difference +0.01 万元)");
  EXPECT_EQ(where(*ds[1]), "5:1");
  EXPECT_EQ(where(*ds[2]), "6:1");
  EXPECT_EQ(where(*ds[3]), "7:1");
}

TEST(dsl_diag, E0501_year_on_year) {
  auto r = compile("金额单位 万元\n208 01 09 30101: 120.00\n上年 支出总计 130.00\n"
                   "核对 支出总计 较上年 减少 11.00\n核对 支出总计 较上年 下降 7.70%\n核对 支出总计 较上年 持平\n");
  const auto ds = with_code(r, "E0501");
  ASSERT_EQ(ds.size(), 3u) << dump(r);
  EXPECT_EQ(ds[0]->expected, "减少 11.00");
  EXPECT_EQ(ds[0]->found, "减少 10.00 (120.00 against 上年 130.00)");
  EXPECT_EQ(where(*ds[0]), "4:1");
  EXPECT_EQ(ds[1]->expected, "下降 7.70%");
  EXPECT_EQ(ds[1]->found, "下降 7.69% (120.00 against 上年 130.00)");
  EXPECT_EQ(ds[2]->expected, "持平 (no change)");
}

TEST(dsl_diag, E0501_custom_message) {
  auto r = compile("金额单位 万元\n208 01 09 30101: 10.00\n核对 合计 = 9.00 \"支出应为 9 万元\"\n");
  const auto& d = one(r, "E0501");
  EXPECT_EQ(d.message, "支出应为 9 万元");
  EXPECT_TRUE(note_has(d, "constraint: 核对 合计 = 9.00 \"支出应为 9 万元\""));
}

TEST(dsl_diag, W0501_warning_constraint) {
  auto r = compile("金额单位 万元\n208 01 09 基本支出 {\n  30101: 4.00\n  30102: 5.00\n}\n"
                   "核对 合计(类型 = 基本支出) ≤ 8.00 容差 0.01 警告 \"基本支出偏高\"\n");
  ASSERT_TRUE(r.ok()) << dump(r);
  EXPECT_EQ(r.diagnostics.warning_count(), 1u);
  EXPECT_EQ(r.diagnostics.error_count(), 0u);
  const auto& d = one(r, "W0501");
  EXPECT_EQ(d.level, severity::warning);
  EXPECT_EQ(d.message, "基本支出偏高");
  EXPECT_EQ(d.expected, "≤ 8.00");
  EXPECT_EQ(d.found, "9.00 (difference +1.00 万元)");
  EXPECT_EQ(where(d), "6:1");
  EXPECT_TRUE(note_has(d, "counted: 208 01 09 30101 4.00"));
  ASSERT_EQ(r.value->constraints().size(), 1u);
  EXPECT_FALSE(r.value->constraints()[0].passed);
  EXPECT_EQ(r.value->constraints()[0].level, severity::warning);
  // --werror semantics
  auto ds = r.diagnostics;
  ds.promote_warnings();
  EXPECT_TRUE(ds.has_errors());
  EXPECT_EQ(ds.warning_count(), 0u);
}

// --- E0502: percentages --------------------------------------------------------------------------------------------

TEST(dsl_diag, E0502_percentage_compared_with_an_amount) {
  auto r = compile("金额单位 万元\n208 01 09 基本支出 30101: 1.00\n口径 三公 = 合计(经济 = 30217)\n"
                   "核对 占比(基本支出, 支出合计) = 5.00\n核对 三公 = 5%\n");
  EXPECT_FALSE(r.ok());
  const auto ds = with_code(r, "E0502");
  ASSERT_EQ(ds.size(), 2u) << dump(r);
  EXPECT_EQ(ds[0]->message, "compare 占比(…) and 增幅(…) with a percentage such as 6.06%");
  EXPECT_EQ(where(*ds[0]), "4:1");
  EXPECT_EQ(ds[1]->message, "a percentage can only be compared with 占比(…) or 增幅(…)");
  EXPECT_EQ(where(*ds[1]), "5:4");
}

TEST(dsl_diag, E0502_share_of_zero) {
  auto r = compile("金额单位 万元\n208 01 09 基本支出 30101: 1.00\n核对 占比(项目支出, 合计(类型 = 项目支出)) = 5%\n");
  const auto& d = one(r, "E0502");
  EXPECT_EQ(d.message, "the share's whole is 0");
  EXPECT_EQ(yusuan::resolve(d.span).line, 3u);
}

TEST(dsl_diag, E0502_share_of_zero_points_at_the_share) {
  auto r = compile("金额单位 万元\n208 01 09 基本支出 30101: 1.00\n核对 占比(项目支出, 合计(类型 = 项目支出)) = 5%\n");
  const auto& d = one(r, "E0502");
  EXPECT_EQ(where(d), "3:4");
}

TEST(dsl_model, measure_definition_span) {
  const std::string text = "口径 甲 = 合计(经济 = 30101)\n208 01 09 30101: 1.00\n";
  auto r = compile(text);
  ASSERT_TRUE(r.ok()) << dump(r);
  const auto& sp = r.value->find_measure("甲")->definition.span;
  EXPECT_EQ(where(sp), "1:8");  // 口径 甲 = |合计(…)
  EXPECT_EQ(sp.length, std::string("合计(经济 = 30101)").size());
}

// ===========================================================================
// Recovery after syntax errors
// ===========================================================================

TEST(dsl_syntax, ten_errors_ten_diagnostics) {
  auto r = yusuan::compile_file("tests/data/dsl/ten_syntax_errors.budget");
  EXPECT_FALSE(r.ok());
  EXPECT_FALSE(r.io_error);
  const auto ds = with_code(r, "E0101");
  ASSERT_EQ(ds.size(), 10u) << dump(r);
  EXPECT_EQ(r.diagnostics.size(), 10u) << dump(r);  // nothing else: the good lines are fine
  const char* const at[] = {"4:11", "6:4", "8:9", "10:6", "12:9", "14:9", "16:7", "18:4", "20:4", "22:13"};
  const char* const found[] = {"'abc'", "'没有引号'", "'?'", "'合计'", "'\"p\"'", "'多少'", "'四'", "'x'", "'产出'", "'30101)'"};
  for (std::size_t i = 0; i < 10; ++i) {
    EXPECT_EQ(where(*ds[i]), at[i]) << i;
    EXPECT_EQ(ds[i]->found, found[i]) << i;
    EXPECT_EQ(file_of(*ds[i]), "tests/data/dsl/ten_syntax_errors.budget");
  }
  EXPECT_EQ(ds[0]->expected, "an amount");
  EXPECT_EQ(ds[1]->expected, "a quoted string");
  EXPECT_HAS(ds[2]->expected, "a comparison (=, ≠, ≤, ≥, <, >)");
  EXPECT_EQ(ds[7]->expected, "a name");
}

TEST(dsl_syntax, recovery_keeps_the_good_lines) {
  // The good items around the bad lines are still read: fixing the bad lines
  // gives a budget with every item.
  std::string text = read_all("tests/data/dsl/ten_syntax_errors.budget");
  auto r = compile(text);
  EXPECT_EQ(with_code(r, "E0101").size(), 10u);
  std::istringstream in(text);
  std::string line, good;
  int n = 0;
  while (std::getline(in, line)) {
    ++n;
    if (n < 4 || n % 2 == 1 || n > 22) good += line + "\n";
  }
  auto ok = compile(good);
  ASSERT_TRUE(ok.ok()) << dump(ok);
  EXPECT_EQ(ok.value->items().size(), 10u);
}

TEST(dsl_syntax, error_at_the_first_token_of_a_line_restarts_there) {
  // 计数 needs a unit after the count; the parser looks for it on the next line,
  // fails at that line's first token and starts afresh there: the item is kept.
  auto r = compile("金额单位 万元\n计数 车辆 4\n208 01 09 30102: 1.00\n核对 合计 = 2.00\n");
  ASSERT_EQ(r.diagnostics.size(), 2u) << dump(r);
  EXPECT_EQ(r.diagnostics[0].code, "E0101");
  EXPECT_EQ(r.diagnostics[0].expected, "a word");
  EXPECT_EQ(r.diagnostics[1].code, "E0501");  // the item of line 3 was read
  EXPECT_EQ(r.diagnostics[1].found, "1.00 (difference -1.00 万元)");
}

// ===========================================================================
// Round trips: the model holds what was written
// ===========================================================================

namespace {

const char* const full_zh = R"B(# 一个用到每种写法的预算
标题 "往返测试 2024"
年度 2024
金额单位 万元
单位 803019 "洛阳市社会保险中心" 类型 参公
部门 803 "洛阳市人力资源和社会保障局"
收入 一般公共预算 120.00 其中 财政拨款 120.00
年终结转结余 0.00
208 01 09 社会保险经办机构 基本支出 {
  人员经费 {
    30101 基本工资 → 50101 工资奖金津补贴: 40.00
    30103 奖金 → 50101: 10.00
  }
  公用经费 资金 一般公共预算 {
    30217 公务接待费 → 50206 公务接待费: 2.20
    30231 公务用车运行维护费 → 50208: 7.00
    30299 其他商品和服务支出 → 50299 合计 10.80 {
      208 01 09: 10.10 项目类别=公用经费综合定额
      208 01 09: 0.70 项目类别=离退休人员公用经费
    }
  }
}
项目 "社保公共服务经费" 编码 410300200000000033610 类型 其他运转类 功能 208 01 09 金额 50.00 {
  绩效 {
    产出 社保政策宣传工作完成率 ≥95%
    效益 "各项社保待遇落实情况" 按时足额发放
    成本 人均成本 ≤350元/人.天
    满意度 服务对象满意度 ≥90%
  }
}
项目组 "运转项目" ("社保公共服务经费") 208 01 09 其他运转类 {
  30201 办公费 → 50201 办公经费: 38.00
  30202 印刷费 → 50201: 12.00
}
上年 支出总计 130.00
上年 三公经费 8.80
数值 政府采购 0.00
计数 车辆 4 辆
口径 三公经费 = 合计(经济 in (30212, 30217, 30231, 31013))
核对 三公经费 = 9.20
核对 占比(基本支出, 支出合计) = 58.33%
核对 支出总计 较上年 减少 10.00
核对 支出总计 较上年 下降 7.69%
核对 三公经费 较上年 增加 0.40
核对 项目数 = 1
核对 车辆 = 4
核对 合计(项目 = 运转项目) = 50.00
核对 合计(类型 = 基本支出 且 非 经济 = 30101) ≤ 100.00 容差 0.01 警告 "基本支出过高"
核对 合计(功能.款 = 208 01 或 资金 not in (政府性基金)) = 120.00
)B";

// The same budget in the English spellings of every keyword and vocabulary word.
const char* const full_en = R"B(# every construct, English keywords
title "往返测试 2024"
year 2024
amounts wan
unit 803019 "洛阳市社会保险中心" type civil-service
department 803 "洛阳市人力资源和社会保障局"
income general-budget 120.00 of-which fiscal-appropriation 120.00
year-end-balance 0.00
208 01 09 社会保险经办机构 basic {
  personnel {
    30101 基本工资 -> 50101 工资奖金津补贴: 40.00
    30103 奖金 -> 50101: 10.00
  }
  public fund general-budget {
    30217 公务接待费 -> 50206 公务接待费: 2.20
    30231 公务用车运行维护费 -> 50208: 7.00
    30299 其他商品和服务支出 -> 50299 total 10.80 {
      208 01 09: 10.10 项目类别=公用经费综合定额
      208 01 09: 0.70 项目类别=离退休人员公用经费
    }
  }
}
project "社保公共服务经费" code 410300200000000033610 type operating function 208 01 09 amount 50.00 {
  targets {
    output 社保政策宣传工作完成率 ≥95%
    outcome "各项社保待遇落实情况" 按时足额发放
    cost 人均成本 ≤350元/人.天
    satisfaction 服务对象满意度 ≥90%
  }
}
project-group "运转项目" ("社保公共服务经费") 208 01 09 operating {
  30201 办公费 -> 50201 办公经费: 38.00
  30202 印刷费 -> 50201: 12.00
}
prior 支出总计 130.00
prior 三公经费 8.80
figure 政府采购 0.00
count 车辆 4 辆
measure 三公经费 = sum(econ in (30212, 30217, 30231, 31013))
expect 三公经费 = 9.20
expect share(basic, total-expenditure) = 58.33%
expect 支出总计 vs-prior decrease 10.00
expect 支出总计 vs-prior fall 7.69%
expect 三公经费 vs-prior increase 0.40
expect project-count = 1
expect 车辆 = 4
expect sum(project = 运转项目) = 50.00
expect sum(kind = basic and not econ = 30101) <= 100.00 within 0.01 warning "基本支出过高"
expect sum(function.款 = 208 01 or fund not in (government-fund)) = 120.00
)B";

/// Everything the model holds except source offsets and constraint texts, as text.
std::string describe(const yusuan::budget& b) {
  std::ostringstream os;
  const auto& h = b.header();
  os << "header " << h.title << "|" << h.year << "|" << yusuan::unit_name(h.amount_unit) << "|" << h.unit_code << "|"
     << h.unit_name << "|" << yusuan::chinese_name(h.type) << "|" << h.department_code << "|" << h.department_name << "\n";
  for (const auto& u : b.units()) os << "unit " << u.code << "|" << u.name << "|" << yusuan::chinese_name(u.type) << "\n";
  for (const auto& l : b.income())
    os << "income " << yusuan::chinese_name(l.source) << "|" << (l.of_which ? yusuan::chinese_name(*l.of_which) : "-")
       << "|" << l.amount.fen() << "\n";
  os << "balance " << (b.year_end_balance() ? std::to_string(b.year_end_balance()->fen()) : "-") << "\n";
  for (const auto& it : b.items()) {
    os << "item " << it.amount.fen() << "|" << it.function.str() << "|" << it.econ.str() << "|" << it.gov_econ.str()
       << "|" << yusuan::chinese_name(it.kind) << "|" << yusuan::chinese_name(it.fund) << "|" << it.file << "|"
       << it.unit << "|" << it.project << "|" << it.group << "|" << it.line;
    for (auto [k, v] : b.tags_of(it)) os << "|" << k << "=" << v;
    os << "\n";
  }
  for (const auto& n : b.function_names()) os << "fname " << n.code.str() << "=" << n.name << "\n";
  for (const auto& n : b.econ_names()) os << "ename " << n.code.str() << "=" << n.name << "\n";
  for (const auto& p : b.projects()) {
    os << "project " << p.name << "|" << p.code << "|" << yusuan::chinese_name(p.kind) << "|" << p.function.str() << "|"
       << p.amount.fen() << "|" << p.has_items << "|" << p.group << "\n";
    for (const auto& t : p.targets)
      os << "  target " << yusuan::chinese_name(t.category) << "|" << t.indicator << "|" << t.comparator << "|"
         << t.number << "|" << t.unit << "|" << t.text << "\n";
  }
  for (const auto& g : b.groups()) {
    os << "group " << g.name << "|" << g.amount.fen();
    for (auto m : g.members) os << "|" << m;
    os << "\n";
  }
  for (const auto& p : b.prior_figures()) os << "prior " << p.name << "|" << p.amount.fen() << "\n";
  for (const auto& f : b.figures())
    os << "figure " << f.name << "|" << f.is_money << "|" << f.amount.fen() << "|" << f.count << "|" << f.unit << "\n";
  for (const auto& m : b.measures()) os << "measure " << m.name << "|" << m.value.fen() << "\n";
  for (const auto& c : b.constraints()) os << "constraint " << c.passed << "|" << yusuan::to_string(c.level) << "\n";
  return os.str();
}

}  // namespace

TEST(dsl_model, header) {
  auto r = compile(full_zh);
  ASSERT_TRUE(r.ok()) << dump(r);
  EXPECT_TRUE(r.diagnostics.empty()) << dump(r);
  const auto& b = *r.value;
  EXPECT_EQ(b.header().title, "往返测试 2024");
  EXPECT_EQ(b.year(), 2024);
  EXPECT_EQ(b.amount_unit(), yusuan::unit::wan_yuan);
  EXPECT_EQ(b.header().unit_code, "803019");
  EXPECT_EQ(b.header().unit_name, "洛阳市社会保险中心");
  EXPECT_EQ(b.header().type, yusuan::unit_type::civil_service);
  EXPECT_EQ(b.header().department_code, "803");
  EXPECT_EQ(b.header().department_name, "洛阳市人力资源和社会保障局");
  ASSERT_EQ(b.units().size(), 1u);
  EXPECT_EQ(b.units()[0].code, "803019");
  EXPECT_EQ(b.units()[0].name, "洛阳市社会保险中心");
  EXPECT_EQ(where(b.units()[0].span), "5:4");
  ASSERT_EQ(b.sources().size(), 1u);
  EXPECT_EQ(b.sources()[0]->name(), "t.budget");
}

TEST(dsl_model, catalog_checks_are_on_by_default) {
  const char* text = "年度 2024\n208 01 09 30104: 1.00\n";  // 301 04 is not in the 2024 catalog
  auto checked = yusuan::compile_string(text, "t.budget");
  EXPECT_FALSE(checked.ok());
  bool catalog_error = false;
  for (const auto& d : checked.diagnostics) catalog_error = catalog_error || d.code.rfind("E06", 0) == 0;
  EXPECT_TRUE(catalog_error) << dump(checked);
  auto unchecked = compile(text);
  EXPECT_TRUE(unchecked.ok()) << dump(unchecked);
}

TEST(dsl_model, header_defaults_and_unit_types) {
  auto r = compile("208 01 09 30101: 1.00\n");
  ASSERT_TRUE(r.ok()) << dump(r);
  EXPECT_EQ(r.value->year(), 0);
  EXPECT_EQ(r.value->amount_unit(), yusuan::unit::yuan);
  EXPECT_EQ(r.value->header().type, yusuan::unit_type::unknown);
  EXPECT_EQ(r.value->items()[0].amount, yuan("1.00"));
  for (auto [word, type] : {std::pair{"行政", yusuan::unit_type::administrative}, {"事业", yusuan::unit_type::institution},
                            {"参公", yusuan::unit_type::civil_service}, {"事业单位", yusuan::unit_type::institution}}) {
    auto u = compile(std::string("单位 1 \"x\" 类型 ") + word + "\n");
    ASSERT_TRUE(u.ok()) << dump(u);
    EXPECT_EQ(u.value->header().type, type) << word;
  }
}

TEST(dsl_model, amount_units) {
  auto r = compile("金额单位 亿元\n208 01 09 30101: 1.5\n");
  ASSERT_TRUE(r.ok()) << dump(r);
  EXPECT_EQ(r.value->items()[0].amount, yuan("150000000.00"));
  auto y = compile("金额单位 元\n208 01 09 30101: 1,234.56\n");
  ASSERT_TRUE(y.ok()) << dump(y);
  EXPECT_EQ(y.value->items()[0].amount, yuan("1234.56"));
  auto w = compile("金额单位 万元\n208 01 09 30101: 0.0123\n");
  ASSERT_TRUE(w.ok()) << dump(w);
  EXPECT_EQ(w.value->items()[0].amount, yuan("123.00"));
}

TEST(dsl_model, income_lines) {
  auto r = compile("金额单位 万元\n收入 一般公共预算 100.00 其中 财政拨款 90.00\n收入 事业收入: 10.00\n"
                   "收入 上年结转结余 5.00\n年终结转结余 3.00\n208 01 09 30101: 112.00\n");
  ASSERT_TRUE(r.ok()) << dump(r);
  const auto& b = *r.value;
  ASSERT_EQ(b.income().size(), 4u);
  EXPECT_EQ(b.income()[0].source, fund_source::general_budget);
  EXPECT_FALSE(b.income()[0].of_which.has_value());
  EXPECT_EQ(b.income()[0].amount, wan("100.00"));
  EXPECT_EQ(where(b.income()[0].span), "2:4");
  EXPECT_EQ(b.income()[1].source, fund_source::fiscal_appropriation);
  ASSERT_TRUE(b.income()[1].of_which.has_value());
  EXPECT_EQ(*b.income()[1].of_which, fund_source::general_budget);
  EXPECT_EQ(b.income()[1].amount, wan("90.00"));
  EXPECT_EQ(b.income()[2].source, fund_source::institution_revenue);
  EXPECT_EQ(b.income()[2].amount, wan("10.00"));
  EXPECT_EQ(b.income()[3].source, fund_source::carryover);
  EXPECT_EQ(b.income_total(), wan("110.00"));
  EXPECT_EQ(b.income_grand_total(), wan("115.00"));
  EXPECT_EQ(b.income_of(fund_source::institution_revenue), wan("10.00"));
  EXPECT_FALSE(b.income_of(fund_source::government_fund).has_value());
  ASSERT_TRUE(b.year_end_balance().has_value());
  EXPECT_EQ(*b.year_end_balance(), wan("3.00"));
  EXPECT_EQ(b.expenditure_total(), wan("112.00"));
  EXPECT_EQ(b.expenditure_grand_total(), wan("115.00"));
}

TEST(dsl_model, items_with_all_coordinates) {
  auto r = compile(full_zh);
  ASSERT_TRUE(r.ok()) << dump(r);
  const auto& b = *r.value;
  ASSERT_EQ(b.items().size(), 8u);
  struct want {
    const char* amount;
    const char* econ;
    const char* gov;
    spending_kind kind;
  };
  const want w[] = {{"40.00", "30101", "50101", spending_kind::personnel},
                    {"10.00", "30103", "50101", spending_kind::personnel},
                    {"2.20", "30217", "50206", spending_kind::public_funds},
                    {"7.00", "30231", "50208", spending_kind::public_funds},
                    {"10.10", "30299", "50299", spending_kind::public_funds},
                    {"0.70", "30299", "50299", spending_kind::public_funds},
                    {"38.00", "30201", "50201", spending_kind::operating},
                    {"12.00", "30202", "50201", spending_kind::operating}};
  for (std::size_t i = 0; i < 8; ++i) {
    const auto& it = b.items()[i];
    EXPECT_EQ(it.amount, wan(w[i].amount)) << i;
    EXPECT_EQ(it.function, fn("2080109")) << i;
    EXPECT_EQ(it.econ, ec(w[i].econ)) << i;
    EXPECT_EQ(it.gov_econ, ec(w[i].gov)) << i;
    EXPECT_EQ(it.kind, w[i].kind) << i;
    EXPECT_EQ(it.fund, fund_source::general_budget) << i;
    EXPECT_EQ(it.file, 0u);
    EXPECT_EQ(it.project, yusuan::npos32) << i;
  }
  // items of the group block
  EXPECT_EQ(b.items()[5].group, yusuan::npos32);
  EXPECT_EQ(b.items()[6].group, 0u);
  EXPECT_EQ(b.items()[7].group, 0u);
  // where each item was written
  EXPECT_EQ(where(b.span_of(b.items()[0])), "11:5");
  EXPECT_EQ(where(b.span_of(b.items()[4])), "18:7");
  EXPECT_EQ(where(b.span_of(b.items()[7])), "33:3");
  // the two items of the 30299 block belong to the same published line
  EXPECT_EQ(b.items()[4].line, b.items()[5].line);
  EXPECT_NE(b.items()[0].line, b.items()[1].line);
}

TEST(dsl_model, names) {
  auto r = compile(full_zh);
  ASSERT_TRUE(r.ok()) << dump(r);
  const auto& b = *r.value;
  EXPECT_EQ(b.name_of(fn("208 01 09")), "社会保险经办机构");
  EXPECT_EQ(b.name_of(fn("208")), "");
  EXPECT_EQ(b.name_of(ec("30101")), "基本工资");
  EXPECT_EQ(b.name_of(ec("50101")), "工资奖金津补贴");
  EXPECT_EQ(b.name_of(ec("50206")), "公务接待费");
  EXPECT_EQ(b.name_of(ec("30217")), "公务接待费");
  EXPECT_EQ(b.name_of(ec("50208")), "");  // written without a name
  EXPECT_EQ(b.name_of(ec("30299")), "其他商品和服务支出");
  EXPECT_EQ(b.function_names().size(), 1u);
  // sorted by code
  for (std::size_t i = 1; i < b.econ_names().size(); ++i)
    EXPECT_LT(b.econ_names()[i - 1].code, b.econ_names()[i].code);
}

TEST(dsl_model, functional_code_levels_and_spellings) {
  auto r = compile("208: 1.00\n20805: 2.00\n208 05: 3.00\n2080507: 4.00\n208 05 07: 5.00\n");
  ASSERT_TRUE(r.ok()) << dump(r);
  const auto items = r.value->items();
  ASSERT_EQ(items.size(), 5u);
  EXPECT_EQ(items[0].function.level(), 1);
  EXPECT_EQ(items[0].function.str(), "208");
  EXPECT_EQ(items[1].function.level(), 2);
  EXPECT_EQ(items[1].function, items[2].function);
  EXPECT_EQ(items[2].function.spaced(), "208 05");
  EXPECT_EQ(items[3].function.level(), 3);
  EXPECT_EQ(items[3].function, items[4].function);
  EXPECT_EQ(items[4].function, fn("2080507"));
  EXPECT_EQ(items[4].function.spaced(), "208 05 07");
  EXPECT_TRUE(items[0].function.contains(items[4].function));
}

TEST(dsl_model, functional_code_dotted_spelling) {
  auto r = compile("208 05 07: 1.00\n2080507: 2.00\n208.05.07: 3.00\n");
  ASSERT_TRUE(r.ok()) << dump(r);
  const auto items = r.value->items();
  ASSERT_EQ(items.size(), 3u);
  EXPECT_EQ(items[0].function, items[2].function);
  EXPECT_EQ(items[1].function, items[2].function);
}

TEST(dsl_model, functional_code_dotted_spelling_in_a_filter) {
  auto r = compile("208 05 07: 1.00\n核对 合计(功能 = 208.05.07) = 1.00\n");
  EXPECT_TRUE(r.ok()) << dump(r);
}

TEST(dsl_model, economic_pairs) {
  auto r = compile("金额单位 万元\n208 01 09 30101 基本工资 → 50101 工资奖金津补贴: 1.00\n"
                   "208 01 09 30102 -> 50101: 2.00\n208 01 09 30103 => 50101: 3.00\n208 01 09 50102: 4.00\n"
                   "208 01 09 301: 5.00\n");
  ASSERT_TRUE(r.ok()) << dump(r);
  const auto items = r.value->items();
  ASSERT_EQ(items.size(), 5u);
  EXPECT_EQ(items[0].econ, ec("30101"));
  EXPECT_EQ(items[0].gov_econ, ec("50101"));
  EXPECT_EQ(items[1].econ, ec("30102"));
  EXPECT_EQ(items[1].gov_econ, ec("50101"));
  EXPECT_EQ(items[2].gov_econ, ec("50101"));
  EXPECT_TRUE(items[3].econ.empty());  // a 5xxxx code alone is the 政府 code
  EXPECT_EQ(items[3].gov_econ, ec("50102"));
  EXPECT_TRUE(items[3].gov_econ.is_government());
  EXPECT_EQ(items[4].econ.level(), 1);
  EXPECT_TRUE(items[4].gov_econ.empty());
}

TEST(dsl_model, kinds_inherited_from_blocks) {
  auto r = compile("金额单位 万元\n208 01 09 基本支出 {\n  人员经费 {\n    30102: 2.00\n  }\n"
                   "  公用经费 30201: 3.00 # a kind word after '}'\n  30101: 1.00\n}\n208 01 09 项目支出 {\n"
                   "  特定目标类 30202: 5.00\n  30201: 4.00\n}\n208 01 09 30203: 6.00\n"
                   "208 01 09 人员经费 30107: 7.00\n");
  ASSERT_TRUE(r.ok()) << dump(r);
  const auto items = r.value->items();
  ASSERT_EQ(items.size(), 7u);
  EXPECT_EQ(items[0].kind, spending_kind::personnel);
  EXPECT_EQ(items[1].kind, spending_kind::public_funds);
  EXPECT_EQ(items[2].kind, spending_kind::basic);
  EXPECT_EQ(items[3].kind, spending_kind::specific);
  EXPECT_EQ(items[4].kind, spending_kind::project);
  EXPECT_EQ(items[5].kind, spending_kind::unspecified);
  EXPECT_EQ(items[6].kind, spending_kind::personnel);
}

TEST(dsl_model, kind_word_at_the_start_of_the_line_after_an_item) {
  auto r = compile("金额单位 万元\n208 01 09 基本支出 {\n  30101: 1.00\n  人员经费 30102: 2.00\n}\n");
  ASSERT_TRUE(r.ok()) << dump(r);
  EXPECT_EQ(r.value->items()[0].kind, spending_kind::basic);
  EXPECT_EQ(r.value->items()[1].kind, spending_kind::personnel);
}

TEST(dsl_model, kind_block_after_an_item) {
  auto r = compile("金额单位 万元\n208 01 09 基本支出 {\n  30101: 1.00\n  人员经费 {\n    30102: 2.00\n  }\n}\n");
  ASSERT_TRUE(r.ok()) << dump(r);
  EXPECT_EQ(r.value->items()[1].kind, spending_kind::personnel);
}

TEST(dsl_model, project_declaration_after_an_item) {
  auto r = compile("金额单位 万元\n208 01 09 30101: 1.00\n项目 \"p\" 金额 1.00\n");
  ASSERT_TRUE(r.ok()) << dump(r);
  EXPECT_EQ(r.value->projects().size(), 1u);
  EXPECT_EQ(r.value->items()[0].project, yusuan::npos32);
}

TEST(dsl_model, funds) {
  auto r = compile("金额单位 万元\n208 01 09 资金 政府性基金 {\n  资金 财政专户管理资金 30102: 2.00\n  30101: 1.00\n}\n"
                   "208 01 09 资金 \"国有资本经营\" 30103: 3.00\n208 01 09 30107: 4.00\n"
                   "核对 合计(资金 = 政府性基金) = 1.00\n");
  ASSERT_TRUE(r.ok()) << dump(r);
  const auto items = r.value->items();
  ASSERT_EQ(items.size(), 4u);
  EXPECT_EQ(items[0].fund, fund_source::special_account);
  EXPECT_EQ(items[1].fund, fund_source::government_fund);
  EXPECT_EQ(items[2].fund, fund_source::state_capital);
  EXPECT_EQ(items[3].fund, fund_source::general_budget);  // the default
}

TEST(dsl_model, tags) {
  auto r = compile("金额单位 万元\n208 01 09 来源=甲 {\n  30101: 1.00\n  30102: 2.00 来源=乙\n  30103: 3.00 另一=\"丙 丁\"\n}\n"
                   "208 01 09 30107: 4.00 类别=x 类别=y\n208 01 09 30108: 5.00\n核对 合计(来源 = 甲) = 4.00\n"
                   "核对 合计(来源 in (甲, 乙)) = 6.00\n核对 合计(另一 = \"丙 丁\") = 3.00\n");
  ASSERT_TRUE(r.ok()) << dump(r);
  const auto& b = *r.value;
  const auto items = b.items();
  ASSERT_EQ(items.size(), 5u);
  EXPECT_EQ(b.tag_of(items[0], "来源"), "甲");
  EXPECT_EQ(b.tag_of(items[1], "来源"), "乙");  // the item's own tag wins
  EXPECT_EQ(b.tag_of(items[2], "来源"), "甲");
  EXPECT_EQ(b.tag_of(items[2], "另一"), "丙 丁");
  EXPECT_EQ(b.tags_of(items[2]).size(), 2u);
  EXPECT_EQ(b.tag_of(items[3], "类别"), "y");  // the last one written wins
  EXPECT_EQ(b.tags_of(items[3]).size(), 1u);
  EXPECT_EQ(b.tag_of(items[4], "来源"), "");
  EXPECT_EQ(items[4].tags, 0u);
  EXPECT_NE(b.string_id("甲"), yusuan::npos32);
  EXPECT_EQ(b.string_id("不存在"), yusuan::npos32);
}

TEST(dsl_model, item_order_and_repeated_coordinates) {
  auto r = compile("金额单位 万元\n208 01 09 30101: 3.00\n208 01 09 30101: 1.00\n208 01 09 30102: 2.00\n"
                   "208 01 09 30101: 1.00\n");
  ASSERT_TRUE(r.ok()) << dump(r);
  const auto items = r.value->items();
  ASSERT_EQ(items.size(), 4u);
  EXPECT_EQ(items[0].amount, wan("3.00"));
  EXPECT_EQ(items[1].amount, wan("1.00"));
  EXPECT_EQ(items[2].amount, wan("2.00"));
  EXPECT_EQ(items[3].amount, wan("1.00"));
  EXPECT_EQ(items[0].econ, items[1].econ);
  EXPECT_EQ(items[1].econ, items[3].econ);
  EXPECT_LT(items[0].offset, items[1].offset);
  EXPECT_LT(items[2].offset, items[3].offset);
  EXPECT_EQ(where(r.value->span_of(items[3])), "5:1");
  EXPECT_EQ(r.value->expenditure_total(), wan("7.00"));
}

TEST(dsl_model, projects_and_targets) {
  auto r = compile(full_zh);
  ASSERT_TRUE(r.ok()) << dump(r);
  const auto& b = *r.value;
  ASSERT_EQ(b.projects().size(), 1u);
  const auto& p = b.projects()[0];
  EXPECT_EQ(p.name, "社保公共服务经费");
  EXPECT_EQ(p.code, "410300200000000033610");
  EXPECT_EQ(p.kind, spending_kind::operating);
  EXPECT_EQ(p.function, fn("208 01 09"));
  EXPECT_EQ(p.amount, wan("50.00"));
  EXPECT_FALSE(p.has_items);
  EXPECT_EQ(p.group, 0u);
  EXPECT_EQ(where(p.span), "23:5");
  EXPECT_EQ(b.find_project("410300200000000033610"), &p);
  EXPECT_EQ(b.find_project("社保公共服务经费"), &p);
  EXPECT_EQ(b.find_project("无"), nullptr);
  ASSERT_EQ(p.targets.size(), 4u);
  EXPECT_EQ(p.targets[0].category, yusuan::target_category::output);
  EXPECT_EQ(p.targets[0].indicator, "社保政策宣传工作完成率");
  EXPECT_EQ(p.targets[0].comparator, "≥");
  EXPECT_EQ(p.targets[0].number, "95");
  EXPECT_EQ(p.targets[0].unit, "%");
  EXPECT_EQ(p.targets[0].text, "");
  EXPECT_EQ(p.targets[0].value_text(), "≥95%");
  EXPECT_EQ(where(p.targets[0].span), "25:5");
  EXPECT_EQ(p.targets[1].category, yusuan::target_category::outcome);
  EXPECT_EQ(p.targets[1].indicator, "各项社保待遇落实情况");
  EXPECT_EQ(p.targets[1].number, "");
  EXPECT_EQ(p.targets[1].text, "按时足额发放");
  EXPECT_EQ(p.targets[1].value_text(), "按时足额发放");
  EXPECT_EQ(p.targets[2].category, yusuan::target_category::cost);
  EXPECT_EQ(p.targets[2].comparator, "≤");
  EXPECT_EQ(p.targets[2].number, "350");
  EXPECT_EQ(p.targets[2].unit, "元/人.天");
  EXPECT_EQ(p.targets[3].category, yusuan::target_category::satisfaction);
  EXPECT_EQ(p.targets[3].value_text(), "≥90%");
}

TEST(dsl_model, target_values) {
  auto r = compile("金额单位 万元\n项目 \"甲\" 金额 1.00 {\n  绩效目标 {\n    产出 天数 2天\n    产出 比例 >=99.5%\n"
                   "    产出 个数 ＝3家\n    满意度 \"群众 满意度\" \"较为 满意\"\n  }\n}\n");
  ASSERT_TRUE(r.ok()) << dump(r);
  const auto& t = r.value->projects()[0].targets;
  ASSERT_EQ(t.size(), 4u);
  EXPECT_EQ(t[0].comparator, "");
  EXPECT_EQ(t[0].number, "2");
  EXPECT_EQ(t[0].unit, "天");
  EXPECT_EQ(t[1].comparator, "≥");  // >= is normalised
  EXPECT_EQ(t[1].number, "99.5");
  EXPECT_EQ(t[2].comparator, "=");  // ＝ is normalised
  EXPECT_EQ(t[2].value_text(), "=3家");
  EXPECT_EQ(t[3].indicator, "群众 满意度");
  EXPECT_EQ(t[3].text, "较为 满意");
}

TEST(dsl_model, project_with_items_and_fields_on_their_own_lines) {
  auto r = compile("金额单位 万元\n项目 \"甲\" {\n  编码 P001\n  类型 特定目标类\n  功能 208 01 09\n  金额 6.00\n"
                   "  30201 办公费: 2.00\n  208 01 99 30202: 3.00\n}\n208 01 09 项目 \"甲\" 30203: 1.00\n"
                   "208 01 09 项目 \"乙\" 30204: 2.00\n# 乙 is declared after its item\n"
                   "核对 合计(项目 = 甲) = 6.00\n核对 合计(项目 = P001) = 6.00\n项目 \"乙\" 功能 208 01 09 类型 其他运转类\n");
  ASSERT_TRUE(r.ok()) << dump(r);
  const auto& b = *r.value;
  ASSERT_EQ(b.projects().size(), 2u);
  const auto& p = b.projects()[0];
  EXPECT_EQ(p.code, "P001");
  EXPECT_EQ(p.kind, spending_kind::specific);
  EXPECT_EQ(p.function, fn("2080109"));
  EXPECT_TRUE(p.has_items);
  EXPECT_EQ(p.amount, wan("6.00"));  // Σ of its items, the one outside the block included
  const auto items = b.items();
  ASSERT_EQ(items.size(), 4u);
  EXPECT_EQ(items[0].project, 0u);
  EXPECT_EQ(items[0].kind, spending_kind::specific);  // from the project
  EXPECT_EQ(items[0].function, fn("2080109"));        // from the project
  EXPECT_EQ(items[1].function, fn("2080199"));        // its own
  EXPECT_EQ(items[2].project, 0u);
  EXPECT_EQ(items[2].kind, spending_kind::specific);
  // an item may name a project declared after it
  EXPECT_EQ(items[3].project, 1u);
  EXPECT_EQ(items[3].kind, spending_kind::operating);
  EXPECT_EQ(b.projects()[1].amount, wan("2.00"));
  EXPECT_EQ(b.projects()[1].function, fn("2080109"));
}

TEST(dsl_model, item_names_a_project_by_its_code) {
  auto r = compile("金额单位 万元\n项目 \"甲\" 编码 P001 功能 208 01 09 金额 1.00\n208 01 09 项目 P001 30101: 1.00\n");
  ASSERT_TRUE(r.ok()) << dump(r);
  EXPECT_EQ(r.value->items()[0].project, 0u);
}

TEST(dsl_model, project_amount_mismatch_with_fields_inside) {
  auto r = compile("金额单位 万元\n项目 \"甲\" 功能 208 01 09 {\n  金额 5.00\n  30201: 2.00\n}\n");
  const auto& d = one(r, "E0402");
  EXPECT_EQ(where(d), "3:6");
}

TEST(dsl_model, groups) {
  auto r = compile("金额单位 万元\n项目 \"甲\" 编码 P1 金额 30.00\n项目 \"乙\" 金额 10.00\n"
                   "项目组 \"运转\" (P1, \"乙\") 208 01 09 其他运转类 资金 政府性基金 {\n  30201: 25.00\n  30202: 15.00\n}\n"
                   "核对 合计(项目 = 运转) = 40.00\n核对 合计(项目 = 甲) = 0.00\n");
  ASSERT_TRUE(r.ok()) << dump(r);
  const auto& b = *r.value;
  ASSERT_EQ(b.groups().size(), 1u);
  const auto& g = b.groups()[0];
  EXPECT_EQ(g.name, "运转");
  ASSERT_EQ(g.members.size(), 2u);
  EXPECT_EQ(g.members[0], 0u);
  EXPECT_EQ(g.members[1], 1u);
  EXPECT_EQ(g.amount, wan("40.00"));
  EXPECT_EQ(where(g.span), "4:6");
  EXPECT_EQ(b.projects()[0].group, 0u);
  EXPECT_EQ(b.projects()[1].group, 0u);
  for (const auto& it : b.items()) {
    EXPECT_EQ(it.group, 0u);
    EXPECT_EQ(it.project, yusuan::npos32);
    EXPECT_EQ(it.kind, spending_kind::operating);
    EXPECT_EQ(it.fund, fund_source::government_fund);
    EXPECT_EQ(it.function, fn("208 01 09"));
  }
}

TEST(dsl_model, prior_figures_counts_and_measures) {
  auto r = compile(full_zh);
  ASSERT_TRUE(r.ok()) << dump(r);
  const auto& b = *r.value;
  ASSERT_EQ(b.prior_figures().size(), 2u);
  EXPECT_EQ(b.prior_figures()[0].name, "支出总计");
  EXPECT_EQ(b.prior_figures()[0].amount, wan("130.00"));
  EXPECT_EQ(b.prior("三公经费"), wan("8.80"));
  EXPECT_FALSE(b.prior("无").has_value());
  ASSERT_EQ(b.figures().size(), 2u);
  const auto* f = b.find_figure("政府采购");
  ASSERT_NE(f, nullptr);
  EXPECT_TRUE(f->is_money);
  EXPECT_EQ(f->amount, wan("0.00"));
  const auto* c = b.find_figure("车辆");
  ASSERT_NE(c, nullptr);
  EXPECT_FALSE(c->is_money);
  EXPECT_EQ(c->count, 4);
  EXPECT_EQ(c->unit, "辆");
  EXPECT_EQ(where(c->span), "38:4");
  ASSERT_EQ(b.measures().size(), 1u);
  const auto* m = b.find_measure("三公经费");
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->value, wan("9.20"));
  EXPECT_EQ(m->definition.kind, yusuan::expr::op::sum);
  EXPECT_EQ(where(m->span), "39:4");
}

TEST(dsl_model, constraints_recorded) {
  auto r = compile(full_zh);
  ASSERT_TRUE(r.ok()) << dump(r);
  const auto& b = *r.value;
  ASSERT_EQ(b.constraints().size(), 10u);
  for (const auto& c : b.constraints()) EXPECT_TRUE(c.passed) << c.text;
  EXPECT_EQ(b.constraints()[0].text, "核对 三公经费 = 9.20");
  EXPECT_EQ(b.constraints()[0].level, severity::error);
  EXPECT_EQ(where(b.constraints()[0].span), "40:1");
  EXPECT_EQ(b.constraints()[8].level, severity::warning);
  EXPECT_EQ(b.constraints()[8].text, "核对 合计(类型 = 基本支出 且 非 经济 = 30101) ≤ 100.00 容差 0.01 警告 \"基本支出过高\"");
  EXPECT_EQ(b.constraints()[9].text, "核对 合计(功能.款 = 208 01 或 资金 not in (政府性基金)) = 120.00");
}

TEST(dsl_model, expressions_and_filters) {
  auto r = compile("金额单位 万元\n208 01 09 基本支出 30101: 6.00\n208 01 09 项目支出 30201: 3.00\n"
                   "208 02 01 项目支出 30202: 1.00\n上年 支出合计 8.00\n"
                   "口径 基本 = 合计 其中 类型 = 基本支出\n"
                   "口径 差额 = 基本 - 合计(类型 = 项目支出) + 1.00\n"
                   "核对 差额 = 3.00\n"
                   "核对 -差额 = -3.00\n"
                   "核对 (基本 + 1.00) - 2.00 = 5.00\n"
                   "核对 计数(功能 = 208 01) = 2\n"
                   "核对 计数 = 3\n"
                   "核对 合计(非 (功能 = 208 02 或 类型 = 基本支出)) = 3.00\n"
                   "核对 合计(经济 not in (30101, 30201)) = 1.00\n"
                   "核对 合计(经济 ≠ 30101 且 功能.类 = 208) = 4.00\n"
                   "核对 合计(经济 = 302) = 4.00\n"
                   "核对 占比(基本, 支出合计) = 60%\n"
                   "核对 占比(基本, 支出合计) = 60.0%\n"
                   "核对 占比(基本支出, 合计) ≥ 59.99%\n"
                   "核对 增幅(支出合计) = 25.00%\n"
                   "核对 上年(支出合计) = 8.00\n"
                   "核对 支出合计 较上年 增长 25%\n"
                   "核对 支出合计 比上年 增加 2.00\n");
  ASSERT_TRUE(r.ok()) << dump(r);
  EXPECT_EQ(r.value->find_measure("基本")->value, wan("6.00"));
  EXPECT_EQ(r.value->find_measure("差额")->value, wan("3.00"));
  for (const auto& c : r.value->constraints()) EXPECT_TRUE(c.passed) << c.text;
}

TEST(dsl_model, punctuation_variants_and_comments) {
  auto r = compile("金额单位 万元  # 注释\n// 整行注释\n208 01 09 30101：1.00\n208 01 09 ｛ 30102: 2.00 ｝ # 块\n"
                   "208 01 09 30103: 3.00; 208 01 09 30107: 4.00\n口径 甲 ＝ 合计(经济 属于 (30101， 30102、30103))\n"
                   "核对 甲 ＝ 6.00\n");
  ASSERT_TRUE(r.ok()) << dump(r);
  EXPECT_EQ(r.value->items().size(), 4u);
  EXPECT_EQ(r.value->find_measure("甲")->value, wan("6.00"));
}

TEST(dsl_model, fullwidth_parentheses) {
  auto r = compile("208 01 09 30101: 1.00\n核对 合计（经济 = 30101） = 1.00\n核对 合计(经济 in （30101）) = 1.00\n");
  EXPECT_TRUE(r.ok()) << dump(r);
}

TEST(dsl_model, units_of_a_department) {
  auto r = compile("金额单位 万元\n部门 803 \"人社局\"\n单位 803001 \"局机关\" 类型 行政\n208 01 01 30101: 1.00\n"
                   "单位 803019 \"社保中心\" 类型 参公\n208 01 09 30101: 2.00\n");
  ASSERT_TRUE(r.ok()) << dump(r);
  const auto& b = *r.value;
  ASSERT_EQ(b.units().size(), 2u);
  EXPECT_EQ(b.units()[1].code, "803019");
  EXPECT_EQ(b.units()[1].type, yusuan::unit_type::civil_service);
  EXPECT_EQ(b.items()[0].unit, 0u);
  EXPECT_EQ(b.items()[1].unit, 1u);
}

TEST(dsl_model, imports) {
  auto r = yusuan::compile_file("tests/data/dsl/import_main.budget");
  ASSERT_TRUE(r.ok()) << dump(r);
  const auto& b = *r.value;
  ASSERT_EQ(b.sources().size(), 3u);
  EXPECT_EQ(b.sources()[0]->name(), "tests/data/dsl/import_main.budget");
  EXPECT_EQ(b.sources()[1]->name(), "tests/data/dsl/import_part.budget");
  EXPECT_EQ(b.sources()[2]->name(), "tests/data/dsl/import_part_yuan.budget");
  ASSERT_EQ(b.items().size(), 3u);
  // imported items come where the import is written
  EXPECT_EQ(b.items()[0].econ, ec("30201"));
  EXPECT_EQ(b.items()[0].file, 1u);
  EXPECT_EQ(b.items()[0].amount, wan("2.00"));  // the importer's 万元
  EXPECT_EQ(b.items()[1].econ, ec("30202"));
  EXPECT_EQ(b.items()[1].file, 2u);
  EXPECT_EQ(b.items()[1].amount, wan("1.00"));  // 10,000.00 元
  EXPECT_EQ(b.items()[2].file, 0u);
  EXPECT_EQ(b.items()[2].amount, wan("3.00"));  // back in 万元 after the import
  EXPECT_EQ(b.amount_unit(), yusuan::unit::wan_yuan);
  const auto at = yusuan::resolve(b.span_of(b.items()[1]));
  EXPECT_EQ(at.file, "tests/data/dsl/import_part_yuan.budget");
  EXPECT_EQ(at.line, 3u);
  EXPECT_EQ(at.column, 1u);
  EXPECT_EQ(b.name_of(ec("30202")), "印刷费");
}

TEST(dsl_model, import_twice_reads_once) {
  temp_dir t;
  t.write("part.budget", "208 01 09 30101: 1.00\n");
  const auto p = t.write("main.budget", "导入 \"part.budget\"\n导入 \"./part.budget\"\n");
  auto r = yusuan::compile_file(p);
  ASSERT_TRUE(r.ok()) << dump(r);
  EXPECT_EQ(r.value->items().size(), 1u);
}

TEST(dsl_model, english_keywords_give_the_same_model) {
  auto zh = compile(full_zh);
  auto en = compile(full_en);
  ASSERT_TRUE(zh.ok()) << dump(zh);
  ASSERT_TRUE(en.ok()) << dump(en);
  EXPECT_TRUE(en.diagnostics.empty()) << dump(en);
  EXPECT_EQ(describe(*zh.value), describe(*en.value));
  EXPECT_EQ(zh.value->constraints().size(), en.value->constraints().size());
}

TEST(dsl_model, describe_is_complete) {
  // A guard for the comparison above: the description does see the details.
  auto a = compile(full_zh);
  std::string changed = full_zh;
  changed.replace(changed.find("项目类别=离退休人员公用经费"), std::string("项目类别=离退休人员公用经费").size(),
                  "项目类别=其他");
  auto b = compile(changed);
  ASSERT_TRUE(a.ok() && b.ok()) << dump(b);
  EXPECT_NE(describe(*a.value), describe(*b.value));
}

TEST(dsl_model, small_budget_matches_the_full_one) {
  // small.budget is full_zh without the extra targets, figures and constraints.
  auto small = yusuan::compile_file("tests/data/small.budget");
  ASSERT_TRUE(small.ok()) << dump(small);
  auto full = compile(full_zh);
  ASSERT_TRUE(full.ok());
  ASSERT_EQ(small.value->items().size(), full.value->items().size());
  for (std::size_t i = 0; i < small.value->items().size(); ++i) {
    const auto& x = small.value->items()[i];
    const auto& y = full.value->items()[i];
    EXPECT_EQ(x.amount, y.amount) << i;
    EXPECT_EQ(x.econ, y.econ) << i;
    EXPECT_EQ(x.gov_econ, y.gov_econ) << i;
    EXPECT_EQ(x.kind, y.kind) << i;
  }
}

// ===========================================================================
// The yusuan program
// ===========================================================================

TEST(dsl_cli, ok_budget_exits_0) {
  auto r = run_cli("check tests/data/small.budget");
  EXPECT_EQ(r.exit, 0) << r.err;
  EXPECT_HAS(r.err, "tests/data/small.budget: ok: 8 items, 1 projects, 7 constraints checked");
  EXPECT_EQ(r.out, "");
  auto q = run_cli("check -q tests/data/small.budget");
  EXPECT_EQ(q.exit, 0);
  EXPECT_EQ(q.err, "");
}

TEST(dsl_cli, budget_error_exits_1) {
  auto r = run_cli("check tests/data/dsl/cli_error.budget");
  EXPECT_EQ(r.exit, 1) << r.err;
  EXPECT_HAS(r.err, "error[E0401]: stated total 10.00 differs from the sum of its items 9.00");
  EXPECT_HAS(r.err, "--> tests/data/dsl/cli_error.budget:3:1");
  EXPECT_HAS(r.err, "tests/data/dsl/cli_error.budget: 1 error, 0 warnings");
}

TEST(dsl_cli, several_files) {
  auto r = run_cli("check tests/data/small.budget tests/data/dsl/cli_error.budget");
  EXPECT_EQ(r.exit, 1) << r.err;
  auto m = run_cli("check tests/data/dsl/cli_error.budget tests/data/dsl/no_such_file.budget");
  EXPECT_EQ(m.exit, 2) << m.err;  // I/O errors win
}

TEST(dsl_cli, missing_file_exits_2) {
  auto r = run_cli("check tests/data/dsl/no_such_file.budget");
  EXPECT_EQ(r.exit, 2) << r.err;
  EXPECT_HAS(r.err, "error[E0001]: cannot read 'tests/data/dsl/no_such_file.budget': no such file");
}

TEST(dsl_cli, not_utf8_exits_2) {
  temp_dir t;
  const auto p = t.write("gbk.budget", gbk_title);
  auto r = run_cli("check " + quote(p));
  EXPECT_EQ(r.exit, 2) << r.err;
  EXPECT_HAS(r.err, "error[E0002]");
  EXPECT_HAS(r.err, "iconv -f GBK -t UTF-8");
}

TEST(dsl_cli, usage_errors_exit_2) {
  auto unknown = run_cli("check --frobnicate tests/data/small.budget");
  EXPECT_EQ(unknown.exit, 2);
  EXPECT_HAS(unknown.err, "unknown option '--frobnicate'");
  auto nofile = run_cli("check");
  EXPECT_EQ(nofile.exit, 2);
  EXPECT_HAS(nofile.err, "check needs at least one budget file");
  auto nothing = run_cli("");
  EXPECT_EQ(nothing.exit, 2);
  EXPECT_HAS(nothing.err, "Usage: yusuan");
  auto command = run_cli("frobnicate");
  EXPECT_EQ(command.exit, 2);
  EXPECT_HAS(command.err, "unknown command 'frobnicate'");
  auto format = run_cli("check --format xml tests/data/small.budget");
  EXPECT_EQ(format.exit, 2);
  EXPECT_HAS(format.err, "--format must be one of text, json");
  auto max = run_cli("check --max-errors 0 tests/data/small.budget");
  EXPECT_EQ(max.exit, 2);
  auto missing_value = run_cli("check tests/data/small.budget --format");
  EXPECT_EQ(missing_value.exit, 2);
  EXPECT_HAS(missing_value.err, "--format needs a value");
}

TEST(dsl_cli, werror) {
  auto w = run_cli("check tests/data/dsl/cli_warning.budget");
  EXPECT_EQ(w.exit, 0) << w.err;
  EXPECT_HAS(w.err, "warning[W0501]: 基本支出超过 8.00 万元");
  EXPECT_HAS(w.err, "1 warning");
  auto e = run_cli("check --werror tests/data/dsl/cli_warning.budget");
  EXPECT_EQ(e.exit, 1) << e.err;
  EXPECT_HAS(e.err, "error[W0501]");
}

TEST(dsl_cli, json_output) {
  auto r = run_cli("check --format json tests/data/dsl/cli_error.budget tests/data/dsl/cli_warning.budget");
  EXPECT_EQ(r.exit, 1) << r.err;
  json doc;
  ASSERT_TRUE(json_reader(r.out).read(doc)) << r.out;
  ASSERT_EQ(doc.type, json::kind::array);
  ASSERT_EQ(doc.array.size(), 2u) << r.out;
  for (const auto& d : doc.array) {
    ASSERT_EQ(d.type, json::kind::object);
    for (const char* key : {"severity", "code", "message", "file", "line", "column", "notes", "expected", "found", "label"})
      EXPECT_NE(d.get(key), nullptr) << key << " in " << r.out;
  }
  const auto& e = doc.array[0];
  EXPECT_EQ(e.get("severity")->string, "error");
  EXPECT_EQ(e.get("code")->string, "E0401");
  EXPECT_EQ(e.get("message")->string, "stated total 10.00 differs from the sum of its items 9.00");
  EXPECT_EQ(e.get("file")->string, "tests/data/dsl/cli_error.budget");
  EXPECT_EQ(e.get("line")->number, 3);
  EXPECT_EQ(e.get("column")->number, 1);
  EXPECT_EQ(e.get("expected")->string, "10.00");
  ASSERT_EQ(e.get("notes")->type, json::kind::array);
  ASSERT_EQ(e.get("notes")->array.size(), 2u);
  const auto& n = e.get("notes")->array[0];
  EXPECT_EQ(n.get("message")->string, "208 01 09 30101 4.00");
  EXPECT_EQ(n.get("file")->string, "tests/data/dsl/cli_error.budget");
  EXPECT_EQ(n.get("line")->number, 4);
  EXPECT_EQ(n.get("column")->number, 3);
  const auto& w = doc.array[1];
  EXPECT_EQ(w.get("severity")->string, "warning");
  EXPECT_EQ(w.get("code")->string, "W0501");
  EXPECT_EQ(w.get("message")->string, "基本支出超过 8.00 万元");
  EXPECT_EQ(w.get("file")->string, "tests/data/dsl/cli_warning.budget");
  EXPECT_EQ(w.get("line")->number, 7);
  EXPECT_EQ(w.get("column")->number, 1);
}

TEST(dsl_cli, json_output_when_clean_is_an_empty_array) {
  auto r = run_cli("check --format=json tests/data/small.budget");
  EXPECT_EQ(r.exit, 0) << r.err;
  json doc;
  ASSERT_TRUE(json_reader(r.out).read(doc)) << r.out;
  ASSERT_EQ(doc.type, json::kind::array);
  EXPECT_TRUE(doc.array.empty());
}

TEST(dsl_cli, json_output_of_an_io_error) {
  auto r = run_cli("check --format json tests/data/dsl/no_such_file.budget");
  EXPECT_EQ(r.exit, 2);
  json doc;
  ASSERT_TRUE(json_reader(r.out).read(doc)) << r.out;
  ASSERT_EQ(doc.array.size(), 1u);
  EXPECT_EQ(doc.array[0].get("code")->string, "E0001");
  EXPECT_EQ(doc.array[0].get("file")->type, json::kind::null);
}

TEST(dsl_cli, max_errors) {
  auto r = run_cli("check --format json --max-errors 3 tests/data/dsl/ten_syntax_errors.budget");
  EXPECT_EQ(r.exit, 1) << r.err;
  json doc;
  ASSERT_TRUE(json_reader(r.out).read(doc)) << r.out;
  std::size_t syntax = 0;
  const json* summary = nullptr;
  for (const auto& d : doc.array) {
    if (d.get("code")->string == "E0101") ++syntax;
    if (d.get("code")->string == "E0102") summary = &d;
  }
  EXPECT_EQ(syntax, 3u);
  ASSERT_NE(summary, nullptr) << r.out;
  EXPECT_EQ(summary->get("message")->string, "7 more syntax errors not shown");
}

TEST(dsl_cli, help_and_version) {
  auto h = run_cli("--help");
  EXPECT_EQ(h.exit, 0);
  EXPECT_HAS(h.out, "Usage: yusuan <command>");
  auto ch = run_cli("check --help");
  EXPECT_EQ(ch.exit, 0);
  EXPECT_HAS(ch.out, "--werror");
  auto v = run_cli("--version");
  EXPECT_EQ(v.exit, 0);
  EXPECT_EQ(v.out.rfind("yusuan ", 0), 0u) << v.out;
}
