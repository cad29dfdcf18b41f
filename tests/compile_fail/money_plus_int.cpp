// Must not compile: money + int (an integer is not an amount)
#include <yusuan/money.hpp>

int main() {
  using yusuan::money;
  [[maybe_unused]] const money m = money::parse("1.00");
#ifndef YUSUAN_COMPILE_FAIL_DISABLE
  [[maybe_unused]] auto r = m + 1;  // COMPILE_FAIL_LINE
#endif
  return 0;
}
