// A downstream program: exits 0 only if yusuan computes the right answers.
#include <yusuan/money.hpp>

#include <iostream>
#include <string>
#include <string_view>

namespace {
int failures = 0;

void expect_eq(std::string_view what, const std::string& got, std::string_view want) {
  if (got == want) {
    std::cout << "ok    " << what << " = " << got << "\n";
  } else {
    std::cout << "FAIL  " << what << " = " << got << ", expected " << want << "\n";
    ++failures;
  }
}
}  // namespace

int main() {
  using yusuan::money;
  try {
    const money sum = money::parse("0.10") + money::parse("0.20");
    expect_eq("0.10 + 0.20", sum.format(), "0.30");
    if (sum != money::parse("0.30")) {
      std::cout << "FAIL  0.10 + 0.20 != 0.30\n";
      ++failures;
    }
    expect_eq("to_chinese_uppercase(6007.14)", yusuan::to_chinese_uppercase(money::parse("6007.14")),
              "陆仟零柒元壹角肆分");
#ifdef YUSUAN_CONSUMER_VERSION
    expect_eq("yusuan::version_string", yusuan::version_string, YUSUAN_CONSUMER_VERSION);
#endif
  } catch (const std::exception& e) {
    std::cout << "FAIL  exception: " << e.what() << "\n";
    return 1;
  }
  std::cout << (failures == 0 ? "consumer: all checks passed\n" : "consumer: checks failed\n");
  return failures == 0 ? 0 : 1;
}
