// A downstream program on the compiled form (yusuan::compiled): it includes
// the compiler's header and links the parser built once.
#include <yusuan/compile.hpp>

#ifndef YUSUAN_SEPARATE_COMPILATION
#error "yusuan::compiled did not make YUSUAN_SEPARATE_COMPILATION public"
#endif

#include <iostream>

int main() {
  try {
    const yusuan::budget b = yusuan::compile_string(
        "金额单位 万元\n208 01 09 30101 基本工资: 412.16\n208 01 09 30217 公务接待费: 2.20\n"
        "核对 合计(经济 属于 (30217)) = 2.20\n",
        "consumer.budget");
    // the standard library, where the program's build says it is
    const yusuan::budget m = yusuan::compile_string(
        "导入 <std/measures.budget>\n金额单位 万元\n208 01 09 30217 公务接待费: 2.20\n核对 三公经费 = 2.20\n",
        "measures.budget");
    const bool ok = b.items().size() == 2 && b.constraints().size() == 1 && b.constraints()[0].passed &&
                    b.expenditure_total() == yusuan::money::parse("414.36", yusuan::unit::wan_yuan) &&
                    m.constraints().size() == 1 && m.constraints()[0].passed;
    std::cout << (ok ? "consumer (compiled): all checks passed\n" : "consumer (compiled): checks failed\n");
    return ok ? 0 : 1;
  } catch (const yusuan::error& e) {
    std::cout << "FAIL  " << e.what() << "\n";
    return 1;
  }
}
