// tools/junit.hpp -- JUnit XML, as CI systems read it: one <testsuite> per
// file (or budget), one <testcase> per test (or rule), <failure> with its
// message, or <error> for a test that could not be run (malformed).
#pragma once

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace cli::junit {

struct testcase {
  std::string name, classname;
  bool failed = false;
  bool errored = false;  // not run: <error> rather than <failure>
  std::string message;  // the failure's (or error's) one-line message
  std::string details;  // its text
};

struct testsuite {
  std::string name;
  std::vector<testcase> cases;
};

inline std::string escape(std::string_view s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      default:
        // control characters other than tab and line breaks are not XML
        if (static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n' && c != '\r') out += ' ';
        else out += c;
    }
  }
  return out;
}

inline void write(std::ostream& o, const std::vector<testsuite>& suites) {
  std::size_t tests = 0, failures = 0, errors = 0;
  for (const auto& s : suites)
    for (const auto& c : s.cases) {
      ++tests;
      failures += c.failed && !c.errored;
      errors += c.errored;
    }
  o << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  o << "<testsuites name=\"yusuan\" tests=\"" << tests << "\" failures=\"" << failures << "\" errors=\"" << errors
    << "\">\n";
  for (const auto& s : suites) {
    std::size_t f = 0, e = 0;
    for (const auto& c : s.cases) {
      f += c.failed && !c.errored;
      e += c.errored;
    }
    o << "  <testsuite name=\"" << escape(s.name) << "\" tests=\"" << s.cases.size() << "\" failures=\"" << f
      << "\" errors=\"" << e << "\" skipped=\"0\">\n";
    for (const auto& c : s.cases) {
      o << "    <testcase name=\"" << escape(c.name) << "\" classname=\"" << escape(c.classname) << "\"";
      if (!c.failed && !c.errored) {
        o << "/>\n";
        continue;
      }
      const char* const element = c.errored ? "error" : "failure";
      o << ">\n      <" << element << " message=\"" << escape(c.message) << "\">" << escape(c.details) << "</"
        << element << ">\n";
      o << "    </testcase>\n";
    }
    o << "  </testsuite>\n";
  }
  o << "</testsuites>\n";
}

}  // namespace cli::junit
