// tools/man.hpp -- the manual page and the bash completion script, both
// generated from the help texts of the commands (yusuan man, yusuan complete).
#pragma once

#include <string>
#include <vector>

namespace cli {

/// yusuan man [-o FILE]: the manual page yusuan(1) in roff.
int write_man_page(const std::vector<std::string>& args);

/// yusuan complete bash [-o FILE]: a bash completion script.
int write_completion(const std::vector<std::string>& args);

/// The options a help text lists ("-q", "--quiet", "--format" …).
std::vector<std::string> options_in_help(const std::string& help);

/// The values an option takes according to a help text ("--format
/// text|csv|json" gives text, csv, json).
std::vector<std::string> option_values_in_help(const std::string& help, const std::string& option);

}  // namespace cli
