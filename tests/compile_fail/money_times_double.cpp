// Must not compile: money * 1.5 (floating point never meets money; use multiply(decimal, mode))
#include <yusuan/money.hpp>

int main() {
  using yusuan::money;
  [[maybe_unused]] const money m = money::parse("1.00");
#ifndef YUSUAN_COMPILE_FAIL_DISABLE
  [[maybe_unused]] auto r = m * 1.5;  // COMPILE_FAIL_LINE
#endif
  return 0;
}
