#include "parser/local_migrations.h"

#include <openssl/evp.h>

#include <array>
#include <cstdint>
#include <memory>
#include <regex>
#include <string>
#include <utility>

#include "base/strings.h"
#include "pg_query.h"

namespace pgdrift::parser {
namespace {

// ---- splitting as the Supabase CLI does -------------------------------------------------
//
// The Supabase CLI records a migration's statements with pkg/parser SplitAndTrim
// (pkg/migration/file.go NewMigrationFromReader): a bufio.Scanner whose split function
// runs a small state machine (pkg/parser/token.go, state.go) and ends a statement at each
// `;` met in its ready state, the `;` included; SplitAndTrim then strips trailing `;`
// (strings.TrimRight) and surrounding white space (strings.TrimSpace) and drops what is
// left empty. Comments are not removed: a comment before a statement is part of it, and a
// comment after the last `;` is a statement of its own. The state machine, reproduced
// here exactly because the recorded text must match byte for byte:
//   - `--` starts a comment that ends at the next newline;
//   - `/` followed by `*` starts a block comment; each further `/*` nests, each `*/`
//     closes one level (both looked for in the last two bytes read);
//   - `'` and `"` start a quoted string in which the doubled quote is kept and nothing
//     else is special (a backslash inside quotes escapes nothing);
//   - `$tag$` (letters, digits, `_`) starts a dollar-quoted body up to the same tag;
//   - a backslash outside the above skips the next character;
//   - `(` suspends splitting until the next `)` read in the ready state; parentheses do
//     not nest (an inner `(` … `)` pair also closes the outer one), and a `;` read inside
//     leaves the inner state untouched;
//   - `ATOMIC` preceded by white space (BEGIN ATOMIC bodies) suspends splitting until the
//     next `END` read in the ready state, in any case, also as the end of a longer word.
// The scanner advances one byte at a time while decoding a whole UTF-8 character at each
// byte (token.go's loop variable is shadowed), so the continuation bytes of a multibyte
// character are seen as U+FFFD: such characters never continue a dollar-quote tag.

constexpr char32_t kReplacement = 0xFFFD;

// The character starting at `offset` and its length in bytes, as Go's utf8.DecodeRune
// gives them (U+FFFD and 1 for an invalid or continuation byte).
std::pair<char32_t, int> DecodeRune(std::string_view text, size_t offset) {
  auto byte = [&](size_t i) { return static_cast<unsigned char>(text[i]); };
  unsigned char lead = byte(offset);
  if (lead < 0x80) return {lead, 1};
  int length = 0;
  char32_t rune = 0;
  char32_t minimum = 0;
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
    rune = lead & 0x1F;
    minimum = 0x80;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    rune = lead & 0x0F;
    minimum = 0x800;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    rune = lead & 0x07;
    minimum = 0x10000;
  } else {
    return {kReplacement, 1};
  }
  if (offset + length > text.size()) return {kReplacement, 1};
  for (int i = 1; i < length; ++i) {
    unsigned char next = byte(offset + i);
    if ((next & 0xC0) != 0x80) return {kReplacement, 1};
    rune = (rune << 6) | (next & 0x3F);
  }
  if (rune < minimum || rune > 0x10FFFF || (rune >= 0xD800 && rune <= 0xDFFF)) {
    return {kReplacement, 1};
  }
  return {rune, length};
}

// Go's unicode.IsSpace for a Latin-1 value.
bool IsLatin1Space(char32_t c) {
  return c == ' ' || (c >= '\t' && c <= '\r') || c == 0x85 || c == 0xA0;
}

// An approximation of Go's unicode.IsLetter || unicode.IsDigit: exact for ASCII; any
// other decoded character counts as a letter.
bool IsTagCharacter(char32_t c) {
  if (c < 0x80) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           c == '_';
  }
  return c != kReplacement;
}

bool EqualsIgnoringAsciiCase(std::string_view a, std::string_view b) {
  return a.size() == b.size() && AsciiLower(a) == AsciiLower(b);
}

// One state of the splitter (see the comment above); `prev` is the state an atomic
// section runs inside.
struct SplitState {
  enum class Kind { kReady, kDash, kBlock, kQuote, kDollar, kTag, kEscape, kAtomic };
  Kind kind = Kind::kReady;
  int depth = 0;              // kBlock
  char32_t quote = 0;         // kQuote
  bool escape = false;        // kQuote: the quote character was just read
  std::string delimiter;      // kDollar, kAtomic
  size_t tag_offset = 0;      // kTag: where `$` was read, relative to the token
  std::unique_ptr<SplitState> prev;  // kAtomic
};

