// Exit codes, the contract of every pgdrift command (ARCHITECTURE.md): 0 same / clean /
// done, 1 drift or findings, 2 error or refusal.
#ifndef PGDRIFT_CLI_EXIT_CODE_H_
#define PGDRIFT_CLI_EXIT_CODE_H_

namespace pgdrift::cli {

inline constexpr int kExitOk = 0;
inline constexpr int kExitDrift = 1;
inline constexpr int kExitError = 2;

}  // namespace pgdrift::cli

#endif  // PGDRIFT_CLI_EXIT_CODE_H_
