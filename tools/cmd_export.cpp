// yusuan export -- every item with all its coordinates as CSV, plus a
// Fiscal Data Package descriptor (datapackage.json).
#include "cli.hpp"
#include "output.hpp"

#include <yusuan/compile.hpp>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>
#include <sstream>

namespace cli {

namespace {

const char* const export_help = R"(Usage: yusuan export FILE --to DIR

Writes every expenditure item of the budget, with all its coordinates, to
DIR/items.csv, and a Frictionless Fiscal Data Package descriptor to
DIR/datapackage.json (amount column in 元, currency CNY, with the functional
and economic classifications as dimensions), so that large budgets load
straight into DuckDB, Spark or pandas.  DIR is created if needed.

Options:
  --to DIR      the output directory (required)
  -h, --help    show this help

Exit codes: 0 success, 1 an error in the budget, 2 usage or I/O errors.
)";

std::string code_or_empty(const yusuan::function_code& c, int level) {
  if (!c || c.level() < level) return {};
  return c.at(level).str();
}
std::string econ_or_empty(const yusuan::econ_code& c, int level) {
  if (!c || c.level() < level) return {};
  return c.at(level).str();
}

}  // namespace

int run_export(const std::vector<std::string>& args) {
  std::string dir;
  std::vector<std::string> positional;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "-h" || a == "--help") {
      std::cout << export_help;
      return exit_ok;
    } else if (is_option(a, "--to")) {
      dir = option_value(args, i, "--to");
    } else if (a.size() > 1 && a[0] == '-') {
      throw usage_error{"unknown option '" + a + "' for export (see yusuan export --help)"};
    } else {
      positional.push_back(a);
    }
  }
  if (positional.size() != 1) throw usage_error{"export needs one budget file (see yusuan export --help)"};
  if (dir.empty()) throw usage_error{"export needs --to DIR"};
  std::optional<yusuan::budget> loaded;
  if (int rc = load_for_command(positional[0], loaded); rc != exit_ok) return rc;
  const yusuan::budget& b = *loaded;

  namespace fs = std::filesystem;
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) {
    std::cerr << "yusuan: error: cannot create '" << dir << "': " << ec.message() << "\n";
    return exit_usage;
  }
  const fs::path csv_path = fs::path(dir) / "items.csv", json_path = fs::path(dir) / "datapackage.json";
  std::ofstream csv(csv_path, std::ios::binary);
  if (!csv) {
    std::cerr << "yusuan: error: cannot write '" << csv_path.string() << "'\n";
    return exit_usage;
  }
  const auto& h = b.header();
  // rows are written as they are made: memory stays that of the budget
  write_csv_row(csv, {"item",          "unit_code",     "unit_name",      "function_code", "function_class",
              "function_section", "function_name", "econ_code",    "econ_class",    "econ_name",
              "gov_econ_code", "gov_econ_class", "gov_econ_name", "kind",          "kind_group",
              "fund",          "project",       "project_code",   "project_group", "tags",
              "amount",        "file",          "line"});
  const auto items = b.items();
  for (std::size_t i = 0; i < items.size(); ++i) {
    const auto& it = items[i];
    std::string tags;
    for (const auto& [k, v] : b.tags_of(it)) tags += (tags.empty() ? "" : ";") + std::string(k) + "=" + std::string(v);
    const auto loc = yusuan::resolve(b.span_of(it));
    const auto& unit = b.units()[it.unit];
    write_csv_row(csv, {std::to_string(i + 1),
                      unit.code,
                      unit.name,
                      it.function ? it.function.str() : std::string(),
                      code_or_empty(it.function, 1),
                      code_or_empty(it.function, 2),
                      std::string(b.name_of(it.function)),
                      it.econ ? it.econ.str() : std::string(),
                      econ_or_empty(it.econ, 1),
                      std::string(b.name_of(it.econ)),
                      it.gov_econ ? it.gov_econ.str() : std::string(),
                      econ_or_empty(it.gov_econ, 1),
                      std::string(b.name_of(it.gov_econ)),
                      std::string(yusuan::chinese_name(it.kind)),
                      std::string(yusuan::chinese_name(yusuan::parent_kind(it.kind))),
                      std::string(yusuan::chinese_name(it.fund)),
                      it.project != yusuan::npos32 ? b.projects()[it.project].name : std::string(),
                      it.project != yusuan::npos32 ? b.projects()[it.project].code : std::string(),
                      it.group != yusuan::npos32 ? b.groups()[it.group].name : std::string(),
                      tags,
                      it.amount.format(yusuan::unit::yuan, 2),
                      loc.file,
                      std::to_string(loc.line)});
  }
  csv.close();
  if (!csv) {
    std::cerr << "yusuan: error: cannot write '" << csv_path.string() << "'\n";
    return exit_usage;
  }

  std::ofstream js(json_path, std::ios::binary);
  if (!js) {
    std::cerr << "yusuan: error: cannot write '" << json_path.string() << "'\n";
    return exit_usage;
  }
  auto str = [&](const std::string& s) {
    std::ostringstream os;
    json_string(os, s);
    return os.str();
  };
  const std::string year = std::to_string(h.year ? h.year : 0);
  std::string name = "yusuan-budget-" + (h.unit_code.empty() ? std::string("export") : h.unit_code) + "-" + year;
  js << "{\n";
  js << "  \"name\": " << str(name) << ",\n";
  js << "  \"title\": " << str(h.title) << ",\n";
  js << "  \"profile\": \"fiscal-data-package\",\n";
  js << "  \"countryCode\": \"CN\",\n";
  js << "  \"fiscalPeriod\": {\"start\": \"" << year << "-01-01\", \"end\": \"" << year << "-12-31\"},\n";
  js << "  \"budgetType\": \"expenditure\",\n";
  js << "  \"granularity\": \"transactional\",\n";
  js << "  \"publisher\": {\"name\": " << str(h.unit_name) << ", \"code\": " << str(h.unit_code) << "},\n";
  js << "  \"resources\": [{\n";
  js << "    \"name\": \"items\",\n    \"path\": \"items.csv\",\n    \"format\": \"csv\",\n    \"encoding\": \"utf-8\",\n";
  js << "    \"mediatype\": \"text/csv\",\n    \"profile\": \"tabular-data-resource\",\n";
  js << "    \"dialect\": {\"delimiter\": \",\", \"header\": true, \"quoteChar\": \"\\\"\"},\n";
  js << "    \"schema\": {\n      \"primaryKey\": \"item\",\n      \"fields\": [\n";
  struct field {
    const char* name;
    const char* type;
    const char* title;
  };
  const field fields[] = {{"item", "integer", "序号"},
                          {"unit_code", "string", "单位代码"},
                          {"unit_name", "string", "单位名称"},
                          {"function_code", "string", "功能科目编码"},
                          {"function_class", "string", "功能科目 类"},
                          {"function_section", "string", "功能科目 款"},
                          {"function_name", "string", "功能科目名称"},
                          {"econ_code", "string", "部门预算支出经济分类科目编码"},
                          {"econ_class", "string", "部门经济科目 类"},
                          {"econ_name", "string", "部门经济科目名称"},
                          {"gov_econ_code", "string", "政府预算支出经济分类科目编码"},
                          {"gov_econ_class", "string", "政府经济科目 类"},
                          {"gov_econ_name", "string", "政府经济科目名称"},
                          {"kind", "string", "支出类型"},
                          {"kind_group", "string", "基本支出 / 项目支出"},
                          {"fund", "string", "资金来源"},
                          {"project", "string", "项目名称"},
                          {"project_code", "string", "项目编码"},
                          {"project_group", "string", "项目组"},
                          {"tags", "string", "标签 (key=value;…)"},
                          {"amount", "number", "金额（元）"},
                          {"file", "string", "源文件"},
                          {"line", "integer", "源文件行号"}};
  for (std::size_t i = 0; i < std::size(fields); ++i) {
    js << "        {\"name\": \"" << fields[i].name << "\", \"type\": \"" << fields[i].type << "\", \"title\": "
       << str(fields[i].title);
    if (std::string(fields[i].name) == "amount")
      js << ", \"decimalChar\": \".\", \"groupChar\": \"\", \"bareNumber\": true, \"currency\": \"CNY\", \"unit\": \"元\"";
    js << "}" << (i + 1 < std::size(fields) ? "," : "") << "\n";
  }
  js << "      ]\n    }\n  }],\n";
  js << "  \"model\": {\n";
  js << "    \"measures\": {\n      \"amount\": {\"source\": \"amount\", \"currency\": \"CNY\", \"factor\": 1, "
        "\"title\": \"金额（元）\"}\n    },\n";
  js << "    \"dimensions\": {\n";
  js << "      \"functional-classification\": {\"dimensionType\": \"classification\", \"classificationType\": "
        "\"functional\", \"primaryKey\": [\"code\"], \"attributes\": {\"code\": {\"source\": \"function_code\"}, "
        "\"class\": {\"source\": \"function_class\"}, \"section\": {\"source\": \"function_section\"}, \"label\": "
        "{\"source\": \"function_name\", \"labelfor\": \"code\"}}},\n";
  js << "      \"economic-classification\": {\"dimensionType\": \"classification\", \"classificationType\": "
        "\"economic\", \"primaryKey\": [\"code\"], \"attributes\": {\"code\": {\"source\": \"econ_code\"}, \"class\": "
        "{\"source\": \"econ_class\"}, \"label\": {\"source\": \"econ_name\", \"labelfor\": \"code\"}}},\n";
  js << "      \"government-economic-classification\": {\"dimensionType\": \"classification\", "
        "\"classificationType\": \"economic\", \"primaryKey\": [\"code\"], \"attributes\": {\"code\": {\"source\": "
        "\"gov_econ_code\"}, \"class\": {\"source\": \"gov_econ_class\"}, \"label\": {\"source\": \"gov_econ_name\", "
        "\"labelfor\": \"code\"}}},\n";
  js << "      \"administrative-classification\": {\"dimensionType\": \"classification\", \"classificationType\": "
        "\"administrative\", \"primaryKey\": [\"code\"], \"attributes\": {\"code\": {\"source\": \"unit_code\"}, "
        "\"label\": {\"source\": \"unit_name\", \"labelfor\": \"code\"}}},\n";
  js << "      \"kind\": {\"dimensionType\": \"other\", \"primaryKey\": [\"kind\"], \"attributes\": {\"kind\": "
        "{\"source\": \"kind\"}, \"group\": {\"source\": \"kind_group\"}}},\n";
  js << "      \"fund\": {\"dimensionType\": \"fact\", \"primaryKey\": [\"fund\"], \"attributes\": {\"fund\": "
        "{\"source\": \"fund\"}}},\n";
  js << "      \"project\": {\"dimensionType\": \"activity\", \"primaryKey\": [\"code\"], \"attributes\": {\"code\": "
        "{\"source\": \"project_code\"}, \"label\": {\"source\": \"project\", \"labelfor\": \"code\"}, \"group\": "
        "{\"source\": \"project_group\"}}}\n";
  js << "    }\n  }\n}\n";
  js.close();
  if (!js) {
    std::cerr << "yusuan: error: cannot write '" << json_path.string() << "'\n";
    return exit_usage;
  }
  std::cerr << "wrote " << items.size() << " items to " << csv_path.string() << " and " << json_path.string() << "\n";
  return exit_ok;
}

}  // namespace cli
