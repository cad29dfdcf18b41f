// tools/templates.hpp -- the template a command renders a budget's tables in:
// --template NAME|FILE, else the budget's (模板), else the default.
#pragma once

#include "io.hpp"

#include <yusuan/budget.hpp>
#include <yusuan/tables/template.hpp>

#include <memory>
#include <optional>
#include <string>

namespace cli {

/// The template of `b` for a command: `arg` (a shipped template's name or a
/// template file), else the one the budget names.  Prints the diagnostics
/// and returns the exit code on failure: 2 for an unknown --template, 1 for a
/// template file with errors or an unknown template named by the budget.
int template_for_command(const yusuan::budget& b, const std::optional<std::string>& arg, const reporting& r,
                         std::shared_ptr<const yusuan::tables::table_template>& out);

}  // namespace cli
