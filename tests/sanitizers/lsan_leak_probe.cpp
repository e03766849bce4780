// Run by the asan build's ctest (tests/sanitizers/CMakeLists.txt): a leak on purpose, that
// LeakSanitizer must report with the asan test preset's options and suppressions. If it stays
// silent, leak detection is off.
#include <cstdio>

int main()
{
    int *leaked = new int[16];
    leaked[0] = 42;
    std::printf("allocated %d\n", leaked[0]);
    leaked = nullptr; // the only pointer is gone: a definite leak at exit
    return 0;
}
