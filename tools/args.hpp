// tools/args.hpp -- the options every command takes (-o, --color, --format)
// and "did you mean" for unknown commands and options.
#pragma once

#include "cli.hpp"
#include "io.hpp"

#include <algorithm>
#include <cstddef>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace cli {

/// Edit distance (Levenshtein, with adjacent transpositions counted as one
/// edit) between two byte strings.
inline std::size_t edit_distance(std::string_view a, std::string_view b) {
  const std::size_t n = a.size(), m = b.size();
  std::vector<std::vector<std::size_t>> d(n + 1, std::vector<std::size_t>(m + 1));
  for (std::size_t i = 0; i <= n; ++i) d[i][0] = i;
  for (std::size_t j = 0; j <= m; ++j) d[0][j] = j;
  for (std::size_t i = 1; i <= n; ++i)
    for (std::size_t j = 1; j <= m; ++j) {
      const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
    }
  return d[n][m];
}

/// The candidate closest to `word`, when it is close enough to be a likely
/// typo (at most a third of its length, and at least one edit); empty otherwise.
inline std::string closest(std::string_view word, const std::vector<std::string_view>& candidates) {
  std::string best;
  std::size_t best_d = static_cast<std::size_t>(-1);
  for (auto c : candidates) {
    const std::size_t d = edit_distance(word, c);
    if (d < best_d) {
      best_d = d;
      best = std::string(c);
    }
  }
  const std::size_t limit = std::max<std::size_t>(1, std::max(word.size(), best.size()) / 3);
  return best_d <= limit ? best : std::string();
}

/// " (did you mean '--format'?)" or "".
inline std::string did_you_mean(std::string_view word, const std::vector<std::string_view>& candidates) {
  const std::string c = closest(word, candidates);
  return c.empty() ? std::string() : " (did you mean '" + c + "'?)";
}

/// Throws the usage error for an option `arg` that `command` does not take.
[[noreturn]] inline void unknown_option(std::string_view command, const std::string& arg,
                                        const std::vector<std::string_view>& known) {
  const std::string name = arg.substr(0, arg.find('='));
  throw usage_error{"unknown option '" + name + "' for " + std::string(command) + did_you_mean(name, known) +
                    " (see yusuan " + std::string(command) + " --help)"};
}

/// The options every command takes.
struct common_flags {
  std::string output;         // -o FILE; empty or "-": standard output
  std::string color = "auto";  // --color auto|always|never
};

/// The names of the common options, for "did you mean".
inline const std::vector<std::string_view> common_option_names{"-o",      "--output", "--color", "--colour",
                                                                "--help", "-I",       "--library-path"};

/// The directories of -I DIR, in order: searched first by 导入 <…>.
inline std::vector<std::string>& include_dirs() {
  static std::vector<std::string> dirs;
  return dirs;
}

/// Reads a common option at args[i]; false when args[i] is not one.
inline bool common_option(const std::vector<std::string>& args, std::size_t& i, common_flags& f) {
  const std::string& a = args[i];
  if (a == "-o" || is_option(a, "--output")) {
    f.output = a == "-o" ? option_value(args, i, "-o") : option_value(args, i, "--output");
    if (f.output.empty()) throw usage_error{a + " needs a file name"};
    watch_output(f.output);
    return true;
  }
  if (a.size() > 2 && a.rfind("-o", 0) == 0 && a[2] != '-') {  // -oFILE
    f.output = a.substr(2);
    watch_output(f.output);
    return true;
  }
  if (a == "-I" || is_option(a, "--library-path")) {
    std::string dir = a == "-I" ? option_value(args, i, "-I") : option_value(args, i, "--library-path");
    if (dir.empty()) throw usage_error{a + " needs a directory"};
    include_dirs().push_back(std::move(dir));
    return true;
  }
  if (a.size() > 2 && a.rfind("-I", 0) == 0) {  // -IDIR
    include_dirs().push_back(a.substr(2));
    return true;
  }
  if (is_option(a, "--color") || is_option(a, "--colour")) {
    f.color = choice_option(args, i, a.rfind("--colour", 0) == 0 ? "--colour" : "--color", {"auto", "always", "never"});
    return true;
  }
  return false;
}

/// Whether `a` looks like an option rather than a file or a value: "-" alone
/// is standard input, "-5" a number.
inline bool looks_like_option(const std::string& a) {
  return a.size() > 1 && a[0] == '-' && !(a[1] >= '0' && a[1] <= '9');
}

/// Known options of a command: its own and the common ones.
inline std::vector<std::string_view> with_common(std::initializer_list<std::string_view> own) {
  std::vector<std::string_view> v(own);
  v.insert(v.end(), common_option_names.begin(), common_option_names.end());
  return v;
}

}  // namespace cli