// What reading one character does: keep the (possibly updated) state, end the statement,
// or move to `next`.
struct Transition {
  enum class Action { kKeep, kEmit, kMove };
  Action action = Action::kKeep;
  std::unique_ptr<SplitState> next;
};

std::unique_ptr<SplitState> MakeState(SplitState::Kind kind) {
  auto state = std::make_unique<SplitState>();
  state->kind = kind;
  return state;
}

Transition Keep() { return {Transition::Action::kKeep, nullptr}; }
Transition Emit() { return {Transition::Action::kEmit, nullptr}; }
Transition Move(std::unique_ptr<SplitState> next) {
  return {Transition::Action::kMove, std::move(next)};
}

// `data` is the statement so far, up to and including the character `c`.
Transition Next(SplitState& state, char32_t c, std::string_view data);

Transition ReadyNext(char32_t c, std::string_view data) {
  using Kind = SplitState::Kind;
  switch (c) {
    case '$': {
      auto tag = MakeState(Kind::kTag);
      tag->tag_offset = data.size() - 1;
      return Move(std::move(tag));
    }
    case '\'':
    case '"': {
      auto quote = MakeState(Kind::kQuote);
      quote->quote = c;
      return Move(std::move(quote));
    }
    case '-':
      return Move(MakeState(Kind::kDash));
    case '/':
      return Move(MakeState(Kind::kBlock));
    case '\\':
      return Move(MakeState(Kind::kEscape));
    case ';':
      return Emit();
    case '(': {
      auto atomic = MakeState(Kind::kAtomic);
      atomic->delimiter = ")";
      atomic->prev = MakeState(Kind::kReady);
      return Move(std::move(atomic));
    }
    case 'c':
    case 'C': {
      constexpr std::string_view kAtomic = "ATOMIC";
      if (data.size() > kAtomic.size() &&
          EqualsIgnoringAsciiCase(data.substr(data.size() - kAtomic.size()), kAtomic) &&
          IsLatin1Space(static_cast<unsigned char>(data[data.size() - kAtomic.size() - 1]))) {
        auto atomic = MakeState(Kind::kAtomic);
        atomic->delimiter = "END";
        atomic->prev = MakeState(Kind::kReady);
        return Move(std::move(atomic));
      }
      return Keep();
    }
    default:
      return Keep();
  }
}

// What a state that breaks out to the ready state does with `c`: a fresh ready state
// reads it.
Transition BreakOut(char32_t c, std::string_view data) {
  Transition transition = ReadyNext(c, data);
  if (transition.action == Transition::Action::kKeep) {
    return Move(MakeState(SplitState::Kind::kReady));
  }
  return transition;
}

Transition Next(SplitState& state, char32_t c, std::string_view data) {
  using Kind = SplitState::Kind;
  switch (state.kind) {
    case Kind::kReady:
      return ReadyNext(c, data);
    case Kind::kDash:
      if (c == '-') {
        auto comment = MakeState(Kind::kDollar);
        comment->delimiter = "\n";
        return Move(std::move(comment));
      }
      return BreakOut(c, data);
    case Kind::kBlock: {
      std::string_view window = data.substr(data.size() - 2);
      if (window == "/*") {
        ++state.depth;
        return Keep();
      }
      if (state.depth == 0) return BreakOut(c, data);
      if (window == "*/" && --state.depth == 0) return Move(MakeState(Kind::kReady));
      return Keep();
    }
    case Kind::kQuote:
      if (state.escape) {
        if (c == state.quote) {
          state.escape = false;
          return Keep();
        }
        return BreakOut(c, data);
      }
      if (c == state.quote) state.escape = true;
      return Keep();
    case Kind::kDollar:
      if (data.size() >= state.delimiter.size() &&
          data.substr(data.size() - state.delimiter.size()) == state.delimiter) {
        return Move(MakeState(Kind::kReady));
      }
      return Keep();
    case Kind::kTag:
      if (c == '$') {
        auto body = MakeState(Kind::kDollar);
        body->delimiter = std::string(data.substr(state.tag_offset));
        return Move(std::move(body));
      }
      if (IsTagCharacter(c)) return Keep();
      return BreakOut(c, data);
    case Kind::kEscape:
      return Move(MakeState(Kind::kReady));
    case Kind::kAtomic: {
      Transition inner = Next(*state.prev, c, data);
      if (inner.action == Transition::Action::kMove) state.prev = std::move(inner.next);
      if (state.prev->kind == Kind::kReady && data.size() >= state.delimiter.size() &&
          EqualsIgnoringAsciiCase(data.substr(data.size() - state.delimiter.size()),
                                  state.delimiter)) {
        return Move(MakeState(Kind::kReady));
      }
      return Keep();
    }
  }
  return Keep();
}

