// pgdrift's entry point: everything happens in cli::Main.
#include <unistd.h>

#include <iostream>

#include "cli/app.h"

int main(int argc, char** argv) {
  return pgdrift::cli::Main(argc, argv, std::cout, std::cerr, STDOUT_FILENO, STDERR_FILENO);
}
