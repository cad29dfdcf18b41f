// tools/export_descriptor.cpp -- the Tabular Data Package descriptor
// (datapackage.json) of `yusuan export`.  The fiscal-data information
// (period, currency, the classifications as dimensions) is kept under the
// custom key "fiscal", which the tabular-data-package profile allows.
#include "export_fields.hpp"

#include <yusuan/text/escape.hpp>

#include <cctype>
#include <ostream>
#include <sstream>

namespace cli::exporting {

namespace {

std::string q(std::string_view s) {
  std::ostringstream os;
  yusuan::text::write_json_string(os, s);
  return os.str();
}

/// A package name: lower-case letters, digits and . _ - / only.
std::string package_name(const yusuan::budget_header& h) {
  std::string code;
  for (char c : h.unit_code)
    code += std::isalnum(static_cast<unsigned char>(c)) ? static_cast<char>(std::tolower(static_cast<unsigned char>(c))) : '-';
  // a budget of no 年度 has no year in the name
  return "yusuan-budget-" + (code.empty() ? std::string("export") : code) + (h.year ? "-" + std::to_string(h.year) : "");
}

const char* const dimensions = R"(
        "functional-classification": {"dimensionType": "classification", "classificationType": "functional", "primaryKey": ["code"], "attributes": {"code": {"source": "function_code"}, "class": {"source": "function_class"}, "section": {"source": "function_section"}, "label": {"source": "function_name", "labelfor": "code"}}},
        "economic-classification": {"dimensionType": "classification", "classificationType": "economic", "primaryKey": ["code"], "attributes": {"code": {"source": "econ_code"}, "class": {"source": "econ_class"}, "label": {"source": "econ_name", "labelfor": "code"}}},
        "government-economic-classification": {"dimensionType": "classification", "classificationType": "economic", "primaryKey": ["code"], "attributes": {"code": {"source": "gov_econ_code"}, "class": {"source": "gov_econ_class"}, "label": {"source": "gov_econ_name", "labelfor": "code"}}},
        "administrative-classification": {"dimensionType": "classification", "classificationType": "administrative", "primaryKey": ["code"], "attributes": {"code": {"source": "unit_code"}, "label": {"source": "unit_name", "labelfor": "code"}}},
        "kind": {"dimensionType": "other", "primaryKey": ["kind"], "attributes": {"kind": {"source": "kind"}, "group": {"source": "kind_group"}}},
        "fund": {"dimensionType": "fact", "primaryKey": ["fund"], "attributes": {"fund": {"source": "fund"}}},
        "project": {"dimensionType": "activity", "primaryKey": ["code"], "attributes": {"code": {"source": "project_code"}, "label": {"source": "project", "labelfor": "code"}, "group": {"source": "project_group"}}}
)";

}  // namespace

void write_descriptor(std::ostream& os, const yusuan::budget& b, const std::string& csv_name, std::uintmax_t bytes,
                      bool bom) {
  const auto& h = b.header();
  const std::string year = std::to_string(h.year);
  os << "{\n"
     << "  \"profile\": \"tabular-data-package\",\n"
     << "  \"name\": " << q(package_name(h)) << ",\n"
     << "  \"title\": " << q(h.title) << ",\n"
     << "  \"created_by\": \"yusuan export\",\n"
     << "  \"resources\": [\n    {\n"
     << "      \"profile\": \"tabular-data-resource\",\n"
     << "      \"name\": \"items\",\n"
     << "      \"title\": \"支出明细（每行一个支出项）\",\n"
     << "      \"path\": " << q(csv_name) << ",\n"
     << "      \"format\": \"csv\",\n"
     << "      \"mediatype\": \"text/csv\",\n"
     << "      \"encoding\": \"" << (bom ? "utf-8-sig" : "utf-8") << "\",\n"
     << "      \"bytes\": " << bytes << ",\n"
     << "      \"dialect\": " << csv_dialect << ",\n"
     << "      \"schema\": {\n"
     << "        \"primaryKey\": [\"item\"],\n"
     << "        \"missingValues\": [\"\"],\n"
     << "        \"fields\": [\n";
  for (std::size_t i = 0; i < fields.size(); ++i) {
    const field& f = fields[i];
    os << "          {\"name\": " << q(f.name) << ", \"type\": \"" << type_name(f.type) << "\", \"title\": " << q(f.title);
    if (!f.description.empty()) os << ", \"description\": " << q(f.description);
    if (f.type == field_type::number) os << ", \"decimalChar\": \".\", \"groupChar\": \"\", \"bareNumber\": true";
    if (i == 0 || i == amount_column || i == amount_fen_column) os << ", \"constraints\": {\"required\": true}";
    os << "}" << (i + 1 < fields.size() ? "," : "") << "\n";
  }
  os << "        ]\n      }\n    }\n  ],\n"
     << "  \"fiscal\": {\n"
     << "    \"profile\": \"fiscal-data-package\",\n"
     << "    \"countryCode\": \"CN\",\n"
     << (h.year ? "    \"fiscalPeriod\": {\"start\": \"" + year + "-01-01\", \"end\": \"" + year + "-12-31\"},\n"
                : std::string())  // a budget of no 年度: no period, rather than the year 0
     << "    \"budgetType\": \"expenditure\",\n"
     << "    \"budgetStage\": \"approved\",\n"
     << "    \"granularity\": \"transactional\",\n"
     << "    \"currency\": \"CNY\",\n"
     << "    \"publisher\": {\"name\": " << q(h.unit_name) << ", \"code\": " << q(h.unit_code) << "},\n"
     << "    \"model\": {\n"
     << "      \"measures\": {\n"
     << "        \"amount\": {\"source\": \"amount\", \"currency\": \"CNY\", \"factor\": 1, \"title\": \"金额（元）\"},\n"
     << "        \"amount_fen\": {\"source\": \"amount_fen\", \"currency\": \"CNY\", \"factor\": 0.01, \"title\": \"金额（分）\"}\n"
     << "      },\n"
     << "      \"dimensions\": {" << dimensions << "      }\n"
     << "    }\n  }\n}\n";
}

}  // namespace cli::exporting