// The length of the Unicode white space character (Go's unicode.IsSpace) that starts at
// `offset`, 0 when there is none.
int SpaceAt(std::string_view text, size_t offset) {
  auto [rune, width] = DecodeRune(text, offset);
  bool space = IsLatin1Space(rune) || rune == 0x1680 || (rune >= 0x2000 && rune <= 0x200A) ||
               rune == 0x2028 || rune == 0x2029 || rune == 0x202F || rune == 0x205F ||
               rune == 0x3000;
  return space && rune != kReplacement ? width : 0;
}

// strings.TrimSpace: Unicode white space off both ends.
std::string_view TrimUnicodeSpace(std::string_view text) {
  size_t begin = 0;
  while (begin < text.size()) {
    int width = SpaceAt(text, begin);
    if (width == 0) break;
    begin += width;
  }
  size_t end = text.size();
  while (end > begin) {
    // Step back to the start of the last character.
    size_t start = end - 1;
    while (start > begin && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80 &&
           end - start < 4) {
      --start;
    }
    int width = SpaceAt(text, start);
    if (width == 0 || start + width != end) break;
    end = start;
  }
  return text.substr(begin, end - begin);
}

// Adds `token` to `statements` as SplitAndTrim does.
void AddTrimmed(std::string_view token, std::vector<std::string>* statements) {
  while (!token.empty() && token.back() == ';') token.remove_suffix(1);
  token = TrimUnicodeSpace(token);
  if (!token.empty()) statements->emplace_back(token);
}

// ---- checksums ----------------------------------------------------------------------

// The CRC-32 table of the IEEE polynomial (reflected 0xEDB88320), as java.util.zip.CRC32
// and zlib use it.
std::array<uint32_t, 256> MakeCrc32Table() {
  std::array<uint32_t, 256> table{};
  for (uint32_t i = 0; i < 256; ++i) {
    uint32_t value = i;
    for (int bit = 0; bit < 8; ++bit) value = (value & 1) ? (value >> 1) ^ 0xEDB88320u : value >> 1;
    table[i] = value;
  }
  return table;
}

uint32_t Crc32Update(uint32_t crc, std::string_view bytes) {
  static const std::array<uint32_t, 256> kTable = MakeCrc32Table();
  crc = ~crc;
  for (char c : bytes) crc = kTable[(crc ^ static_cast<unsigned char>(c)) & 0xFF] ^ (crc >> 8);
  return ~crc;
}

std::string Hex(const unsigned char* bytes, size_t size) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out;
  out.reserve(size * 2);
  for (size_t i = 0; i < size; ++i) {
    out.push_back(kDigits[bytes[i] >> 4]);
    out.push_back(kDigits[bytes[i] & 0xF]);
  }
  return out;
}

// Runs of white space collapsed to one space, ends trimmed.
std::string CollapseWhitespace(std::string_view text) {
  std::string out;
  bool space = false;
  for (char c : Trim(text)) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
      space = true;
      continue;
    }
    if (space) out.push_back(' ');
    space = false;
    out.push_back(c);
  }
  return out;
}

}  // namespace

std::string StatementFingerprint(std::string_view statement) {
  // pg_query_fingerprint leaves constants out on purpose (it groups queries that differ
  // only in their values), but an edited default or CHECK value is an edited migration.
  // So the fingerprint is the SHA-256 of libpg_query's parse tree with every source
  // position removed: comments and whitespace do not count, every literal does.
  std::string text(statement);
  PgQueryParseResult result = pg_query_parse(text.c_str());
  std::string fingerprint;
  if (result.error == nullptr && result.parse_tree != nullptr) {
    static const std::regex kPositions(R"re("(stmt_location|stmt_len|location)":-?[0-9]+,?)re");
    fingerprint = PrismaChecksum(std::regex_replace(std::string(result.parse_tree), kPositions, ""));
  } else {
    fingerprint = CollapseWhitespace(statement);
  }
  pg_query_free_parse_result(result);
  return fingerprint;
}

