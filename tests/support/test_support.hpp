// Helpers shared by the tests of the budget language, the tables, the catalog
// checks and the yusuan program:
//
//   compiling     compile(text), no_catalog(), with_catalog(), reference_budget(),
//                 small_budget()
//   values        wan("1.00"), yuan("1.00"), fn("208 01 09"), ec("30101")
//   diagnostics   dump(r), with_code(r, "E0101"), one(r, "E0101"), where(d),
//                 where_in_file(d), file_of(d), note_has(d, text), notes(d)
//   text          has(hay, needle), EXPECT_HAS(hay, needle), lines_of(text)
//   files         temp_dir, read_all(path), gbk_title, files_under(dir, ext),
//                 repository_budgets()
//   the program   run_cli("check x.budget"), quote(path)
//
// Paths are relative to the repository root: ctest runs the tests there, and
// a test program started elsewhere changes to $YUSUAN_SOURCE_DIR first.
#pragma once

#include <yusuan/compile.hpp>

#include <gtest/gtest.h>

#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <optional>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

namespace yusuan_test {

namespace fs = std::filesystem;

using yusuan::compile_options;
using yusuan::diagnostic;
using yusuan::econ_code;
using yusuan::function_code;
using yusuan::fund_source;
using yusuan::money;
using yusuan::severity;
using yusuan::spending_kind;

// ---------------------------------------------------------------------------
// The repository root
// ---------------------------------------------------------------------------

struct at_repository_root : ::testing::Environment {
  void SetUp() override {
    if (const char* dir = std::getenv("YUSUAN_SOURCE_DIR"); dir != nullptr && *dir != '\0') fs::current_path(dir);
  }
};
inline ::testing::Environment* const repository_root = ::testing::AddGlobalTestEnvironment(new at_repository_root);

inline constexpr const char* reference_path = "budgets/luoyang-social-insurance-center-2024.budget";
inline constexpr const char* small_path = "tests/data/small.budget";

// ---------------------------------------------------------------------------
// Amounts and codes
// ---------------------------------------------------------------------------

inline money wan(std::string_view s) { return money::parse(s, yusuan::unit::wan_yuan); }
inline money yuan(std::string_view s) { return money::parse(s, yusuan::unit::yuan); }
inline function_code fn(std::string_view s) { return *function_code::parse(s); }
inline econ_code ec(std::string_view s) { return *econ_code::parse(s); }

// ---------------------------------------------------------------------------
// Compiling
// ---------------------------------------------------------------------------

/// Options without the catalog checks: tests of the language use codes and
/// names freely (the catalog checks have tests of their own).
inline compile_options no_catalog() {
  compile_options o;
  o.check_catalog = false;
  return o;
}

/// The default options (of yusuan::compile_file and `yusuan check`): the
/// catalog checks on.
inline compile_options with_catalog() { return compile_options{}; }

/// The outcome of a compilation, as the tests look at it: the budget when
/// there is no error, every diagnostic, and whether the root file could not
/// be read.  Made with the non-throwing forms of compile.hpp.
struct compiled {
  std::optional<yusuan::budget> value;
  yusuan::diagnostics diagnostics;
  bool io_error = false;
  bool ok() const noexcept { return value.has_value(); }
  explicit operator bool() const noexcept { return value.has_value(); }
};

/// Compiles budget text named `name` (imports resolve against options.root or
/// the current directory).
inline compiled compile(std::string_view text, const compile_options& o = no_catalog(),
                        const std::string& name = "t.budget") {
  compiled r;
  r.value = yusuan::compile_string(text, name, r.diagnostics, o);
  r.io_error = yusuan::unreadable(r.diagnostics);
  return r;
}

/// Compiles a budget file.
inline compiled compile_path(const fs::path& file, const compile_options& o = with_catalog()) {
  compiled r;
  r.value = yusuan::compile_file(file, r.diagnostics, o);
  r.io_error = yusuan::unreadable(r.diagnostics);
  return r;
}

/// The reference budget (洛阳市社会保险中心 2024), loaded once.
inline const yusuan::budget& reference_budget() {
  static const yusuan::budget b = yusuan::compile_file(reference_path);
  return b;
}

/// tests/data/small.budget, loaded once.
inline const yusuan::budget& small_budget() {
  static const yusuan::budget b = yusuan::compile_file(small_path);
  return b;
}

// ---------------------------------------------------------------------------
// Text
// ---------------------------------------------------------------------------

inline bool has(std::string_view hay, std::string_view needle) { return hay.find(needle) != std::string_view::npos; }

#define EXPECT_HAS(hay, needle) EXPECT_TRUE(::yusuan_test::has((hay), (needle))) << "'" << (hay) << "' lacks '" << (needle) << "'"

/// The lines of `s`, split at `eol` (a final line break ends the last line).
inline std::vector<std::string> lines_of(const std::string& s, const std::string& eol = "\n") {
  std::vector<std::string> out;
  std::size_t b = 0;
  while (b < s.size()) {
    const auto e = s.find(eol, b);
    if (e == std::string::npos) {
      out.push_back(s.substr(b));
      break;
    }
    out.push_back(s.substr(b, e - b));
    b = e + eol.size();
  }
  return out;
}

// ---------------------------------------------------------------------------
// Diagnostics
// ---------------------------------------------------------------------------

/// Every diagnostic rendered as text, for failure messages.
inline std::string dump(const yusuan::diagnostics& ds) {
  std::ostringstream os;
  yusuan::render_text(os, ds);
  return os.str();
}
inline std::string dump(const compiled& r) { return dump(r.diagnostics); }

inline std::vector<const diagnostic*> with_code(const yusuan::diagnostics& ds, std::string_view code) {
  std::vector<const diagnostic*> out;
  for (const auto& d : ds)
    if (d.code == code) out.push_back(&d);
  return out;
}
inline std::vector<const diagnostic*> with_code(const compiled& r, std::string_view code) {
  return with_code(r.diagnostics, code);
}

/// The only diagnostic with this code (a test failure otherwise).
inline const diagnostic& one(const compiled& r, std::string_view code) {
  static const diagnostic none{};
  const auto ds = with_code(r, code);
  if (ds.size() != 1) {
    ADD_FAILURE() << "expected exactly one " << code << ", got " << ds.size() << ":\n" << dump(r);
    return ds.empty() ? none : *ds.front();
  }
  return *ds.front();
}

/// "line:column" of a location (columns in characters); "0:0" for none.
inline std::string where(const yusuan::source_span& s) {
  const auto l = yusuan::resolve(s);
  return std::to_string(l.line) + ":" + std::to_string(l.column);
}
inline std::string where(const diagnostic& d) { return where(d.span); }

/// "file:line:column" of a diagnostic.
inline std::string where_in_file(const diagnostic& d) {
  const auto l = yusuan::resolve(d.span);
  return l.file + ":" + std::to_string(l.line) + ":" + std::to_string(l.column);
}

inline std::string file_of(const diagnostic& d) { return yusuan::resolve(d.span).file; }

/// The messages of the notes of `d`.
inline std::vector<std::string> notes(const diagnostic& d) {
  std::vector<std::string> out;
  for (const auto& n : d.notes) out.push_back(n.message);
  return out;
}

/// Whether some note of `d` contains `text`; sets `at` to its location.
inline bool note_has(const diagnostic& d, std::string_view text, std::string* at = nullptr) {
  for (const auto& n : d.notes)
    if (has(n.message, text)) {
      if (at) *at = where(n.span);
      return true;
    }
  return false;
}

// ---------------------------------------------------------------------------
// Files
// ---------------------------------------------------------------------------

/// A 标题 line whose string is "测试" in GBK: not UTF-8.
inline const std::string gbk_title = "标题 \"\xB2\xE2\xCA\xD4\"\n";

inline std::string read_all(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

/// The regular files under `under` whose names end in `extension`, sorted.
inline std::vector<fs::path> files_under(const fs::path& under, std::string_view extension) {
  std::vector<fs::path> out;
  for (const auto& e : fs::recursive_directory_iterator(under))
    if (e.is_regular_file() && e.path().extension() == extension) out.push_back(e.path().lexically_normal());
  std::sort(out.begin(), out.end());
  return out;
}

/// Every .budget file of the repository (budgets/, examples/, tests/).
inline std::vector<fs::path> repository_budgets() {
  std::vector<fs::path> out;
  for (const char* dir : {"budgets", "examples", "tests"}) {
    auto part = files_under(dir, ".budget");
    out.insert(out.end(), part.begin(), part.end());
  }
  return out;
}

/// A fresh directory under the test temporary directory, removed at the end.
class temp_dir {
public:
  temp_dir() {
    static std::atomic<int> counter{0};
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    const std::string test = info ? std::string(info->test_suite_name()) + "." + info->name() : "none";
    path_ = fs::path(::testing::TempDir()) /
            ("yusuan-test-" + std::to_string(::getpid()) + "-" + test + "-" + std::to_string(counter++));
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
  /// Writes `bytes` to `name` under the directory; returns its path.
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

// ---------------------------------------------------------------------------
// The yusuan program
// ---------------------------------------------------------------------------

#ifdef YUSUAN_CLI

struct cli_result {
  int exit = -1;
  std::string out, err;
};

/// Runs `yusuan <args>` (args already shell-quoted where needed) in the
/// directory `cwd` (the current one when empty), with standard input from
/// `input` and the environment assignments `env` ("NO_COLOR=1") before it.
inline cli_result run_cli_in(const fs::path& cwd, const std::string& args, const fs::path& input,
                             const std::string& env = "") {
  temp_dir t;
  const fs::path out = t.path() / "stdout", err = t.path() / "stderr";
  const std::string cmd = (cwd.empty() ? std::string() : "cd '" + cwd.string() + "' && ") + env + " '" + YUSUAN_CLI +
                          "' " + args + " >'" + out.string() + "' 2>'" + err.string() + "' <'" +
                          fs::absolute(input).string() + "'";
  const int status = std::system(cmd.c_str());
  cli_result r;
  r.exit = status != -1 && WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.out = read_all(out);
  r.err = read_all(err);
  return r;
}

/// Runs `yusuan <args>` in the directory `cwd` (the current one when empty),
/// stdin empty.
inline cli_result run_cli_in(const fs::path& cwd, const std::string& args) { return run_cli_in(cwd, args, "/dev/null"); }

/// Runs `yusuan <args>` in the current directory.
inline cli_result run_cli(const std::string& args) { return run_cli_in({}, args); }

#endif

/// A path quoted for the shell.
inline std::string quote(const fs::path& p) { return "'" + p.string() + "'"; }

}  // namespace yusuan_test