std::vector<std::string> StatementFingerprints(const std::vector<std::string>& statements) {
  std::vector<std::string> fingerprints;
  fingerprints.reserve(statements.size());
  for (const std::string& statement : statements) {
    fingerprints.push_back(StatementFingerprint(statement));
  }
  return fingerprints;
}

std::vector<std::string> SplitStatementsForHistory(std::string_view text) {
  std::vector<std::string> statements;
  auto state = MakeState(SplitState::Kind::kReady);
  size_t start = 0;
  for (size_t offset = 0; offset < text.size(); ++offset) {
    auto [rune, width] = DecodeRune(text, offset);
    size_t end = offset + width;
    std::string_view data = text.substr(start, end - start);
    Transition transition = Next(*state, rune, data);
    if (transition.action == Transition::Action::kEmit) {
      AddTrimmed(data, &statements);
      start = end;
      offset = end - 1;
      state = MakeState(SplitState::Kind::kReady);
    } else if (transition.action == Transition::Action::kMove) {
      state = std::move(transition.next);
    }
  }
  if (start < text.size()) AddTrimmed(text.substr(start), &statements);
  return statements;
}

std::string FlywayChecksum(std::string_view text) {
  // Flyway reads the file line by line (BufferedReader.readLine, which ends a line at
  // \n, \r or \r\n and drops the terminator), strips a byte-order mark from the first
  // line (BomFilter), and feeds each line's UTF-8 bytes to one CRC32; the value is cast
  // to a Java int. Lines are concatenated without terminators, so dropping every \r and
  // \n gives the same bytes.
  constexpr std::string_view kBom = "\xEF\xBB\xBF";
  if (text.starts_with(kBom)) text.remove_prefix(kBom.size());
  uint32_t crc = 0;
  size_t line_start = 0;
  for (size_t i = 0; i <= text.size(); ++i) {
    if (i == text.size() || text[i] == '\n' || text[i] == '\r') {
      crc = Crc32Update(crc, text.substr(line_start, i - line_start));
      line_start = i + 1;
    }
  }
  return std::to_string(static_cast<int32_t>(crc));
}

std::string PrismaChecksum(std::string_view bytes) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int size = 0;
  if (EVP_Digest(bytes.data(), bytes.size(), digest, &size, EVP_sha256(), nullptr) != 1) {
    return "";
  }
  return Hex(digest, size);
}

std::optional<model::HistoryTool> HistoryToolOfLayout(Layout layout) {
  switch (layout) {
    case Layout::kSupabase:
      return model::HistoryTool::kSupabase;
    case Layout::kFlyway:
      return model::HistoryTool::kFlyway;
    case Layout::kGolangMigrate:
      return model::HistoryTool::kGolangMigrate;
    case Layout::kDbmate:
      return model::HistoryTool::kDbmate;
    case Layout::kPrisma:
      return model::HistoryTool::kPrisma;
    case Layout::kPlain:
      return std::nullopt;
  }
  return std::nullopt;
}

std::vector<model::LocalMigration> LocalMigrations(const MigrationChain& chain) {
  std::vector<model::LocalMigration> migrations;
  migrations.reserve(chain.files.size());
  for (const MigrationFile& file : chain.files) {
    model::LocalMigration migration;
    migration.version = file.version;
    migration.name = file.name;
    migration.path = file.path;
    migration.repeatable = file.repeatable;
    migration.statements = SplitStatementsForHistory(file.source.text);
    migration.fingerprints = StatementFingerprints(migration.statements);
    switch (chain.layout) {
      case Layout::kFlyway:
        migration.checksum = FlywayChecksum(file.source.text);
        break;
      case Layout::kPrisma:
        migration.checksum = PrismaChecksum(file.source.text);
        break;
      case Layout::kSupabase:
      case Layout::kGolangMigrate:
      case Layout::kDbmate:
      case Layout::kPlain:
        break;
    }
    migrations.push_back(std::move(migration));
  }
  return migrations;
}

}  // namespace pgdrift::parser
